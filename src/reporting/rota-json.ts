/**
 * The rota as JSON for scripts and for the next run: the `astreinte rota --format json` contract. The same
 * document, given back with `--previous`, keeps the published assignments stable.
 *
 * @module
 */
import type { CoachLoad, Rota, RotaFlag, RotaQuality, UnfilledReason } from '../rota/rota.js';
import { formatInstant } from '../time/format.js';
import { buildZoneTable } from '../time/zone.js';

/** One shift as it appears in JSON: ISO instants with the team's offset. */
export interface RotaShiftJson {
  /** Layer name, e.g. `primary`. */
  readonly layer: string;
  /** Id of the coach on call. */
  readonly coachId: string;
  /** ISO 8601 with offset, e.g. `2026-12-01T19:00:00+01:00`. */
  readonly start: string;
  /** End (exclusive), ISO 8601 with offset. */
  readonly end: string;
  /** Present (and true) only on a coordinator's override. */
  readonly override?: true;
}

/** One coach's load in JSON: the fields of `CoachLoad`, hours rounded to 2 decimals. */
export type RotaLoadJson = CoachLoad;

/**
 * The JSON document of a rota: a product contract. Instants are ISO 8601 strings with the team zone's offset at
 * that instant, hours are rounded to 2 decimals, quality figures to 4.
 */
export interface RotaJson {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA zone, whose offsets every instant of the document carries. */
  readonly timeZone: string;
  /** ISO 8601 with offset, e.g. `2026-12-01T00:00:00+01:00`. */
  readonly from: string;
  /** End of the horizon (exclusive), ISO 8601 with offset. */
  readonly to: string;
  /** Layer names, most important first. */
  readonly layers: readonly string[];
  /** Sorted by start, then layer order; per layer they never overlap. */
  readonly shifts: readonly RotaShiftJson[];
  /** Spans in which a layer has nobody, sorted by start then layer order (as `Rota.unfilled`). */
  readonly unfilled: readonly {
    /** The layer left empty. */
    readonly layer: string;
    /** Start, ISO 8601 with offset. */
    readonly start: string;
    /** End (exclusive), ISO 8601 with offset. */
    readonly end: string;
    /** Length in real elapsed minutes, rounded to 2 decimals. */
    readonly minutes: number;
    /** Why nobody holds the layer then. */
    readonly reason: UnfilledReason;
  }[];
  /** One entry per coach, in team order. */
  readonly load: readonly RotaLoadJson[];
  /** The fields of `RotaQuality`, ratios and hours rounded to 4 decimals (per-coach weekend hours to 2). */
  readonly quality: RotaQuality;
  /** As `Rota.flags`, `minutesOutside` rounded to 2 decimals. */
  readonly flags: readonly RotaFlag[];
}

/**
 * Turns a rota into its JSON document. Deterministic: the same rota gives the same document, whatever the host's
 * zone.
 *
 * @example
 * const rota = generateRota(team, { from, to });
 * console.log(JSON.stringify(rotaToJson(rota), null, 2));
 * // rotaToJson(rota).shifts[0] → { layer: 'primary', coachId: 'a', start: '2026-11-30T09:00:00+01:00', end: ... }
 */
export function rotaToJson(rota: Rota): RotaJson {
  const table = buildZoneTable(rota.timeZone, rota.from, rota.to);
  const iso = (t: number) => formatInstant(table, t);
  const hours = (record: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(record).map(([key, h]) => [key, round(h, 2)]));
  const figures = (record: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(record).map(([key, x]) => [key, round(x, 4)]));
  return {
    team: rota.team,
    timeZone: rota.timeZone,
    from: iso(rota.from),
    to: iso(rota.to),
    layers: [...rota.policy.layers],
    shifts: rota.shifts.map((s) => ({
      layer: s.layer,
      coachId: s.coachId,
      start: iso(s.start),
      end: iso(s.end),
      ...(s.override === true ? { override: true as const } : {}),
    })),
    unfilled: rota.unfilled.map((u) => ({
      layer: u.layer,
      start: iso(u.start),
      end: iso(u.end),
      minutes: round((u.end - u.start) / 60_000, 2),
      reason: u.reason,
    })),
    load: rota.load.map((l) => ({
      coachId: l.coachId,
      hoursByLayer: hours(l.hoursByLayer),
      totalHours: round(l.totalHours, 2),
      nightHours: round(l.nightHours, 2),
      weekendHours: round(l.weekendHours, 2),
      nights: l.nights,
      shifts: l.shifts,
      handOffs: l.handOffs,
      fairShareHours: round(l.fairShareHours, 2),
      deviationHours: round(l.deviationHours, 2),
      fairShareByLayer: hours(l.fairShareByLayer),
      deviationByLayer: hours(l.deviationByLayer),
      weightedHours: round(l.weightedHours, 2),
      weightedFairShareHours: round(l.weightedFairShareHours, 2),
      nightFairShareHours: round(l.nightFairShareHours, 2),
      weekendFairShareHours: round(l.weekendFairShareHours, 2),
    })),
    quality: {
      coverageByLayer: figures(rota.quality.coverageByLayer),
      balance: round(rota.quality.balance, 4),
      maxFairShareDeviationHours: round(rota.quality.maxFairShareDeviationHours, 4),
      handOffsPerWeek: round(rota.quality.handOffsPerWeek, 4),
      nightsPerCoach: { ...rota.quality.nightsPerCoach },
      maxDeviationByLayer: figures(rota.quality.maxDeviationByLayer),
      balanceByLayer: figures(rota.quality.balanceByLayer),
      maxWeightedDeviationHours: round(rota.quality.maxWeightedDeviationHours, 4),
      maxNightDeviationHours: round(rota.quality.maxNightDeviationHours, 4),
      maxWeekendDeviationHours: round(rota.quality.maxWeekendDeviationHours, 4),
      nightsSpread: rota.quality.nightsSpread,
      weekendHoursSpread: round(rota.quality.weekendHoursSpread, 4),
      weekendHoursPerCoach: hours(rota.quality.weekendHoursPerCoach),
    },
    flags: rota.flags.map((f) => ({ ...f, minutesOutside: round(f.minutesOutside, 2) })),
  };
}

/** Rounds half away from zero (so `-6.285` and `6.285` round alike), never giving `-0`. */
function round(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
  return r === 0 ? 0 : r;
}
