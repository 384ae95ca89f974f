/**
 * The intake policy: what the caller's words mean in wall-clock minutes (the bounds of "matin", "soir"...; how long
 * an open end or a point lasts; how many days a recurrence covers). Every default is resolved and validated once,
 * here; the team file's optional `intake` key holds the same fields.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { parseTimeOfDay } from '../time/local.js';

/** The named parts of a day the words know (see the README, "What the intake words mean"). */
export type PeriodName =
  | 'morning'
  | 'lateMorning'
  | 'lunch'
  | 'afternoon'
  | 'earlyAfternoon'
  | 'lateAfternoon'
  | 'evening'
  | 'night'
  | 'daytime'
  | 'wholeDay';

/** Every period name, in the order the README lists them. */
export const PERIOD_NAMES: readonly PeriodName[] = [
  'morning',
  'lateMorning',
  'lunch',
  'afternoon',
  'earlyAfternoon',
  'lateAfternoon',
  'evening',
  'night',
  'daytime',
  'wholeDay',
];

/**
 * A period as written: wall-clock `HH:mm` bounds (or minutes since midnight, as a resolved policy holds them); a
 * `to` at or before `from` ends on the next day (night).
 */
export interface PeriodBoundsInput {
  /** Start, local `HH:mm` or minutes since midnight. */
  readonly from: string | number;
  /** End, local `HH:mm` or minutes since midnight; earlier than `from` means the next day. */
  readonly to: string | number;
}

/**
 * The policy as a caller (or the team file's `intake` key) writes it; every field is optional. Times of day are
 * `HH:mm` (or minutes since midnight, so a resolved {@link IntakePolicy} is a valid input too).
 */
export interface IntakePolicyInput {
  /** Bounds of the named periods, `HH:mm`; each given period replaces its default. */
  readonly periods?: Partial<Readonly<Record<PeriodName, PeriodBoundsInput>>>;
  /** "après H" lasts until `max(openEndLatest, H + openMinutes)`. @defaultValue `'22:00'` */
  readonly openEndLatest?: string | number;
  /** "avant H" starts at `min(openStartEarliest, H - openMinutes)`. @defaultValue `'08:00'` */
  readonly openStartEarliest?: string | number;
  /** Least length of an open end, in minutes. @defaultValue 120 */
  readonly openMinutes?: number;
  /** Length of a point ("à 14h"), in minutes. @defaultValue 60 */
  readonly pointMinutes?: number;
  /** "vers H" starts this many minutes before H. @defaultValue 30 */
  readonly aroundBeforeMinutes?: number;
  /** "vers H" ends this many minutes after H. @defaultValue 90 */
  readonly aroundAfterMinutes?: number;
  /** Local days a recurrence ("tous les soirs") covers, the receipt date first. @defaultValue 7 */
  readonly recurrenceDays?: number;
  /** "dès que possible" is `[receivedAt, receivedAt + anyTimeHours)`. @defaultValue 24 */
  readonly anyTimeHours?: number;
  /** A message received before this local time that says "demain" means the date that is starting. @defaultValue `'04:00'` */
  readonly afterMidnightUntil?: string | number;
}

/** A resolved period: minutes since local midnight; `to > from`, `to` may pass 1,440 (the next day). */
export interface PeriodBounds {
  /** Start, minutes since local midnight (0 to 1,439). */
  readonly from: number;
  /** End, minutes since local midnight, after `from`; above 1,440 on the next day. */
  readonly to: number;
}

/** A resolved policy: defaults filled in, times of day and lengths in minutes. */
export interface IntakePolicy {
  /** Bounds of every named period ("matin", "soir"...). */
  readonly periods: Readonly<Record<PeriodName, PeriodBounds>>;
  /** "après H" lasts until `max(openEndLatest, H + openMinutes)`: minutes since local midnight. */
  readonly openEndLatest: number;
  /** "avant H" starts at `min(openStartEarliest, H - openMinutes)`: minutes since local midnight. */
  readonly openStartEarliest: number;
  /** Least length of an open end, in minutes. */
  readonly openMinutes: number;
  /** Length of a point ("à 14h"), in minutes. */
  readonly pointMinutes: number;
  /** "vers H" starts this many minutes before H. */
  readonly aroundBeforeMinutes: number;
  /** "vers H" ends this many minutes after H. */
  readonly aroundAfterMinutes: number;
  /** Local days a recurrence ("tous les soirs") covers, the receipt date first. */
  readonly recurrenceDays: number;
  /** "dès que possible" is `[receivedAt, receivedAt + anyTimeHours)`, in hours. */
  readonly anyTimeHours: number;
  /** Before this local time (minutes since midnight), "demain" means the date that is starting. */
  readonly afterMidnightUntil: number;
}

/**
 * The contract's defaults (issue 10, section 2): matin 08:00-12:00, fin de matinée 10:00-12:00, midi 12:00-14:00,
 * après-midi 14:00-18:00 (début 14:00-16:00, fin 16:00-18:00), soir 18:00-22:00, nuit 22:00-06:00, en journée
 * 08:00-18:00, a whole day 08:00-22:00; open ends to 22:00 / from 08:00 and at least 2 h; points 1 h; "vers" 30 min
 * before to 1 h 30 after; recurrences over 7 days; any time 24 h; "demain" before 04:00 is the date starting.
 */
