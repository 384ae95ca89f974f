/**
 * SLA durations as ISO 8601 text: `PT24H`, `PT90M`, `PT1H30M`. Days, weeks, months and years are refused: a day is
 * 23, 24 or 25 real hours across a DST change, so `P1D` would not say which.
 *
 * @module
 */
import { HOUR, MINUTE } from '../time/types.js';

const PATTERN = /^PT(?:(\d{1,5})H)?(?:(\d{1,6})M)?$/;

/** What {@link parseSlaDuration} returns: the duration in ms, or why the text is refused. */
export type DurationParse =
  | {
      /** The text is a duration. */
      readonly ok: true;
      /** The duration, ms (hours and minutes only: a day is not always 24 hours). */
      readonly ms: number;
    }
  | {
      /** The text is refused. */
      readonly ok: false;
      /** What is wrong, to follow the value in a message (`is ambiguous across DST ...`). */
      readonly problem: string;
      /** What was expected, for the message. */
      readonly expected: string;
    };

/** What a duration must look like, for messages. */
export const DURATION_EXPECTED = 'an ISO 8601 duration in hours and minutes, PTnHnM, such as PT24H or PT90M';

/**
 * Reads an SLA duration.
 *
 * @example parseSlaDuration('PT1H30M') // { ok: true, ms: 5_400_000 }
 * @example parseSlaDuration('P1D').ok === false // ambiguous across DST
 */
export function parseSlaDuration(text: string): DurationParse {
  const m = PATTERN.exec(text);
  if (m !== null && (m[1] !== undefined || m[2] !== undefined)) {
    return { ok: true, ms: Number(m[1] ?? 0) * HOUR + Number(m[2] ?? 0) * MINUTE };
  }
  if (/^P(?:\d+[YMWD])+(?:T.*)?$/.test(text)) {
    return {
      ok: false,
      problem: 'is ambiguous across DST (a day is 23, 24 or 25 hours when the clocks change)',
      expected: `${DURATION_EXPECTED}; write PT24H for 24 real hours`,
    };
  }
  return { ok: false, problem: 'is not a duration', expected: DURATION_EXPECTED };
}
