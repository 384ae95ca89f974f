/**
 * `astreinte tokens issue` and `astreinte tokens revoke`: the secret links of the feeds. The token file holds only
 * the tokens' SHA-256; a new token is printed once and never again.
 *
 * @module
 */
import { type FeedTarget, issueToken, revokeTokens, type TokenRecord, targetKey } from '../../ical/index.js';
import { fail } from '../../index.js';
import { readTokenFile, tokenFileText } from '../../node/index.js';
import { type CommandIo, type OptionSpec, type ParsedArgs, type Subcommand, UsageError } from '../command.js';
import { keepingSchema, stringOption } from '../common.js';

const TARGET_OPTIONS = {
  coach: { type: 'string', valueName: '<id>', description: 'the coach whose feed the link opens' },
  team: { type: 'boolean', description: 'the team feed (every shift, for the coordinators)' },
  gaps: { type: 'boolean', description: 'the gaps feed (for the coordinators)' },
} as const satisfies Record<string, OptionSpec>;

/** Exactly one of `--coach <id>`, `--team`, `--gaps`. */
function targetArg(args: ParsedArgs): FeedTarget {
  const coach = stringOption(args, 'coach');
  const chosen = [coach !== undefined, args.values.team === true, args.values.gaps === true].filter(
    Boolean,
  ).length;
  if (chosen !== 1) throw new UsageError('give exactly one of --coach <id>, --team or --gaps');
  if (coach !== undefined) {
    if (!/^[A-Za-z0-9._-]+$/.test(coach))
      fail('--coach', coach, 'is not a coach id', 'letters, digits, ".", "_" and "-"');
    return { kind: 'coach', coachId: coach };
  }
  return args.values.team === true ? { kind: 'team' } : { kind: 'gaps' };
}

/** The token file's records; a file that does not exist yet has none. */
function readTokens(path: string, io: CommandIo): readonly TokenRecord[] {
  return readTokenFile(path, io).tokens;
}

/** `astreinte tokens issue <tokens.json> (--coach <id> | --team | --gaps) [--base-url <url>]`. */
export const tokensIssueCommand: Subcommand = {
  name: 'tokens issue',
  summary: 'a new secret feed link, printed once; only its hash is stored',
  usage: 'astreinte tokens issue <tokens.json> (--coach <id> | --team | --gaps) [--base-url <url>]',
  details:
    'Creates a token of 256 random bits for one feed, stores its SHA-256 in the token file (created if\n' +
    'missing, written atomically) and prints the link once: it cannot be shown again, only revoked.',
  example: 'astreinte tokens issue examples/tokens.json --coach amelie --base-url https://feeds.example.org',
  options: {
    ...TARGET_OPTIONS,
    'base-url': {
      type: 'string',
      valueName: '<url>',
      description: 'where astreinte serve is reached, to print the whole https:// and webcal:// links',
    },
  },
  positionals: ['tokens.json'],
  async run(args, io) {
    const path = args.positionals[0] as string;
    const target = targetArg(args);
    const records = readTokens(path, io);
    const { token, record } = await issueToken(target, io.now());
    io.writeFiles(new Map([[path, keepingSchema(io, path, tokenFileText([...records, record]))]]));
    const link = `/feeds/${token}.ics`;
    const base = stringOption(args, 'base-url')?.replace(/\/+$/, '');
    io.stdout(`New link for ${targetKey(target)} (shown once; keep it secret):\n`);
    if (base === undefined) io.stdout(`  ${link}\n`);
    else io.stdout(`  ${base}${link}\n  ${base.replace(/^https?:/, 'webcal:')}${link}\n`);
    return 0;
  },
};

/** `astreinte tokens revoke <tokens.json> (--coach <id> | --team | --gaps)`. */
export const tokensRevokeCommand: Subcommand = {
  name: 'tokens revoke',
  summary: 'revoke every live link of a feed (a running serve stops answering it at once)',
  usage: 'astreinte tokens revoke <tokens.json> (--coach <id> | --team | --gaps)',
  example: 'astreinte tokens revoke examples/tokens.json --coach amelie',
  options: TARGET_OPTIONS,
  positionals: ['tokens.json'],
  run(args, io) {
    const path = args.positionals[0] as string;
    const target = targetArg(args);
    const { records, revoked } = revokeTokens(readTokens(path, io), target, io.now());
    if (revoked > 0) io.writeFiles(new Map([[path, keepingSchema(io, path, tokenFileText(records))]]));
    io.stdout(`${revoked} link${revoked === 1 ? '' : 's'} of ${targetKey(target)} revoked\n`);
    return 0;
  },
};
