/**
 * The SLA report and the exposure as JSON: the `astreinte sla [exposure] --format json` contracts. Every request
 * appears exactly once in `requests`, named by its id; no contact detail, no free text.
 *
 * @module
 */
import type { Team } from '../model/team.js';
import { formatInstant } from '../time/format.js';
import { DAY, type Instant, MINUTE } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';
import type { SlaEntry, SlaReport } from './entry.js';
import type { ExposureReport } from './exposure.js';
import type { SlaMetrics } from './metrics.js';
import type { BreachReason, SlaStatus } from './status.js';

/** One request in the JSON report. Instants ISO 8601 with the team zone's offset; minutes whole. */
export interface SlaEntryJson {
  readonly id: string;
  readonly door: string;
  readonly channel: string;
  readonly receivedAt: string;
  /** `null` when the business calendar never gives enough open time. */
  readonly deadline: string | null;
  readonly status: SlaStatus;
  /** Minutes left (rounded down), for open requests not past their deadline. */
  readonly remainingMinutes?: number;
  /** Minutes past the deadline (rounded up), for breached requests. */
  readonly overdueMinutes?: number;
  readonly reason?: BreachReason;
  readonly plannedCallAt?: string;
  readonly firstContactAt?: string;
}

/** Figures in JSON: as {@link SlaMetrics}, instants as ISO text, durations in whole minutes. */
export interface SlaMetricsJson extends Omit<SlaMetrics, 'from' | 'to' | 'timeToFirstContact'> {
  readonly from: string;
  readonly to: string;
  readonly timeToFirstContact: {
    readonly count: number;
    readonly medianMinutes: number | null;
    readonly p90Minutes: number | null;
    readonly maxMinutes: number | null;
  };
}

/** The `sla --format json` document. */
export interface SlaJson {
  readonly team: string;
  readonly timeZone: string;
  readonly now: string;
  readonly requests: readonly SlaEntryJson[];
  /** Ids and deadlines of the open requests to act on first (`will-breach`, `at-risk`), by deadline. */
  readonly nextBreaches: readonly SlaEntryJson[];
  readonly metrics: SlaMetricsJson;
}

function tableFor(team: Team, instants: readonly number[]): ZoneTable {
  const finite = instants.filter(Number.isFinite);
  return buildZoneTable(team.timeZone, Math.min(...finite) - DAY, Math.max(...finite) + DAY);
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / MINUTE));

function entryJson(e: SlaEntry, table: ZoneTable): SlaEntryJson {
  const iso = (t: Instant) => formatInstant(table, t);
  return {
    id: e.requestId,
    door: e.door,
    channel: e.channel,
    receivedAt: iso(e.receivedAt),
    deadline: Number.isFinite(e.deadline) ? iso(e.deadline) : null,
    status: e.status,
    ...(e.remainingMs === undefined ? {} : { remainingMinutes: Math.floor(e.remainingMs / MINUTE) }),
    ...(e.overdueMs === undefined ? {} : { overdueMinutes: Math.ceil(e.overdueMs / MINUTE) }),
    ...(e.reason === undefined ? {} : { reason: e.reason }),
    ...(e.plannedCallAt === undefined ? {} : { plannedCallAt: iso(e.plannedCallAt) }),
    ...(e.firstContactAt === undefined ? {} : { firstContactAt: iso(e.firstContactAt) }),
  };
}

/**
 * The report as JSON.
 *
 * @example JSON.stringify(slaToJson(computeSla(team, requests, { now }), team))
 */
export function slaToJson(report: SlaReport, team: Team): SlaJson {
  const instants = [report.now, report.metrics.from, report.metrics.to];
  for (const e of report.entries) instants.push(e.receivedAt, e.deadline, e.plannedCallAt ?? e.receivedAt);
  const table = tableFor(team, instants);
  const m = report.metrics;
  return {
    team: team.name,
    timeZone: team.timeZone,
    now: formatInstant(table, report.now),
    requests: report.entries.map((e) => entryJson(e, table)),
    nextBreaches: report.nextBreaches.map((e) => entryJson(e, table)),
    metrics: {
      ...m,
      from: formatInstant(table, m.from),
      to: formatInstant(table, m.to),
      timeToFirstContact: {
        count: m.timeToFirstContact.count,
        medianMinutes: minutes(m.timeToFirstContact.medianMs),
        p90Minutes: minutes(m.timeToFirstContact.p90Ms),
        maxMinutes: minutes(m.timeToFirstContact.maxMs),
      },
    },
  };
}

/** One exposure period in JSON. */
export interface ExposurePeriodJson {
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
  readonly worstWaitMinutes: number;
  readonly unbounded?: true;
}

/** The `sla exposure --format json` document. */
export interface ExposureJson {
  readonly team: string;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  readonly targetMinutes: number;
  readonly exposedMinutes: number;
  readonly maxWaitMinutes: number;
  /** Arrivals that breach whatever happens. */
  readonly periods: readonly ExposurePeriodJson[];
  /** Every span of arrivals that must wait. */
  readonly waits: readonly ExposurePeriodJson[];
}

/** The exposure as JSON. */
export function exposureToJson(report: ExposureReport, team: Team): ExposureJson {
  const table = buildZoneTable(team.timeZone, report.from - DAY, report.to + 60 * DAY);
  const period = (p: ExposureReport['periods'][number]): ExposurePeriodJson => ({
    start: formatInstant(table, p.start),
    end: formatInstant(table, p.end),
    minutes: Math.round((p.end - p.start) / MINUTE),
    worstWaitMinutes: Math.round(p.worstWaitMs / MINUTE),
    ...(p.unbounded === true ? { unbounded: true } : {}),
  });
  return {
    team: team.name,
    timeZone: team.timeZone,
    from: formatInstant(table, report.from),
    to: formatInstant(table, report.to),
    targetMinutes: Math.round(report.targetMs / MINUTE),
    exposedMinutes: Math.round(report.exposedMs / MINUTE),
    maxWaitMinutes: Math.round(report.maxWaitMs / MINUTE),
    periods: report.periods.map(period),
    waits: report.waits.map(period),
  };
}
