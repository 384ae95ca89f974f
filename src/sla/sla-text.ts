/**
 * The SLA report and the exposure as text for people: the next breaches first, then one table per status, times
 * in the team's local time. Request ids only: no contact detail.
 *
 * @module
 */
import type { Team } from '../model/team.js';
import { formatMinutes } from '../reporting/duration.js';
import { formatLocal } from '../time/format.js';
import { DAY, MINUTE } from '../time/types.js';
import { buildZoneTable, type ZoneTable } from '../time/zone.js';
import type { SlaEntry, SlaReport } from './entry.js';
import type { ExposureReport } from './exposure.js';
import { SLA_STATUSES } from './status.js';

const TITLES: Readonly<Record<string, string>> = {
  breached: 'Breached',
  'will-breach': 'Will breach (predicted)',
  'at-risk': 'At risk',
  'on-track': 'On track',
  met: 'Met',
};

function line(e: SlaEntry, table: ZoneTable): string {
  const deadline = Number.isFinite(e.deadline) ? formatLocal(table, e.deadline) : 'never';
  const left =
    e.remainingMs !== undefined
      ? `${formatMinutes(Math.floor(e.remainingMs / MINUTE))} left`
      : e.overdueMs !== undefined
        ? `${formatMinutes(Math.ceil(e.overdueMs / MINUTE))} late`
        : '';
  const why = e.reason === undefined ? '' : `  ${e.reason}`;
  const call = e.plannedCallAt === undefined ? '' : `  call ${formatLocal(table, e.plannedCallAt)}`;
  return `  ${e.requestId.padEnd(14)} ${e.door.padEnd(8)} ${deadline}  ${left}${why}${call}`.trimEnd();
}

/**
 * The report as text.
 *
 * @example console.log(slaToText(computeSla(team, requests, { now }), team))
 */
export function slaToText(report: SlaReport, team: Team): string {
  const instants = [report.now];
  for (const e of report.entries) {
    instants.push(e.receivedAt);
    if (Number.isFinite(e.deadline)) instants.push(e.deadline);
    if (e.plannedCallAt !== undefined) instants.push(e.plannedCallAt);
  }
  const table = buildZoneTable(team.timeZone, Math.min(...instants) - DAY, Math.max(...instants) + DAY);
  const out = [`${team.name}: SLA at ${formatLocal(table, report.now)} (${team.timeZone})`, ''];
  out.push(`Next breaches (${report.nextBreaches.length})`);
  if (report.nextBreaches.length === 0) out.push('  none');
  for (const e of report.nextBreaches) out.push(line(e, table));
  for (const status of SLA_STATUSES) {
    const rows = report.entries.filter((e) => e.status === status);
    if (rows.length === 0) continue;
    out.push(
      '',
      `${TITLES[status]} (${rows.length})`,
      `  ${'request'.padEnd(14)} ${'door'.padEnd(8)} deadline`,
    );
    for (const e of [...rows].sort((a, b) => a.deadline - b.deadline)) out.push(line(e, table));
  }
  const t = report.metrics.totals;
  const share = t.shareMet === null ? 'n/a' : `${(t.shareMet * 100).toFixed(1)} %`;
  out.push('', `Requests ${t.requests}: met ${t.met}, breached ${t.breached}, open ${t.open} (met ${share})`);
  return `${out.join('\n')}\n`;
}

/**
 * The exposure as text: the periods in which an arrival breaches whatever happens.
 *
 * @example process.stdout.write(exposureToText(computeExposure(team, { from, to }), team));
 */
export function exposureToText(report: ExposureReport, team: Team): string {
  const table = buildZoneTable(team.timeZone, report.from - DAY, report.to + 60 * DAY);
  const out = [
    `${team.name}: exposure ${formatLocal(table, report.from)} to ${formatLocal(table, report.to)} (${team.timeZone})`,
    `Promise: first contact within ${formatMinutes(Math.round(report.targetMs / MINUTE))}`,
    '',
    `Arrivals that breach whatever happens (${report.periods.length}, ${formatMinutes(Math.round(report.exposedMs / MINUTE))} in all)`,
  ];
  if (report.periods.length === 0) out.push('  none');
  for (const p of report.periods) {
    const wait = formatMinutes(Math.round(p.worstWaitMs / MINUTE));
    out.push(
      `  ${formatLocal(table, p.start)} - ${formatLocal(table, p.end)}  worst wait ${p.unbounded ? 'over ' : ''}${wait}`,
    );
  }
  out.push('', `Longest wait of any arrival: ${formatMinutes(Math.round(report.maxWaitMs / MINUTE))}`);
  return `${out.join('\n')}\n`;
}
