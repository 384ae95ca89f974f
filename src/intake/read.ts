/**
 * `readCallbackWindows`: a caller's own words ("demain entre 12h et 14h, ou jeudi après 18h") turned into callback
 * windows, with a restatement for a person to confirm. Deterministic, no network, no model: hand-written tables
 * and the contract of the README's "What the intake words mean".
 *
 * @module
 */
import { issue, redactedIssue, ValidationError, type ValidationIssue } from '../errors.js';
import { localConverter } from '../time/local-converter.js';
import { DAY, HOUR, type Instant, type LocalDateTime } from '../time/types.js';
import { buildZoneTable, instantToLocal, isKnownZone, localToInstant, type ZoneTable } from '../time/zone.js';
import { type FoundContact, readContact } from './contact.js';
import { readPlan } from './grammar.js';
import { toUnits } from './lexicon.js';
import {
  DEFAULT_INTAKE_POLICY,
  type IntakePolicy,
  type IntakePolicyInput,
  resolveIntakePolicy,
} from './policy.js';
import { civilOf, type LocalWindow, resolvePlan } from './resolve.js';
import { type TextSpan, tokenize } from './tokens.js';
import { doubtWords, type IntakeLang, restate } from './understood.js';

export type { FoundContact } from './contact.js';
export type { TextSpan } from './tokens.js';
export type { IntakeLang } from './understood.js';

/** Longest message read, in UTF-16 code units (an SMS thread or a short e-mail). */
export const INTAKE_TEXT_LIMIT = 2000;
/** Windows starting more than this long after receipt are dropped (`too-far`): the request file refuses them. */
const REACH = 366 * DAY;

/** Options of {@link readCallbackWindows}. */
export interface ReadCallbackWindowsOptions {
  /** When the message arrived (UTC epoch ms): "demain", "lundi" and past windows are judged from it. */
  readonly receivedAt: Instant;
  /** The team's IANA zone, where the words' wall-clock times are read. */
  readonly timeZone: string;
  /** Language of `understood` and `ambiguities`. @defaultValue the message's (French unless it reads as English) */
  readonly lang?: IntakeLang;
  /** What the words mean in minutes. @defaultValue {@link DEFAULT_INTAKE_POLICY} */
  readonly policy?: IntakePolicyInput;
  /**
   * A table of `timeZone` (from `buildZoneTable`) covering the receipt and the days after it, built once by a
   * caller that reads many messages (a form re-parsing on every keystroke): saves the ~0.1 ms a table costs.
   * Ignored (a fresh one is built) when it is of another zone or does not cover the receipt and 20 days after it.
   */
  readonly zoneTable?: ZoneTable;
}

/** One callback window: half-open UTC epoch ms, and the span of the text it came from (slice the text to see it). */
export interface IntakeWindow {
  /** First instant of the window, UTC epoch ms. */
  readonly start: Instant;
  /** End of the window (excluded), UTC epoch ms. */
  readonly end: Instant;
  /** Where in the text the words of this window are (the first, when several merged). */
  readonly source: TextSpan;
}

/** A window that was understood but is not kept. */
export interface DroppedWindow extends IntakeWindow {
  /**
   * `past`: wholly before `receivedAt`; `nonexistent`: empty once the DST rules are applied (all in a spring-forward
   * gap); `too-far`: starts more than 366 days after receipt.
   */
  readonly reason: 'past' | 'nonexistent' | 'too-far';
}

/** A reading that could be otherwise, in the output's language. */
export interface IntakeAmbiguity {
  /**
   * `after-midnight`: "demain" before 04:00 read as the date starting; `weekday-date`: a weekday that contradicts
   * its date (the date wins); `early-hour`: a clock in 01:00-07:59 with nothing to say morning or afternoon;
   * `ongoing-night`: "cette nuit" before 04:00 read as the coming night, not the one under way.
   */
  readonly kind: 'after-midnight' | 'weekday-date' | 'early-hour' | 'ongoing-night';
  /** Where in the text the doubtful words are. */
  readonly source: TextSpan;
  /** What was read, e.g. `03 h 00`. */
  readonly reading: string;
  /** The other reading, e.g. `15 h 00`. */
  readonly alternative: string;
}

