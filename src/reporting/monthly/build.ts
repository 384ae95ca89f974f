/**
 * The monthly review ("point téléphonique mensuel"): one local calendar month of requests as aggregated,
 * k-anonymous figures. No id, name, contact, free text or single request's timestamp reaches the result: only
 * counts (small ones hidden, with complementary suppression), and medians and 90th percentiles of at least k values.
 *
 * @module
 */
import { issue, ValidationError } from '../../errors.js';
import { type CallbackRequest, CHANNELS, DOORS, OUTCOMES, TOPICS } from '../../model/request.js';
import { resolveTeam, type TeamInput } from '../../model/resolve.js';
import { generateRota } from '../../rota/generate.js';
import type { RotaPolicyInput } from '../../rota/policy.js';
import type { Rota } from '../../rota/rota.js';
import { mondayOf } from '../../time/local.js';
import { DAY, HOUR } from '../../time/types.js';
import { startOfLocalDate } from '../../time/zone.js';
import {
  type PublishedCount,
  type PublishedList,
  type PublishedTable,
  suppressList,
  suppressTable,
} from './suppress.js';

/**
 * SLA figures of the month, as the SLA capability computes them (accepted structurally; the section appears when
 * given). Counts are suppressed like every other count.
 */
export interface MonthlySlaInput {
  /** Requests the SLA was judged on. */
  readonly requests: number;
  /** Of those, handled within their deadline. */
  readonly met: number;
  /** Breaches by reason code (e.g. `no-coach-free`, `not-reached`). */
  readonly breachesByReason: Readonly<Record<string, number>>;
}

/** What {@link buildMonthlyReview} takes besides the team and the requests. */
export interface MonthlyReviewOptions {
  /** The month, `YYYY-MM`, a local calendar month in the team's zone. */
  readonly month: string;
  /** Smallest count shown as it is; 1 to k-1 are hidden. @defaultValue 5 */
  readonly k?: number;
  /** SLA figures of the month, when the SLA capability has computed them. */
  readonly sla?: MonthlySlaInput;
  /** The month's rota; generated with `policy` when absent (for on-call hours). */
  readonly rota?: Rota;
  /** Rota policy (layers, hand-off grid) used to generate the month's rota when `rota` is absent; ignored when `rota` is given. */
  readonly policy?: RotaPolicyInput;
}

/** A published distribution of durations: shown only for at least k values. */
export interface PublishedDurations {
  /** How many values (suppressed like a count). */
  readonly count: PublishedCount;
  /** Minutes; absent for fewer than k values. */
  readonly medianMinutes?: number;
  /** 90th percentile in minutes; absent for fewer than k values (present exactly when `medianMinutes` is). */
  readonly p90Minutes?: number;
}