export const DEFAULT_INTAKE_POLICY: IntakePolicy = {
  periods: {
    morning: { from: 480, to: 720 },
    lateMorning: { from: 600, to: 720 },
    lunch: { from: 720, to: 840 },
    afternoon: { from: 840, to: 1080 },
    earlyAfternoon: { from: 840, to: 960 },
    lateAfternoon: { from: 960, to: 1080 },
    evening: { from: 1080, to: 1320 },
    night: { from: 1320, to: 1800 },
    daytime: { from: 480, to: 1080 },
    wholeDay: { from: 480, to: 1320 },
  },
  openEndLatest: 1320,
  openStartEarliest: 480,
  openMinutes: 120,
  pointMinutes: 60,
  aroundBeforeMinutes: 30,
  aroundAfterMinutes: 90,
  recurrenceDays: 7,
  anyTimeHours: 24,
  afterMidnightUntil: 240,
};

/** Keys an intake policy may hold. */
export const INTAKE_POLICY_KEYS: readonly (keyof IntakePolicyInput)[] = [
  'periods',
  'openEndLatest',
  'openStartEarliest',
  'openMinutes',
  'pointMinutes',
  'aroundBeforeMinutes',
  'aroundAfterMinutes',
  'recurrenceDays',
  'anyTimeHours',
  'afterMidnightUntil',
];

const MINUTE_FIELDS = {
  openMinutes: [0, 720],
  pointMinutes: [1, 720],
  aroundBeforeMinutes: [0, 720],
  aroundAfterMinutes: [1, 720],
  recurrenceDays: [1, 31],
  anyTimeHours: [1, 168],
} as const;
const CLOCK_FIELDS = ['openEndLatest', 'openStartEarliest', 'afterMidnightUntil'] as const;

/**
 * Fills in and checks an intake policy.
 *
 * @param input - the policy as written (absent fields take {@link DEFAULT_INTAKE_POLICY}'s values).
 * @param path - where the policy sits, for messages (`policy` for the API, `intake` in the team file).
 * @throws {@link ValidationError} listing every bad field (unknown keys, times that are not `HH:mm`, whole
 *   numbers out of range, an empty period).
 * @example resolveIntakePolicy({ periods: { evening: { from: '17:00', to: '21:00' } } }).periods.evening // { from: 1020, to: 1260 }
 */
export function resolveIntakePolicy(input: unknown = {}, path = 'policy'): IntakePolicy {
  const found: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([issue(path, input, 'is not an intake policy', 'an object')]);
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!(INTAKE_POLICY_KEYS as readonly string[]).includes(key)) {
      found.push(issue(`${path}.${key}`, raw[key], 'is not a policy key', INTAKE_POLICY_KEYS.join(', ')));
    }
  }
  const out: Record<string, unknown> = { ...DEFAULT_INTAKE_POLICY };
  for (const [key, [lo, hi]] of Object.entries(MINUTE_FIELDS)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
      found.push(issue(`${path}.${key}`, value, 'is out of range', `a whole number from ${lo} to ${hi}`));
    } else out[key] = value;
  }
  for (const key of CLOCK_FIELDS) {
    const value = raw[key];
    if (value === undefined) continue;
    const minutes = clockOf(value, 1439);
    if (minutes === undefined || minutes >= 1440) {
      found.push(issue(`${path}.${key}`, value, 'is not a time of day', 'HH:mm, 00:00 to 23:59'));
    } else out[key] = minutes;
  }
  out.periods = resolvePeriods(raw.periods, `${path}.periods`, found);
  if (found.length > 0) throw new ValidationError(found);
  return out as unknown as IntakePolicy;
}

/** `HH:mm` as minutes, or whole minutes `0..max` as they are. */
function clockOf(value: unknown, max: number): number | undefined {
  if (typeof value === 'string') return parseTimeOfDay(value);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max
    ? value
    : undefined;
}

function resolvePeriods(raw: unknown, path: string, found: ValidationIssue[]): IntakePolicy['periods'] {
  const periods: Record<string, PeriodBounds> = { ...DEFAULT_INTAKE_POLICY.periods };
  if (raw === undefined) return periods as IntakePolicy['periods'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    found.push(issue(path, raw, 'is not a set of periods', `an object keyed by ${PERIOD_NAMES.join(', ')}`));
    return periods as IntakePolicy['periods'];
  }
  for (const [name, bounds] of Object.entries(raw as Record<string, unknown>)) {
    const at = `${path}.${name}`;
    if (!(PERIOD_NAMES as readonly string[]).includes(name)) {
      found.push(issue(at, bounds, 'is not a period name', PERIOD_NAMES.join(', ')));
      continue;
    }
    const b = (typeof bounds === 'object' && bounds !== null ? bounds : {}) as Record<string, unknown>;
    const from = clockOf(b.from, 1439);
    const to = clockOf(b.to, 2880);
    const extra = Object.keys(b).filter((k) => k !== 'from' && k !== 'to');
    if (from === undefined || from >= 1440) {
      found.push(issue(`${at}.from`, b.from, 'is not a time of day', 'HH:mm, 00:00 to 23:59'));
    }
    if (to === undefined)
      found.push(issue(`${at}.to`, b.to, 'is not a time of day', 'HH:mm, 00:00 to 24:00'));
    for (const key of extra) found.push(issue(`${at}.${key}`, b[key], 'is not a period key', 'from, to'));
    if (from === undefined || to === undefined || from >= 1440 || extra.length > 0) continue;
    periods[name] = { from, to: to <= from ? to + 1440 : to };
    if (to > 1440 && to - from > 1440) {
      found.push(issue(`${at}.to`, b.to, 'is more than a day after from', 'a period of at most 24 hours'));
    }
  }
  return periods as IntakePolicy['periods'];
}