/** What {@link readCallbackWindows} read. */
export interface CallbackWindowsReading {
  /** Sorted, disjoint, merged where they touch; clipped to start at `receivedAt`. */
  readonly windows: readonly IntakeWindow[];
  /** The language of `understood` and `ambiguities`: `options.lang`, else the message's own. */
  readonly lang: IntakeLang;
  /** The windows restated in the caller's language, or "Aucun créneau compris" / "No callback window understood". */
  readonly understood: string;
  /** Readings that could be otherwise, each with its other reading, for a person to confirm. */
  readonly ambiguities: readonly IntakeAmbiguity[];
  /** Parts of the text that look like times but were not understood (spans, in text order). */
  readonly ignored: readonly TextSpan[];
  /** Windows understood but not kept (past, emptied by a DST gap, or too far ahead), with the reason. */
  readonly dropped: readonly DroppedWindow[];
  /** Personal data: the phone (E.164) and e-mail found. Output it only where the request is being built. */
  readonly contact: FoundContact;
}

/**
 * Reads a caller's message into callback windows by the README's contract ("What the intake words mean"): periods
 * ("demain soir"), ranges ("entre 12h et 14h"), open ends ("après 18h"), points ("à 14h", "vers 15h"), days
 * (relative, weekdays, explicit dates), lists, recurrences ("tous les soirs sauf mercredi") and "dès que
 * possible"; wall-clock times in `timeZone` by the DST rules of `localToInstant`.
 *
 * The text is personal data: nothing of it is copied into the result (spans point into it) or into an error.
 *
 * @param text - the message, 1 to 2,000 characters.
 * @throws {@link ValidationError} for a text that is not a string, empty or too long (never quoted), an unknown
 *   zone, a `receivedAt` that is not finite epoch ms, a bad `lang` or policy. A text with no time in it is not
 *   an error: no windows, and `understood` says so.
 * @example
 * ```ts
 * const r = readCallbackWindows('demain entre 12h et 14h, ou jeudi après 18h. 06 12 34 56 78', {
 *   receivedAt: Date.UTC(2026, 11, 1, 18), timeZone: 'Europe/Paris' });
 * r.understood // 'mercredi 2 décembre 12 h 00 - 14 h 00 ; jeudi 3 décembre 18 h 00 - 22 h 00'
 * r.contact    // { phone: '+33612345678' }
 * ```
 */
export function readCallbackWindows(
  text: unknown,
  options: ReadCallbackWindowsOptions,
): CallbackWindowsReading {
  const { policy, table } = checkInput(text, options);
  const receivedAt = options.receivedAt;
  const message = text as string;
  const { contact, spans } = readContact(message);
  const units = toUnits(tokenize(message, spans));
  const plan = readPlan(units, policy);
  const receiptLocal = instantToLocal(table, receivedAt);
  const near = (local: LocalDateTime) => local >= table.validFrom + DAY && local < table.validTo - DAY;
  const endsAfterReceipt = (end: LocalDateTime) =>
    near(end) ? localToInstant(table, end) > receivedAt : end > receiptLocal;
  const today = Math.floor(receiptLocal / DAY);
  const resolved = resolvePlan(plan, policy, { today, local: receiptLocal, endsAfterReceipt });
  const lang: IntakeLang = options.lang ?? (plan.en > plan.fr ? 'en' : 'fr');
  const toInstant = converterFor(options.timeZone, table, resolved.windows, near);
  const kept: IntakeWindow[] = [];
  const dropped: DroppedWindow[] = [];
  for (const w of resolved.windows) {
    const start = toInstant(w.start);
    const end = toInstant(w.end);
    const window = { start, end, source: w.source };
    if (end <= start) dropped.push({ ...window, reason: 'nonexistent' });
    else if (end <= receivedAt) dropped.push({ ...window, reason: 'past' });
    else if (start - receivedAt > REACH) dropped.push({ ...window, reason: 'too-far' });
    else kept.push({ start: Math.max(start, receivedAt), end, source: w.source });
  }
  for (const span of plan.anyTime) {
    kept.push({ start: receivedAt, end: receivedAt + policy.anyTimeHours * HOUR, source: span });
  }
  const windows = mergeWindows(kept);
  dropped.sort((a, b) => a.start - b.start || a.end - b.end);
  const year = civilOf(today).year;
  const localOf = (t: Instant) =>
    t >= table.validFrom && t < table.validTo
      ? instantToLocal(table, t)
      : instantToLocal(buildZoneTable(options.timeZone, t - DAY, t + DAY), t);
  const understood = restate(
    windows.map((w) => ({ start: localOf(w.start), end: localOf(w.end) })),
    lang,
    year,
  );
  const ambiguities = resolved.doubts
    .map((d) => ({ kind: d.kind, source: d.source, ...doubtWords(d, lang, year) }))
    .sort((a, b) => a.source.start - b.source.start);
  const ignored = [...plan.ignored, ...resolved.bad].sort((a, b) => a.start - b.start);
  return { windows, lang, understood, ambiguities, ignored, dropped, contact };
}

