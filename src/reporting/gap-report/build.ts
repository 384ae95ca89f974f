/**
 * Builds the coverage-gap report from the team: coverage (`computeCoverage`), the rota (`generateRota`) and the
 * "what would help" search, gathered into one plain {@link CoverageGapReport}.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../../errors.js';
import { resolveTeam, type TeamInput } from '../../model/resolve.js';
import { computeCoverage } from '../../rota/coverage.js';
import { generateRota } from '../../rota/generate.js';
import { type RotaPolicyInput, resolvePolicy } from '../../rota/policy.js';
import type { Rota } from '../../rota/rota.js';
import { buildZoneTable } from '../../time/zone.js';
import { timelineDays } from './days.js';
import { suggestHelp } from './suggest.js';
import type { CoverageGapReport, ExposureInput, HeatmapCell, ReportCoach, ReportSpan } from './types.js';

/** What {@link buildCoverageGapReport} takes besides the team. */
export interface CoverageGapReportOptions {
  /** Start of the horizon (inclusive), UTC epoch ms. */
  readonly from: number;
  /** End (exclusive), UTC epoch ms; at most five years after `from`. */
  readonly to: number;
  /** Overrides the team's `coverage.minCoaches`. */
  readonly minCoaches?: number;
  /** Rota policy: its hand-off grid also draws the "what would help" windows. @defaultValue the rota's defaults */
  readonly policy?: RotaPolicyInput;
  /** A rota already generated for the same horizon; generated from `policy` when absent. */
  readonly rota?: Rota;
  /** SLA exposure periods (e.g. `computeExposure(...)` of the SLA capability): the section appears when given. */
  readonly exposure?: readonly ExposureInput[];
  /** Window lengths, minutes, for "what would help". @defaultValue grid lengths from 2 h to 8 h */
  readonly helpShapesMinutes?: readonly number[];
  /** How many ranked windows to keep. @defaultValue 5 */
  readonly helpTop?: number;
}

/**
 * The coverage-gap report of a team over `[from, to)`: coverage share against 24/7, gaps and below-minimum
 * periods, fragile time, each coach's free, on-call and fair-share hours, single points of failure, the rota's
 * quality, SLA exposure when given, the hour-of-week heatmap, the day-by-day timeline and what would help most.
 *
 * @throws {@link index!ValidationError} for a bad team, horizon, policy or exposure list (every problem listed).
 * @example
 * const report = buildCoverageGapReport(team, { from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 28, 23) });
 * report.coverageRatio; // 0.2...
 * report.help.ranked[0]?.gapMinutesClosed;
 */
