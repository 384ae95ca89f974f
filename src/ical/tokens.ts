/**
 * Secret feed links: each coach (and the coordinators, for the team and gaps feeds) gets a token of 256 random bits,
 * shown once; only its SHA-256 is stored, a presented token is hashed and compared in constant time with every
 * stored hash, and a token is revoked by stamping its record. Web Crypto only (`crypto.getRandomValues`,
 * `crypto.subtle`): runs in browsers, edge runtimes and Node 20.
 *
 * @module
 */
import { issue, type PathSegment, ValidationError, type ValidationIssue } from '../errors.js';
import type { Instant } from '../time/types.js';

/** Which feed a token opens. */
export type FeedTarget =
  | {
      /** One coach's own feed. */
      readonly kind: 'coach';
      /** The coach's id, as in the team file. */
      readonly coachId: string;
    }
  | {
      /** The team feed: every coach's shifts. */
      readonly kind: 'team';
    }
  | {
      /** The gaps feed: spans without enough coaches, and SLA exposure. */
      readonly kind: 'gaps';
    };

/** One issued token, as stored: never the token itself. */
export interface TokenRecord {
  /** A short random id (16 hex digits), to name the record; unrelated to the token. */
  readonly id: string;
  /** The feed the token opens. */
  readonly target: FeedTarget;
  /** SHA-256 of the token's text, 64 lowercase hex digits. */
  readonly hash: string;
  /** When it was issued, UTC epoch ms. */
  readonly createdAt: Instant;
  /** Set once revoked: the token opens nothing from then on. */
  readonly revokedAt?: Instant;
}

/**
 * Where the handler finds the issued tokens. Read on every request, so a revocation written by another process
 * takes effect on the next request. Implementations: a plain array (`{ records: () => list }`), the JSON file of
 * `astreinte/node` (`jsonFileTokenStore`), or a database.
 */
export interface TokenStore {
  /** Every stored record, revoked ones included (`findToken` skips those); may be async. */
  records(): readonly TokenRecord[] | Promise<readonly TokenRecord[]>;
}

/** The stored form of a token file. `version` is 1. */
export interface TokenFile {
  /** Version of the file's shape; 1. */
  readonly version: 1;
  /** Every issued token's record, revoked ones included. */
  readonly tokens: readonly TokenRecord[];
}

/** Bytes of randomness in a token: 256 bits (the issue asks at least 128). */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * `true` when `text` has the shape of a token (43 base64url characters); says nothing of whether it is issued.
 *
 * @example isTokenShaped('abc') === false
 */
export function isTokenShaped(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

/**
 * A feed target's short name: `coach:<id>`, `team` or `gaps` (the feed ids of the published state).
 *
 * @example targetKey({ kind: 'coach', coachId: 'amelie' }) === 'coach:amelie'
 */
export function targetKey(target: FeedTarget): string {
  return target.kind === 'coach' ? `coach:${target.coachId}` : target.kind;
}

/**
 * Issues a new token for `target`: returns the token (show it once, never store it) and the record to store.
 *
 * @example
 * const { token, record } = await issueToken({ kind: 'coach', coachId: 'amelie' }, now);
 * // token: 43 base64url characters; record.hash: its SHA-256
 */
export async function issueToken(
  target: FeedTarget,
  now: Instant,
): Promise<{
  /** The token: 43 base64url characters (256 random bits). Show it once; it is stored nowhere. */
  readonly token: string;
  /** The record to store: the token's SHA-256, never the token. */
  readonly record: TokenRecord;
}> {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  const token = base64url(bytes);
  const id = hex(crypto.getRandomValues(new Uint8Array(8)));
  return { token, record: { id, target, hash: await hashToken(token), createdAt: now } };
}

/**
 * SHA-256 of the token's UTF-8 text, lowercase hex.
 *
 * @example (await hashToken(token)).length === 64
 */
export async function hashToken(token: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))));
}

/**
 * The live record a token opens, or `undefined`. The token's hash is compared with **every** live record's hash,
 * each comparison touching every character, so the time taken does not depend on how much of a hash matched.
 *
 * @example const record = await findToken((await store.records()), token); // undefined: answer 404
 */