/** The monthly review, safe to show the two partners. */
export interface MonthlyReview {
  /** Discriminant of the report kind. */
  readonly kind: 'monthly-review';
  /** The team's name. */
  readonly team: string;
  /** The team's IANA time zone, which defines the local month. */
  readonly timeZone: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Start of the month, UTC epoch ms (local midnight of its first day, inclusive). */
  readonly from: number;
  /** End of the month, UTC epoch ms (local midnight of the next month's first day, exclusive). */
  readonly to: number;
  /** The suppression threshold: counts 1 to k-1 are hidden. */
  readonly k: number;
  /** Local Mondays (days since 1970-01-01) of the weeks touching the month, and the requests received in each. */
  readonly weeks: readonly number[];
  /** Requests received in the month, per week of `weeks` (only the days inside the month count). */
  readonly byWeek: PublishedList;
  /** Rows: doors (`DOORS`), columns: channels (`CHANNELS`). */
  readonly doorChannel: PublishedTable;
  /** Rows: topics (`TOPICS`, then `unqualified`), columns: doors. */
  readonly topicDoor: PublishedTable;
  /** Rows: outcomes (`OUTCOMES`, then `open`), columns: doors. */
  readonly outcomeDoor: PublishedTable;
  /** Time from receipt to first contact of the month's requests that have one. */
  readonly firstContact: PublishedDurations;
  /** SLA figures, present when `options.sla` was given. */
  readonly sla?: {
    /** Requests the SLA was judged on, suppressed like a count. */
    readonly requests: PublishedCount;
    /** Share met, 0-1; absent when fewer than k requests were judged. */
    readonly shareMet?: number;
    /** Breach reason codes, sorted, in the order of `breachesByReason`. */
    readonly reasons: readonly string[];
    /** Breaches per reason of `reasons`. */
    readonly breachesByReason: PublishedList;
  };
  /** Per coach (team order): on-call hours (not suppressed: volunteers' load, not callers') and calls made. */
  /** Per coach (team order): on-call hours (not suppressed: volunteers' load, not callers'); calls made are in `calls`. */
  readonly coaches: readonly {
    /** The coach's id. */
    readonly id: string;
    /** The coach's name (a volunteer's, not a caller's). */
    readonly name: string;
    /** Hours of the coach's shifts in the rota, any layer (summed as given, not clipped to the month: a `rota` passed in should cover exactly the month). */
    readonly onCallHours: number;
  }[];
  /** Calls (attempts) each coach made within the month on the month's requests, in `coaches` order, suppressed like a count. */
  readonly calls: PublishedList;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `[first day, first day of the next month)` of `YYYY-MM`, as local dates. */
export function monthDays(month: string): { first: number; next: number } | undefined {
  const m = MONTH_RE.exec(month);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { first: Date.UTC(y, mo - 1, 1) / DAY, next: Date.UTC(y, mo, 1) / DAY };
}

/**
 * Builds the review of `month` (local calendar month in the team's zone: `2027-03` is
 * `[2027-03-01 00:00, 2027-04-01 00:00)` there, 743 hours with the spring change).
 *
 * @throws {@link index!ValidationError} for a bad month, k or SLA input.
 * @example
 * const review = buildMonthlyReview(team, requests, { month: '2026-12' });
 * review.doorChannel.total // { value: 14 } (or hidden when below k)
 */
export function buildMonthlyReview(
  teamInput: TeamInput,
  requests: readonly CallbackRequest[],
  options: MonthlyReviewOptions,
): MonthlyReview {
  const team = resolveTeam(teamInput);
  const k = options.k ?? 5;
  const issues = [];
  const days = monthDays(options.month);
  if (days === undefined) issues.push(issue('month', options.month, 'is not a month', 'YYYY-MM'));
  if (!Number.isInteger(k) || k < 2 || k > 100)
    issues.push(issue('k', k, 'is not a usable threshold', 'an integer 2-100'));
  const sla = options.sla;
  if (sla !== undefined) {
    const counts = [sla.requests, sla.met, ...Object.values(sla.breachesByReason ?? {})];
    if (!counts.every((n) => Number.isInteger(n) && n >= 0) || sla.met > sla.requests) {
      issues.push(issue('sla', '(figures)', 'are not counts', 'whole numbers >= 0, met <= requests'));
    }
  }
  if (issues.length > 0 || days === undefined) throw new ValidationError(issues);
  const from = startOfLocalDate(team.timeZone, days.first);
  const to = startOfLocalDate(team.timeZone, days.next);
  const inMonth = requests.filter((r) => r.receivedAt >= from && r.receivedAt < to);

  const weeks: number[] = [];
  for (let monday = mondayOf(days.first); monday < days.next; monday += 7) weeks.push(monday);
  const weekStarts = weeks.map((d) => startOfLocalDate(team.timeZone, d));
  const byWeek = weeks.map(() => 0);
  for (const r of inMonth) {
    let w = weekStarts.length - 1;
    while (w > 0 && (weekStarts[w] as number) > r.receivedAt) w--;
    byWeek[w]!++;
  }
  const matrix = (
    rows: readonly (string | undefined)[],
    cols: readonly string[],
    pick: (r: CallbackRequest) => [string | undefined, string],
  ) => {
    const m = rows.map(() => cols.map(() => 0));
    for (const r of inMonth) {
      const [row, col] = pick(r);
      m[rows.indexOf(row)]![cols.indexOf(col)]!++;
    }
    return m;
  };
  const durations = inMonth
    .filter((r) => r.firstContactAt !== undefined && r.firstContactAt >= r.receivedAt)
    .map((r) => ((r.firstContactAt as number) - r.receivedAt) / 60_000)
    .sort((a, b) => a - b);
  const firstContact: PublishedDurations = {
    count: suppressList([durations.length], k).total,
    ...(durations.length >= k
      ? { medianMinutes: quantile(durations, 0.5), p90Minutes: quantile(durations, 0.9) }
      : {}),
  };
  const rota =
    options.rota ?? generateRota(team, { from, to, ...(options.policy ? { policy: options.policy } : {}) });
  const calls = team.coaches.map((c) =>
    inMonth.reduce(
      (n, r) => n + r.attempts.filter((a) => a.coachId === c.id && a.at >= from && a.at < to).length,
      0,
    ),
  );
  const reasons = sla ? Object.keys(sla.breachesByReason).sort() : [];
  return {
    kind: 'monthly-review',
    team: team.name,
    timeZone: team.timeZone,
    month: options.month,
    from,
    to,
    k,
    weeks,
    byWeek: suppressList(byWeek, k),
    doorChannel: suppressTable(
      matrix(DOORS, CHANNELS, (r) => [r.door, r.channel]),
      k,
    ),
    topicDoor: suppressTable(
      matrix([...TOPICS, undefined], DOORS, (r) => [r.topic, r.door]),
      k,
    ),
    outcomeDoor: suppressTable(
      matrix([...OUTCOMES, undefined], DOORS, (r) => [r.outcome, r.door]),
      k,
    ),
    firstContact,
    ...(sla === undefined
      ? {}
      : {
          sla: {
            requests: suppressList([sla.requests], k).total,
            ...(sla.requests >= k ? { shareMet: sla.met / sla.requests } : {}),
            reasons,
            breachesByReason: suppressList(
              reasons.map((r) => sla.breachesByReason[r] as number),
              k,
            ),
          },
        }),
    coaches: team.coaches.map((c) => ({
      id: c.id,
      name: c.name,
      onCallHours: rota.shifts
        .filter((s) => s.coachId === c.id)
        .reduce((h, s) => h + (s.end - s.start) / HOUR, 0),
    })),
    calls: suppressList(calls, k),
  };
}

/** Nearest-rank quantile of sorted values (the value itself, never an interpolation between two requests). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
