/**
 * The monthly review's SLA section from the SLA engine's figures: what `computeSla(...).metrics` says of the
 * month, reduced to the counts the review publishes (and suppresses like every other count).
 *
 * @module
 */
import type { SlaMetrics } from '../../sla/metrics.js';
import type { MonthlySlaInput } from './build.js';

/**
 * Reduces SLA figures to the monthly review's input: the requests decided (met or breached; open ones are not
 * judged yet), how many were met, and the breaches by cause with the zero causes left out.
 *
 * @example
 * const { metrics } = computeSla(team, requests, { now, metricsFrom: monthStart, metricsTo: monthEnd });
 * buildMonthlyReview(team, requests, { month: '2026-12', sla: monthlySlaInput(metrics) });
 */
export function monthlySlaInput(metrics: SlaMetrics): MonthlySlaInput {
  const { met, breached } = metrics.totals;
  const breachesByReason = Object.fromEntries(
    Object.entries(metrics.breachesByReason).filter(([, n]) => n > 0),
  );
  return { requests: met + breached, met, breachesByReason };
}