export async function findToken(
  records: readonly TokenRecord[],
  token: string,
): Promise<TokenRecord | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const hash = await hashToken(token);
  let found: TokenRecord | undefined;
  for (const record of records) {
    if (record.revokedAt === undefined && sameDigest(record.hash, hash)) found = record;
  }
  return found;
}

/** Constant-time equality of two hex digests of the same length. */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Revokes every live token of `target`: a new list, the matching records stamped with `revokedAt: now`.
 *
 * @returns the new list and how many records were revoked.
 *
 * @example const { records: next, revoked } = revokeTokens(file.tokens, { kind: 'coach', coachId: 'amelie' }, now);
 */
export function revokeTokens(
  records: readonly TokenRecord[],
  target: FeedTarget,
  now: Instant,
): {
  /** The new list, in the same order; `records` itself is not changed. */
  readonly records: readonly TokenRecord[];
  /** How many live records were revoked (0 when the target had none). */
  readonly revoked: number;
} {
  const key = targetKey(target);
  let revoked = 0;
  const next = records.map((r) => {
    if (r.revokedAt !== undefined || targetKey(r.target) !== key) return r;
    revoked++;
    return { ...r, revokedAt: now };
  });
  return { records: next, revoked };
}

/**
 * Checks a token file read back from JSON, listing every problem. An absent file is `{ version: 1, tokens: [] }`.
 * Other keys are ignored (a `"$schema"` key, for editors, must be a string) and not kept.
 *
 * @throws {@link index!ValidationError} with paths such as `tokens[2].hash`.
 *
 * @example parseTokenFile(JSON.parse(text)).tokens.filter((r) => r.revokedAt === undefined)
 */
export function parseTokenFile(json: unknown): TokenFile {
  const issues: ValidationIssue[] = [];
  const record =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  if (record === undefined)
    throw new ValidationError([issue('', json, 'is not a token file', '{ "version": 1, "tokens": [...] }')]);
  if (record.version !== 1) issues.push(issue('version', record.version, 'is not a known version', '1'));
  // `$schema` is for editors (schema/tokens.schema.json); ignored, but a string.
  if (record.$schema !== undefined && typeof record.$schema !== 'string') {
    issues.push(
      issue('$schema', record.$schema, 'is not a schema reference', 'the URL or path of a JSON Schema'),
    );
  }
  if (!Array.isArray(record.tokens)) {
    issues.push(issue('tokens', record.tokens, 'is not a list', 'a list of token records'));
    throw new ValidationError(issues);
  }
  record.tokens.forEach((raw: unknown, i) => {
    const at = (...rest: PathSegment[]) => ['tokens', i, ...rest];
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (typeof r.id !== 'string' || !/^[0-9a-f]{16}$/.test(r.id))
      issues.push(issue(at('id'), r.id, 'is not a record id', '16 hex digits'));
    if (typeof r.hash !== 'string' || !/^[0-9a-f]{64}$/.test(r.hash)) {
      issues.push(issue(at('hash'), r.hash, 'is not a SHA-256 digest', '64 lowercase hex digits'));
    }
    if (!Number.isSafeInteger(r.createdAt))
      issues.push(issue(at('createdAt'), r.createdAt, 'is not an instant', 'UTC epoch ms'));
    if (r.revokedAt !== undefined && !Number.isSafeInteger(r.revokedAt)) {
      issues.push(issue(at('revokedAt'), r.revokedAt, 'is not an instant', 'UTC epoch ms, or absent'));
    }
    const t = typeof r.target === 'object' && r.target !== null ? (r.target as Record<string, unknown>) : {};
    const ok =
      t.kind === 'team' ||
      t.kind === 'gaps' ||
      (t.kind === 'coach' && typeof t.coachId === 'string' && t.coachId !== '');
    if (!ok)
      issues.push(
        issue(
          at('target'),
          r.target,
          'is not a feed',
          '{ kind: "coach", coachId } or { kind: "team" | "gaps" }',
        ),
      );
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return { version: 1, tokens: record.tokens as TokenRecord[] };
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
