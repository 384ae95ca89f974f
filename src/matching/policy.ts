/**
 * The matching policy: who may take a call, when calls may start, how far apart, how many a day, and how retries
 * are spaced. Every default is resolved and validated once, here.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { HOUR, MINUTE } from '../time/types.js';

/** Who can take a call: anyone free per the team file, or only whoever holds a rota layer then. */
export type Eligibility = 'available' | 'on-call';

/** The policy as a caller writes it; every field is optional. */
export interface MatchingPolicyInput {
  /**
   * `available`: any coach free then (availability minus absences). `on-call`: only coaches holding one of
   * `layers` in the rota then (needs `rota`). @defaultValue `'available'`
   */
  readonly eligible?: Eligibility;
  /** With `eligible: 'on-call'`, the rota layers whose holders take calls. @defaultValue every layer of the rota */
  readonly layers?: readonly string[];
  /** Minutes a coach keeps free between the end of one call and the start of the next. @defaultValue 15 */
  readonly bufferMinutes?: number;
  /** Most calls per coach per local day (of the coach's zone), existing bookings included. @defaultValue 3 */
  readonly maxCallsPerDay?: number;
  /**
   * Calls start on this grid of local wall-clock time (minutes past local midnight divisible by it); a divisor of
   * 1,440 from 5 to 240. @defaultValue 30
   */
  readonly gridMinutes?: number;
  /** Earliest start after `now`, in minutes (time to read the request and get ready). @defaultValue 0 */
  readonly minNoticeMinutes?: number;
  /** After a `no-answer` attempt, the next try starts at least this many minutes later. @defaultValue 120 */
  readonly retrySpacingMinutes?: number;
  /**
   * Tries after the first: a request with more `no-answer` attempts than this is `unreachable`. @defaultValue 3
   */
  readonly maxRetries?: number;
  /**
   * The promise to the caller, in hours: first contact within this long after receipt, or after the start of the
   * first callback window when the caller asked to be called later. @defaultValue 24
   */
  readonly deadlineHours?: number;
}

/** A resolved policy: defaults filled in, durations in ms. */
export interface MatchingPolicy {
  /** Who may take a call: `available` (free per the team file) or `on-call` (holding a rota layer). */
  readonly eligible: Eligibility;
  /** `undefined`: every layer of the rota. */
  readonly layers?: readonly string[];
  /** Time a coach keeps free between two calls, in ms (`bufferMinutes` × 60,000; 0 to 4 h). */
  readonly bufferMs: number;
  /** Most calls per coach per local day of the coach's zone, bookings included; 1 to 48. */
  readonly maxCallsPerDay: number;
  /** Calls start on local wall-clock multiples of this many minutes past midnight; a divisor of 1,440, 5 to 240. */
  readonly gridMinutes: number;
  /** Earliest start after `now`, in ms (`minNoticeMinutes` × 60,000; up to a week). */
  readonly minNoticeMs: number;
  /** Least time from a `no-answer` attempt to the next try, in ms (`retrySpacingMinutes` × 60,000; up to a week). */
  readonly retrySpacingMs: number;
  /** Tries after the first: more `no-answer` attempts than this make a request `unreachable`; 0 to 20. */
  readonly maxRetries: number;
  /** The promise, in ms of real elapsed time (`deadlineHours` × 3,600,000; 1 h to 14 days). */
  readonly deadlineMs: number;
}

/**
 * Keys a matching policy may hold (the fields of {@link MatchingPolicyInput}), for files and messages: any other
 * key is refused by {@link resolveMatchingPolicy}.
 *
 * @example MATCHING_POLICY_KEYS.includes('bufferMinutes') === true
 */
export const MATCHING_POLICY_KEYS = [
  'eligible',
  'layers',
  'bufferMinutes',
  'maxCallsPerDay',
  'gridMinutes',
  'minNoticeMinutes',
  'retrySpacingMinutes',
  'maxRetries',
  'deadlineHours',
] as const;

/**
 * Resolves and validates a matching policy.
 *
 * @throws {@link ValidationError} listing every problem, with paths such as `policy.bufferMinutes`.
 * @example resolveMatchingPolicy({ bufferMinutes: 30 }).bufferMs === 1_800_000
 */
export function resolveMatchingPolicy(input: MatchingPolicyInput | undefined): MatchingPolicy {
  const p = (input ?? {}) as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(p)) {
    if (!(MATCHING_POLICY_KEYS as readonly string[]).includes(key)) {
      issues.push(
        issue(
          ['policy', key],
          p[key],
          'is not a matching setting',
          `one of ${MATCHING_POLICY_KEYS.join(', ')}`,
        ),
      );
    }
  }
  const whole = (key: string, fallback: number, min: number, max: number, extra?: (n: number) => boolean) => {
    const value = p[key] ?? fallback;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < min ||
      value > max ||
      !(extra?.(value) ?? true)
    ) {
      const divisor = extra === undefined ? '' : ' dividing 1440';
      issues.push(
        issue(['policy', key], value, 'is out of range', `a whole number from ${min} to ${max}${divisor}`),
      );
      return fallback;
    }
    return value;
  };
  const eligible = p.eligible ?? 'available';
  if (eligible !== 'available' && eligible !== 'on-call') {
    issues.push(issue('policy.eligible', eligible, 'is not an eligibility', 'available or on-call'));
  }
  const layers = p.layers;
  if (
    layers !== undefined &&
    (!Array.isArray(layers) || layers.some((l) => typeof l !== 'string' || l === ''))
  ) {
    issues.push(issue('policy.layers', layers, 'is not a list of layers', 'an array of rota layer names'));
  }
  const policy: MatchingPolicy = {
    eligible: eligible === 'on-call' ? 'on-call' : 'available',
    ...(Array.isArray(layers) ? { layers: layers as string[] } : {}),
    bufferMs: whole('bufferMinutes', 15, 0, 240) * MINUTE,
    maxCallsPerDay: whole('maxCallsPerDay', 3, 1, 48),
    gridMinutes: whole('gridMinutes', 30, 5, 240, (n) => 1440 % n === 0),
    minNoticeMs: whole('minNoticeMinutes', 0, 0, 7 * 24 * 60) * MINUTE,
    retrySpacingMs: whole('retrySpacingMinutes', 120, 0, 7 * 24 * 60) * MINUTE,
    maxRetries: whole('maxRetries', 3, 0, 20),
    deadlineMs: whole('deadlineHours', 24, 1, 24 * 14) * HOUR,
  };
  if (issues.length > 0) throw new ValidationError(issues);
  return policy;
}