export function buildCoverageGapReport(
  teamInput: TeamInput,
  options: CoverageGapReportOptions,
): CoverageGapReport {
  const team = resolveTeam(teamInput);
  checkExposure(options.exposure);
  const policy = resolvePolicy(options.policy);
  const coverage = computeCoverage(team, {
    from: options.from,
    to: options.to,
    ...(options.minCoaches === undefined ? {} : { minCoaches: options.minCoaches }),
  });
  const { from, to, minCoaches, stats, timeline } = coverage;
  const rota =
    options.rota ?? generateRota(team, { from, to, ...(options.policy ? { policy: options.policy } : {}) });
  const table = buildZoneTable(team.timeZone, from, to);
  const gaps: ReportSpan[] = coverage.gaps.map((g) => ({
    start: g.start,
    end: g.end,
    minutes: g.minutes,
    available: g.available,
  }));
  const below = spansWhere(timeline, (c) => c > 0 && c < minCoaches);
  const fragile = coverage.fragile.map((f) => ({
    start: f.start,
    end: f.end,
    minutes: (f.end - f.start) / 60_000,
    available: minCoaches,
  }));
  const firstLayer = rota.policy.layers[0] ?? 'primary';
  const coaches: ReportCoach[] = team.coaches.map((coach, i) => {
    const load = rota.load.find((l) => l.coachId === coach.id);
    const cov = coverage.coaches[i]!;
    return {
      id: coach.id,
      name: coach.name,
      freeHours: cov.availableMinutes / 60,
      onCallHours: load?.totalHours ?? 0,
      firstLineHours: load?.hoursByLayer[firstLayer] ?? 0,
      fairShareHours: load?.fairShareHours ?? 0,
      extraGapMinutesIfAbsent: cov.extraGapMinutesIfAbsent,
    };
  });
  const singlePointsOfFailure = coaches
    .filter((c) => c.extraGapMinutesIfAbsent > 0)
    .map((c) => ({ id: c.id, extraGapMinutes: c.extraGapMinutesIfAbsent }))
    .sort((a, b) => b.extraGapMinutes - a.extraGapMinutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const heatmap: HeatmapCell[] = coverage.hourOfWeek.map((c) => ({
    weekday: c.weekday,
    hour: c.hour,
    minutes: c.minutes,
    coveredMinutes: c.minutes * c.coveredShare,
    coveredShare: c.coveredShare,
    averageFree: c.averageFree,
  }));
  const q = rota.quality;
  const help = suggestHelp(timeline, minCoaches, table, { from, to }, team.timeZone, {
    handOffMinutes: policy.handOffMinutes,
    ...(options.helpShapesMinutes ? { shapesMinutes: options.helpShapesMinutes } : {}),
    ...(options.helpTop === undefined ? {} : { top: options.helpTop }),
  });
  return {
    kind: 'coverage-gap-report',
    team: team.name,
    timeZone: team.timeZone,
    from,
    to,
    minCoaches,
    horizonMinutes: stats.horizonMinutes,
    coveredMinutes: stats.coveredMinutes,
    gapMinutes: stats.gapMinutes,
    fragileMinutes: stats.fragileMinutes,
    coverageRatio: stats.coverageRatio,
    longestGapMinutes: stats.longestGapMinutes,
    gaps,
    belowMinimum: below,
    fragile,
    coaches,
    singlePointsOfFailure,
    rotaQuality: {
      layers: rota.policy.layers,
      coverageByLayer: rota.policy.layers.map((l) => q.coverageByLayer[l] ?? 0),
      balance: q.balance,
      maxFairShareDeviationHours: q.maxFairShareDeviationHours,
      handOffsPerWeek: q.handOffsPerWeek,
      maxNightDeviationHours: q.maxNightDeviationHours,
      maxWeekendDeviationHours: q.maxWeekendDeviationHours,
    },
    ...(options.exposure === undefined
      ? {}
      : {
          exposure: options.exposure.map((e) => ({ start: e.start, end: e.end, worstWaitMs: e.worstWaitMs })),
        }),
    heatmap,
    timeline: timelineDays(timeline, table, from, to, minCoaches),
    help,
  };
}

/** Maximal spans of the timeline whose count satisfies `keep`, with the fewest coaches free in each. */
function spansWhere(
  timeline: { readonly boundaries: Float64Array; readonly counts: Uint32Array },
  keep: (count: number) => boolean,
): ReportSpan[] {
  const out: ReportSpan[] = [];
  const { boundaries, counts } = timeline;
  let k = 0;
  while (k < counts.length) {
    if (!keep(counts[k] as number)) {
      k++;
      continue;
    }
    const start = boundaries[k] as number;
    let available = counts[k] as number;
    while (k < counts.length && keep(counts[k] as number))
      available = Math.min(available, counts[k++] as number);
    const end = boundaries[k] as number;
    out.push({ start, end, minutes: (end - start) / 60_000, available });
  }
  return out;
}

function checkExposure(exposure: readonly ExposureInput[] | undefined): void {
  if (exposure === undefined) return;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(exposure)) {
    throw new ValidationError([
      issue('exposure', exposure, 'is not a list', 'an array of { start, end, worstWaitMs }'),
    ]);
  }
  exposure.forEach((e, i) => {
    const ok =
      typeof e === 'object' &&
      e !== null &&
      Number.isFinite(e.start) &&
      Number.isFinite(e.end) &&
      e.start < e.end &&
      Number.isFinite(e.worstWaitMs) &&
      e.worstWaitMs >= 0;
    if (!ok)
      issues.push(
        issue(
          `exposure[${i}]`,
          e,
          'is not an exposure period',
          '{ start < end (epoch ms), worstWaitMs >= 0 }',
        ),
      );
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
