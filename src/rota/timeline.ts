/**
 * The coverage timeline with the coaches' ids: who is free in each segment. Derived on demand from a report, since
 * for a national network it can hold millions of ids; iterate it rather than store it.
 *
 * @module
 */
import type { Instant } from '../time/types.js';
import type { CoverageReport } from './coverage.js';

/** A maximal span during which the same coaches are free. */
export interface CoverageSegment {
  /** Start of the segment (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End of the segment (exclusive), UTC epoch ms; the next segment starts here. */
  readonly end: Instant;
  /** How many coaches are free. */
  readonly count: number;
  /** Their ids, in team order. */
  readonly coachIds: readonly string[];
}

/**
 * Yields the segments of the horizon in time order, each with the ids of the coaches free in it. A hand-off (one
 * coach's window ends as another's begins) starts a new segment even when the count is unchanged.
 * O(N log N) for N intervals, plus the ids yielded.
 *
 * @example
 * for (const s of timelineSegments(report)) if (s.count === 1) console.log(s.coachIds[0], 'alone from', s.start);
 */
export function* timelineSegments(report: CoverageReport): Generator<CoverageSegment> {
  const events: number[] = []; // [time, coachIndex, +1/-1] triples
  report.coaches.forEach((coach, c) => {
    const set = coach.freeTime;
    for (let i = 0; i < set.length; i += 2) events.push(set[i] as number, c, 1, set[i + 1] as number, c, -1);
  });
  const order = Array.from({ length: events.length / 3 }, (_, i) => i);
  order.sort((a, b) => (events[3 * a] as number) - (events[3 * b] as number));
  const free = new Uint8Array(report.coaches.length);
  let start = report.from;
  let e = 0;
  while (start < report.to) {
    while (e < order.length && (events[3 * order[e]!] as number) <= start) {
      const k = 3 * order[e]!;
      free[events[k + 1] as number] = events[k + 2] === 1 ? 1 : 0;
      e++;
    }
    const end = e < order.length ? Math.min(events[3 * order[e]!] as number, report.to) : report.to;
    const coachIds = report.coaches.filter((_, c) => free[c] === 1).map((coach) => coach.id);
    yield { start, end, count: coachIds.length, coachIds };
    start = end;
  }
}
