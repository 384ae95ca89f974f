// An edge function: the feed handler alone, serving feeds a build step wrote (Web Crypto, no Node).
import { createFeedHandler } from 'astreinte/ical';

globalThis.handler = (records, feeds) =>
  createFeedHandler({
    tokens: { records: () => records },
    source: { version: () => 'v1', build: (t) => feeds[t.kind] },
  });
