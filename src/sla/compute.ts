/**
 * `computeSla`: every request's deadline and status at `now`, the breaches predicted from the matching plan, the
 * next breaches to act on, and the period's figures.
 *
 * @module
 */
import { fail } from '../errors.js';
import type { CallbackRequest, Door } from '../model/request.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import { DAY, type Instant } from '../time/types.js';
import { buildZoneTable } from '../time/zone.js';
import { clockStart, slaDeadline } from './deadline.js';
import { calendarFor } from './deadlines.js';
import type { SlaEntry, SlaReport } from './entry.js';
import { computeSlaMetrics } from './metrics.js';
import { doorSla } from './policy.js';
import { type Prediction, type PredictOptions, predictBreaches } from './predict.js';
import { statusAt } from './status.js';

/** Options of {@link computeSla}. */
export interface SlaOptions extends PredictOptions {
  /** Run the matching plan to predict breaches (`will-breach`). @defaultValue true */
  readonly predict?: boolean;
  /** Start of the figures' period (requests received from then on). @defaultValue the earliest receipt */
  readonly metricsFrom?: Instant;
  /** End (exclusive) of the figures' period. @defaultValue just after the latest receipt (or `now`) */
  readonly metricsTo?: Instant;
}

/**
 * The SLA of every request at `now`.
 *
 * @param teamInput - a team compiled by `parseTeam`, or the team file's object; its `sla` key (or the defaults)
 *   sets each door's promise.
 * @param requests - compiled by `parseRequests` against the same team.
 * @throws {@link ValidationError} for a bad team, a `now` that is not finite, holidays outside the bundled years
 *   without a source, or what `planCallbacks` refuses (bookings, policy, rota).
 * @example
 * const report = computeSla(team, parseRequests(json, team), { now: Date.parse('2026-12-02T07:30:00+01:00') });
 * report.nextBreaches[0] // { requestId: 'R-2026-0046', status: 'will-breach', reason: 'coaches-booked', ... }
 */
export function computeSla(
  teamInput: TeamInput,
  requests: readonly CallbackRequest[],
  options: SlaOptions,
): SlaReport {
  const team = resolveTeam(teamInput);
  const { now } = options;
  if (!Number.isFinite(now)) fail('now', now, 'is not an instant', 'UTC epoch ms');
  const deadlines = new Map<string, Instant>();
  const byDoor = new Map<Door, { readonly request: CallbackRequest; readonly index: number }[]>();
  requests.forEach((request, index) => {
    const list = byDoor.get(request.door) ?? [];
    list.push({ request, index });
    byDoor.set(request.door, list);
  });
  const entries: SlaEntry[] = new Array(requests.length);
  const pending: number[] = [];
  for (const [door, list] of byDoor) {
    const policy = doorSla(team, door);
    const calendar = calendarFor(
      list.map((l) => l.request),
      policy,
      team.timeZone,
      options.holidays,
      now,
    );
    for (const { request, index } of list) {
      const deadline = slaDeadline(request, policy, calendar);
      deadlines.set(request.id, deadline);
      const at = statusAt(request, policy, calendar, deadline, now);
      entries[index] = {
        requestId: request.id,
        door: request.door,
        channel: request.channel,
        ...(request.topic === undefined ? {} : { topic: request.topic }),
        receivedAt: request.receivedAt,
        clockStart: clockStart(request, policy),
        deadline,
        ...at,
        ...(request.firstContactAt === undefined || request.firstContactAt > now
          ? {}
          : { firstContactAt: request.firstContactAt }),
      };
      if (door === 'coaches' && (at.status === 'at-risk' || at.status === 'on-track')) pending.push(index);
    }
  }
  if ((options.predict ?? true) && pending.length > 0) {
    applyPredictions(entries, pending, predictBreaches(team, requests, deadlines, options));
  }
  const nextBreaches = entries
    .filter((e) => e.status === 'will-breach' || e.status === 'at-risk')
    .sort((a, b) => a.deadline - b.deadline || (a.requestId < b.requestId ? -1 : 1));
  return { now, entries, nextBreaches, metrics: metricsOf(team.timeZone, entries, options) };
}

function applyPredictions(
  entries: SlaEntry[],
  pending: readonly number[],
  predictions: Map<string, Prediction>,
) {
  for (const index of pending) {
    const entry = entries[index] as SlaEntry;
    const p = predictions.get(entry.requestId);
    if (p === undefined) continue;
    entries[index] = {
      ...entry,
      ...(p.reason === undefined ? {} : { status: 'will-breach', reason: p.reason }),
      ...(p.callAt === undefined ? {} : { plannedCallAt: p.callAt }),
    };
  }
}

function metricsOf(zone: string, entries: readonly SlaEntry[], options: SlaOptions) {
  let first = options.now;
  let last = options.now;
  for (const e of entries) {
    first = Math.min(first, e.receivedAt);
    last = Math.max(last, e.receivedAt);
  }
  const from = options.metricsFrom ?? first;
  const to = options.metricsTo ?? last + 1;
  const table = buildZoneTable(zone, Math.min(first, from) - DAY, Math.max(last, to) + DAY);
  return computeSlaMetrics(entries, table, from, to);
}
