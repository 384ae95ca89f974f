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
  /** The request's id (the only thing naming it: no contact, no free text). */
  readonly id: string;
  /** The door the request came through (`coaches` or `cci`). */
  readonly door: string;
  /** The channel it came by (`sms`, `email`, `phone`, `voicemail`). */
  readonly channel: string;
  /** When it was received, ISO 8601 with the team zone's offset. */
  readonly receivedAt: string;
  /** `null` when the business calendar never gives enough open time. */
  readonly deadline: string | null;
  /** The SLA status at `now`. */
  readonly status: SlaStatus;
  /** Minutes left (rounded down), for open requests not past their deadline. */
  readonly remainingMinutes?: number;
  /** Minutes past the deadline (rounded up), for breached requests. */
  readonly overdueMinutes?: number;
  /** `will-breach` only: why the plan predicts a breach. */
  readonly reason?: BreachReason;
  /** The earliest call the matching plan found, ISO 8601 with offset. */
  readonly plannedCallAt?: string;
  /** The first contact, when known, ISO 8601 with offset. */
  readonly firstContactAt?: string;
}

/** Figures in JSON: as {@link SlaMetrics}, instants as ISO text, durations in whole minutes. */
export interface SlaMetricsJson extends Omit<SlaMetrics, 'from' | 'to' | 'timeToFirstContact'> {
  /** Start of the figures' period (inclusive), ISO 8601 with offset. */
  readonly from: string;
  /** End of the figures' period (exclusive), ISO 8601 with offset. */
  readonly to: string;
  /** Time from the clock's start to the first contact, whole minutes (rounded to nearest); `null` when no request was contacted. */
  readonly timeToFirstContact: {
    /** Requests contacted. */
    readonly count: number;
    /** Nearest-rank median, minutes. */
    readonly medianMinutes: number | null;
    /** Nearest-rank 90th percentile, minutes. */
    readonly p90Minutes: number | null;
    /** Longest, minutes. */
    readonly maxMinutes: number | null;
  };
}

/** The `sla --format json` document. */
export interface SlaJson {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA time zone, the offset of every instant. */
  readonly timeZone: string;
  /** The instant the statuses are judged at, ISO 8601 with offset. */
  readonly now: string;
  /** Every request of the input exactly once, in input order. */
  readonly requests: readonly SlaEntryJson[];
  /** Ids and deadlines of the open requests to act on first (`will-breach`, `at-risk`), by deadline. */
  readonly nextBreaches: readonly SlaEntryJson[];
  /** The figures of the period. */
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
  /** Start of the period (inclusive), ISO 8601 with offset. */
  readonly start: string;
  /** End of the period (exclusive), ISO 8601 with offset. */
  readonly end: string;
  /** Length of the period, whole minutes (rounded to nearest). */
  readonly minutes: number;
  /** Wait of an arrival at `start` until the first possible call, whole minutes (rounded to nearest). */
  readonly worstWaitMinutes: number;
  /** Present (true) when nobody is free up to the end of the look-ahead: the wait is at least `worstWaitMinutes`. */
  readonly unbounded?: true;
}

/** The `sla exposure --format json` document. */
export interface ExposureJson {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA time zone, the offset of every instant. */
  readonly timeZone: string;
  /** Arrivals from this instant (inclusive), ISO 8601 with offset. */
  readonly from: string;
  /** Arrivals before this instant (exclusive), ISO 8601 with offset. */
  readonly to: string;
  /** The door's promise, whole minutes. */
  readonly targetMinutes: number;
  /** Total length of `periods`, whole minutes (rounded to nearest). */
  readonly exposedMinutes: number;
  /** The longest wait of any arrival in the horizon, whole minutes (rounded to nearest). */
  readonly maxWaitMinutes: number;
  /** Arrivals that breach whatever happens. */
  readonly periods: readonly ExposurePeriodJson[];
  /** Every span of arrivals that must wait. */
  readonly waits: readonly ExposurePeriodJson[];
}

/**
 * The exposure as JSON.
 *
 * @example exposureToJson(computeExposure(team, { from, to }), team).maxWaitMinutes
 */
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
