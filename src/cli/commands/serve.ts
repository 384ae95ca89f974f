/**
 * `astreinte serve`: serves the feeds behind their secret links over HTTP until stopped (SIGINT or SIGTERM). Feeds
 * are built from the files as they are when asked (and cached until a file changes); the token file is read again
 * when it changes, so a revocation takes effect on the next request.
 *
 * @module
 */
import { createFeedHandler, type FeedRequestLog } from '../../ical/index.js';
import { fail } from '../../index.js';
import { fileFeedSource, jsonFileTokenStore, listen, readFeedInputs } from '../../node/index.js';
import type { Subcommand } from '../command.js';
import { requiredOption, stringOption } from '../common.js';
import { FEED_INPUT_OPTIONS, feedStyleArgs } from './feeds.js';

/** One access-log line: the instant, method, status, feed and size; the path's token never appears. */
export function accessLine(at: number, entry: FeedRequestLog): string {
  return `${new Date(at).toISOString()} ${entry.method} /feeds/<token> ${entry.status} ${entry.feed ?? '-'} ${entry.bytes}B\n`;
}

/** `astreinte serve <team.json> [requests.json] --tokens <tokens.json> [--port N] [--host 127.0.0.1] ...`. */
export const serveCommand: Subcommand = {
  name: 'serve',
  summary: 'serve the feeds over HTTP behind their secret links, until stopped',
  usage:
    'astreinte serve <team.json> [requests.json] --tokens <tokens.json> [--port <n>] [--host <address>]\n' +
    '                [--rota <rota.json>] [--bookings <bookings.json>] [--lang fr|en] [--times zoned|utc] [--check]',
  details:
    'Answers GET and HEAD /feeds/<token>.ics (what webcal:// links ask) with the feed the token opens, built\n' +
    'from the files as they are now; 404 for anything else. One log line per request, without the token. A\n' +
    'file that breaks while serving keeps the last good feeds served, and says why on standard error.',
  example:
    'astreinte serve examples/ca-va-patron.json examples/requests.json --tokens examples/tokens.json --check',
  options: {
    tokens: { type: 'string', valueName: '<tokens.json>', description: 'the token file of astreinte tokens' },
    port: { type: 'string', valueName: '<n>', description: 'TCP port, 0 for any free one (default: 8080)' },
    host: {
      type: 'string',
      valueName: '<address>',
      description: 'address to listen on (default: 127.0.0.1)',
    },
    check: {
      type: 'boolean',
      description: 'check the files and the token file, say what would be served, and exit',
    },
    ...FEED_INPUT_OPTIONS,
  },
  positionals: ['team.json', 'requests.json?'],
  async run(args, io) {
    const tokens = requiredOption(args, 'tokens', 'the token file of astreinte tokens');
    const portText = stringOption(args, 'port') ?? '8080';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65_535)
      fail('--port', portText, 'is not a port', 'an integer from 0 to 65535');
    const host = stringOption(args, 'host') ?? '127.0.0.1';
    const style = feedStyleArgs(args);
    const requests = args.positionals[1];
    const rota = stringOption(args, 'rota');
    const bookings = stringOption(args, 'bookings');
    const files = {
      team: args.positionals[0] as string,
      ...(requests === undefined ? {} : { requests }),
      ...(rota === undefined ? {} : { rota }),
      ...(bookings === undefined ? {} : { bookings }),
    };
    readFeedInputs(files, io, io.now()); // bad files stop the start, with every problem listed
    // A bad token file stops the start too.
    const live = (await jsonFileTokenStore(tokens).records()).filter((r) => r.revokedAt === undefined).length;
    if (args.values.check === true) {
      io.stdout(
        `Files and token file are valid: ${live} live link${live === 1 ? '' : 's'} would be served.\n`,
      );
      return 0;
    }
    const handler = createFeedHandler({
      tokens: jsonFileTokenStore(tokens),
      source: fileFeedSource({ files, now: io.now, feed: style }),
      onRequest: (entry) => io.stdout(accessLine(io.now(), entry)),
      onError: (reason) => io.stderr(`astreinte serve: ${reason}\n`),
    });
    const server = await listen(handler, {
      port,
      host,
      onError: (r) => io.stderr(`astreinte serve: ${r}\n`),
    }).catch((error: unknown) => {
      // A port taken, an address not of this machine: the command line's fault, not astreinte's.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      return fail(
        '--host and --port',
        `${host}:${port}`,
        `cannot be listened on (${code})`,
        'a free port on an address of this machine',
      );
    });
    io.stdout(`Serving feeds on ${server.url}/feeds/<token>.ics (stop with Ctrl-C)\n`);
    await stopped();
    await server.close();
    io.stdout('Stopped.\n');
    return 0;
  },
};

/** Resolves on the first SIGINT or SIGTERM. */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
