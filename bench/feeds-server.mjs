/**
 * Workload 9b's server: one feed behind one token, served by `createFeedHandler` through `astreinte/node`'s
 * `listen` on 127.0.0.1 (a free port), the feed built once and cached (the source's version never changes). Prints
 * `{ url, bytes }` as one JSON line once listening, then serves until killed. Run by bench/feeds.mjs as a child
 * process, so the load generator (autocannon) runs in another process.
 */
import { readFileSync } from 'node:fs';
import { icalUrl, nodeUrl } from './lib.mjs';

const { createFeedHandler, issueToken } = await import(icalUrl);
const { listen } = await import(nodeUrl);
const ics = readFileSync(process.argv[2], 'utf8');
const { token, record } = await issueToken({ kind: 'coach', coachId: 'c0' }, 0);
const handler = createFeedHandler({
  tokens: { records: () => [record] },
  source: { version: () => 'v1', build: () => ics },
});
const { url } = await listen(handler, { port: 0, host: '127.0.0.1' });
process.stdout.write(
  `${JSON.stringify({ url: `${url}/feeds/${token}.ics`, bytes: Buffer.byteLength(ics) })}\n`,
);