/** Sorted, merged where they overlap or touch; a merged window's source spans both sources. */
function mergeWindows(windows: IntakeWindow[]): IntakeWindow[] {
  windows.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: IntakeWindow[] = [];
  for (const w of windows) {
    const last = out.at(-1);
    if (last !== undefined && w.start <= last.end) {
      out[out.length - 1] = {
        start: last.start,
        end: Math.max(last.end, w.end),
        source: {
          start: Math.min(last.source.start, w.source.start),
          end: Math.max(last.source.end, w.source.end),
        },
      };
    } else out.push(w);
  }
  return out;
}

/** Local to instant: the receipt's table for the days around it, one more converter for far dates. */
function converterFor(
  zone: string,
  table: ZoneTable,
  windows: readonly LocalWindow[],
  near: (local: LocalDateTime) => boolean,
): (local: LocalDateTime) => Instant {
  const far: LocalDateTime[] = [];
  for (const w of windows) {
    if (!near(w.start)) far.push(w.start);
    if (!near(w.end)) far.push(w.end);
  }
  const farConverter = far.length > 0 ? localConverter(zone, far) : undefined;
  return (local) =>
    near(local) || farConverter === undefined ? localToInstant(table, local) : farConverter(local);
}

function checkInput(
  text: unknown,
  options: ReadCallbackWindowsOptions,
): { policy: IntakePolicy; table: ZoneTable } {
  const found: ValidationIssue[] = [];
  const expectText = `the message, a string of 1 to 2,000 characters`;
  if (typeof text !== 'string') {
    found.push(
      redactedIssue(
        'text',
        'is not a string',
        expectText,
        text === null ? 'null' : `a value of type ${typeof text}`,
      ),
    );
  } else if (text.trim() === '') {
    found.push(redactedIssue('text', 'is empty', expectText));
  } else if (text.length > INTAKE_TEXT_LIMIT) {
    found.push(redactedIssue('text', `is ${text.length} characters long`, expectText));
  }
  const opts = (
    typeof options === 'object' && options !== null ? options : {}
  ) as Partial<ReadCallbackWindowsOptions>;
  const { receivedAt, timeZone } = opts;
  const lang: unknown = opts.lang;
  const receivedOk =
    typeof receivedAt === 'number' &&
    Number.isFinite(receivedAt) &&
    Math.abs(receivedAt) < 8.64e15 - 400 * DAY;
  if (!receivedOk) {
    const expected = 'an instant: finite UTC epoch milliseconds';
    found.push(
      typeof receivedAt === 'number' || receivedAt === undefined
        ? issue('receivedAt', receivedAt, 'is not an instant', expected)
        : redactedIssue('receivedAt', 'is not an instant', expected, `a value of type ${typeof receivedAt}`),
    );
  }
  const zoneOk = typeof timeZone === 'string' && timeZone.length <= 64 && isKnownZone(timeZone);
  if (!zoneOk) {
    const expected = 'an IANA zone name such as Europe/Paris';
    found.push(
      typeof timeZone === 'string' && timeZone.length <= 64
        ? issue('timeZone', timeZone, 'is not a known time zone', expected)
        : redactedIssue('timeZone', 'is not a known time zone', expected),
    );
  }
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') {
    found.push(
      typeof lang === 'string' && lang.length <= 16
        ? issue('lang', lang, 'is not a language', 'fr or en')
        : redactedIssue('lang', 'is not a language', 'fr or en'),
    );
  }
  let policy: IntakePolicy | undefined;
  try {
    // The defaults are resolved already: most calls pass no policy.
    policy = opts.policy === undefined ? DEFAULT_INTAKE_POLICY : resolveIntakePolicy(opts.policy, 'policy');
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    found.push(...e.issues);
  }
  if (found.length > 0 || policy === undefined) throw new ValidationError(found);
  const at = receivedAt as number;
  const zone = timeZone as string;
  const given = opts.zoneTable;
  const covers =
    given !== undefined &&
    given.zone === zone &&
    given.validFrom <= at - 3 * DAY &&
    given.validTo >= at + 20 * DAY;
  // The receipt's day and the 8 after it (a weekday, a recurrence, a night ending the next day), plus
  // buildZoneTable's 3-day margin each side; a date beyond gets a converter of its own (`converterFor`).
  const table = covers ? given : buildZoneTable(zone, at - DAY, at + (policy.recurrenceDays + 1) * DAY);
  return { policy, table };
}
