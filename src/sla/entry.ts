/**
 * The SLA engine's result vocabulary: one entry per request, and the report. Plain readonly data, instants in UTC
 * epoch ms; requests are named by their id only (no contact detail, no free text).
 *
 * @module
 */
import type { Channel, Door, Topic } from '../model/request.js';
import type { Instant } from '../time/types.js';
import type { SlaMetrics } from './metrics.js';
import type { BreachReason, SlaStatus } from './status.js';

/** One request's SLA at `now`. */
export interface SlaEntry {
  /** The request's id. */
  readonly requestId: string;
  /** The door it came through: whose promise applies. */
  readonly door: Door;
  /** The channel it came by. */
  readonly channel: Channel;
  /** Its topic, once qualified. */
  readonly topic?: Topic;
  /** When it was received, UTC epoch ms. */
  readonly receivedAt: Instant;
  /** When the clock started (receipt, or the first callback window under `startAtFirstWindow`). */
  readonly clockStart: Instant;
  /** When the promise runs out; `Infinity` when the business calendar never gives enough open time. */
  readonly deadline: Instant;
  /** The SLA status at `now`. */
  readonly status: SlaStatus;
  /** Real ms left until the deadline (open, not past it). */
  readonly remainingMs?: number;
  /** Real ms past the deadline (breached). */
  readonly overdueMs?: number;
  /** `will-breach` only: why. */
  readonly reason?: BreachReason;
  /** The earliest call the matching plan found (open requests of the coaches' door it could place). */
  readonly plannedCallAt?: Instant;
  /** First contact, when known at `now`. */
  readonly firstContactAt?: Instant;
}

/** Every request's SLA at `now`, the next breaches and the figures. */
export interface SlaReport {
  /** The instant the statuses are judged at, UTC epoch ms. */
  readonly now: Instant;
  /** Every request of the input exactly once, in input order. */
  readonly entries: readonly SlaEntry[];
  /** Open requests `will-breach` or `at-risk`, by deadline (then id): what to act on first. */
  readonly nextBreaches: readonly SlaEntry[];
  /** The figures of the period (`metricsFrom` / `metricsTo`). */
  readonly metrics: SlaMetrics;
}
