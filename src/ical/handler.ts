/**
 * Serving the feeds behind their secret links: a standard Fetch API handler `(request) => Promise<Response>` for
 * Node (through `astreinte/node`'s `nodeListener`), Deno, Bun, Cloudflare Workers and the like. Web Crypto only.
 *
 * `GET /feeds/<token>.ics` (or without `.ics`, as `webcal://` clients ask): the feed, `text/calendar;
 * charset=utf-8`, a strong `ETag` (SHA-256 of the bytes) answered with 304 on `If-None-Match`, `Cache-Control`.
 * `HEAD` the same headers without a body. Any other method 405 with `Allow: GET, HEAD`. A path that is not a live
 * token's link, whatever it is: 404 with an empty body (nothing is ever listed). The handler keeps each feed's last
 * good bytes, so when its inputs break (a file being edited) it keeps serving them and reports why through
 * `onError`, in words that carry no personal data and no token.
 *
 * @module
 */
import { ValidationError } from '../errors.js';
import { type FeedTarget, findToken, type TokenStore, targetKey } from './tokens.js';

/** Where feeds come from. `version` is asked on every request; `build` only when the version changed. */
export interface FeedSource {
  /** A key that changes whenever the feeds' inputs do (file hashes, and the day, as the horizon moves). Cheap. */
  version(): string | Promise<string>;
  /** The iCalendar text of one feed, from the inputs `version` named. May throw on broken inputs. */
  build(target: FeedTarget, version: string): string | Promise<string>;
}

/** One request, as the handler reports it: never the token, never a caller's data. */
export interface FeedRequestLog {
  /** The HTTP method of the request (`GET`, `HEAD`...). */
  readonly method: string;
  /** The HTTP status answered (200, 304, 404...). */
  readonly status: number;
  /** The feed served (`coach:<id>`, `team`, `gaps`), absent when none was. */
  readonly feed?: string;
  /** Body bytes sent (0 for HEAD, 304, 404...). */
  readonly bytes: number;
}

/** What {@link createFeedHandler} takes. */
export interface FeedHandlerOptions {
  /** The issued tokens, read on every request (a revocation takes effect at once). */
  readonly tokens: TokenStore;
  /** Where the feeds' text comes from. */
  readonly source: FeedSource;
  /** Where the links live. @defaultValue `'/feeds/'` */
  readonly pathPrefix?: string;
  /** @defaultValue `'private, max-age=300'` (clients revalidate with the ETag after five minutes) */
  readonly cacheControl?: string;
  /** Called once per request (for an access log). */
  readonly onRequest?: (entry: FeedRequestLog) => void;
  /** Called when inputs are broken or a build fails; `reason` holds no personal data and no token. */
  readonly onError?: (reason: string) => void;
}

interface Cached {
  readonly version: string;
  readonly body: Uint8Array;
  readonly etag: string;
}

/**
 * Creates the handler. It keeps, per feed, the bytes built for the latest version (a cache in its closure, no
 * shared state between handlers).
 *
 * @example
 * const handler = createFeedHandler({ tokens: { records: () => records }, source });
 * const response = await handler(new Request('https://example.org/feeds/<token>.ics'));
 */
export function createFeedHandler(options: FeedHandlerOptions): (request: Request) => Promise<Response> {
  const prefix = options.pathPrefix ?? '/feeds/';
  const cacheControl = options.cacheControl ?? 'private, max-age=300';
  const cache = new Map<string, Cached>();
  // The last failure reported per feed, so a broken file is reported once, not on every request.
  const reported = new Map<string, string>();
  const log = (method: string, status: number, bytes = 0, feed?: string): void =>
    options.onRequest?.({ method, status, bytes, ...(feed === undefined ? {} : { feed }) });

  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      log(method, 405);
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const token = tokenOf(new URL(request.url).pathname, prefix);
    let record: Awaited<ReturnType<typeof findToken>>;
    try {
      record = token === undefined ? undefined : await findToken(await options.tokens.records(), token);
    } catch (error) {
      // A token store that cannot be read serves nothing: a revocation it holds must not be missed.
      options.onError?.(`token store: ${describeFailure(error)}; answering 503`);
      log(method, 503);
      return new Response(null, {
        status: 503,
        headers: { 'Retry-After': '60', 'Cache-Control': 'no-store' },
      });
    }
    if (record === undefined) {
      log(method, 404);
      return notFound();
    }
    const key = targetKey(record.target);
    const feed = await current(record.target, key);
    if (feed === undefined) {
      log(method, 503, 0, key);
      return new Response(null, {
        status: 503,
        headers: { 'Retry-After': '60', 'Cache-Control': 'no-store' },
      });
    }
    const headers = {
      'Content-Type': 'text/calendar; charset=utf-8',
      ETag: feed.etag,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (matches(request.headers.get('If-None-Match'), feed.etag)) {
      log(method, 304, 0, key);
      return new Response(null, { status: 304, headers });
    }
    const sent = method === 'HEAD' ? 0 : feed.body.byteLength;
    log(method, 200, sent, key);
    return new Response(method === 'HEAD' ? null : (feed.body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...headers, 'Content-Length': String(feed.body.byteLength) },
    });
  };

  async function current(target: FeedTarget, key: string): Promise<Cached | undefined> {
    const last = cache.get(key);
    try {
      const version = await options.source.version();
      if (last !== undefined && last.version === version) return last;
      const body = new TextEncoder().encode(await options.source.build(target, version));
      const next = { version, body, etag: await etagOf(body) };
      cache.set(key, next);
      reported.delete(key);
      return next;
    } catch (error) {
      const reason = `feed ${key}: ${describeFailure(error)}; ${last === undefined ? 'nothing to serve yet (503)' : 'serving the last good feed'}`;
      if (reported.get(key) !== reason) options.onError?.(reason);
      reported.set(key, reason);
      return last;
    }
  }
}

/**
 * Says what went wrong without quoting any value: the error's kind and, for bad input, the paths of its problems
 * (a value may be personal data; a path never is).
 *
 * @example describeFailure(new TypeError('...')) === 'TypeError' // the message is never quoted
 * @example describeFailure(validationError) // 'invalid input at coaches[2].name'
 */
export function describeFailure(error: unknown): string {
  if (error instanceof ValidationError) {
    const paths = error.issues.slice(0, 5).map((i) => i.path || '(input)');
    const more = error.issues.length > 5 ? ` and ${error.issues.length - 5} more` : '';
    return `invalid input at ${paths.join(', ')}${more}`;
  }
  return error instanceof Error ? `${error.name}` : 'unknown failure';
}

function tokenOf(pathname: string, prefix: string): string | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  const token = rest.endsWith('.ics') ? rest.slice(0, -4) : rest;
  return token.includes('/') ? undefined : token;
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

async function etagOf(body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return `"${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}

/** `If-None-Match` (RFC 9110 13.1.2): `*`, or a list of tags compared weakly (a `W/` prefix is ignored). */
function matches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
