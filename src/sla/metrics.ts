/**
 * SLA figures over a period, for the monthly review: how many requests, how many met, how fast the first contact
 * came, and the breaches by reason, door, channel and local week. Aggregates only: no request id, no contact.
 *
 * @module
 */
import type { Channel, Door } from '../model/request.js';
import { CHANNELS, DOORS } from '../model/request.js';
import { formatLocalDate, mondayOf } from '../time/local.js';
import type { Instant } from '../time/types.js';
import { instantToLocal, type ZoneTable } from '../time/zone.js';
import type { SlaEntry } from './entry.js';
import { BREACH_REASONS, type BreachReason } from './status.js';

/** Counts of one group of requests. */
export interface SlaCounts {
  /** Requests in the group (received in the period). */
  readonly requests: number;
  /** First contact within the deadline. */
  readonly met: number;
  /** Breached already (contact late, or none and past the deadline). */
  readonly breached: number;
  /** Open and not yet past the deadline (`will-breach`, `at-risk`, `on-track`). */
  readonly open: number;
  /** `met / (met + breached)`, rounded to 4 decimals; `null` when no request is decided yet. */
  readonly shareMet: number | null;
}

/** Why a request breached, or is predicted to. */
export type BreachCause = 'contacted-late' | 'not-contacted' | BreachReason;

/** Time from the clock's start to the first contact, over the requests contacted (ms; `null` when none). */
export interface ContactTimes {
  /** Requests with a first contact. */
  readonly count: number;
  /** Nearest-rank median (the lower middle of an even count). */
  readonly medianMs: number | null;
  /** Nearest-rank 90th percentile. */
  readonly p90Ms: number | null;
  /** Longest, ms. */
  readonly maxMs: number | null;
}

/** The SLA figures of a period; the monthly review (reports) reads them. */
export interface SlaMetrics {
  /** The period `[from, to)`: requests received in it count. */
  readonly from: Instant;
  /** End of the period (exclusive), UTC epoch ms. */
  readonly to: Instant;
  /** Counts over all requests of the period, with the open ones split by status. */
  readonly totals: SlaCounts & {
    /** Open requests the plan predicts will breach. */
    readonly willBreach: number;
    /** Open requests close to their deadline (within the door's `atRisk` time). */
    readonly atRisk: number;
    /** Other open requests. */
    readonly onTrack: number;
  };
  /** Time from the clock's start to the first contact. */
  readonly timeToFirstContact: ContactTimes;
  /** Breached requests by cause (`contacted-late`, `not-contacted`), and predicted ones by their reason. */
  readonly breachesByReason: Readonly<Record<BreachCause, number>>;
  /** Counts per door (every door present, zeros included). */
  readonly byDoor: Readonly<Record<Door, SlaCounts>>;
  /** Counts per channel (every channel present, zeros included). */
  readonly byChannel: Readonly<Record<Channel, SlaCounts>>;
  /** One row per local week (Monday first) that received a request, in order; `week` is its Monday. */
  readonly byWeek: readonly (SlaCounts & {
    /** The week's local Monday, `YYYY-MM-DD`. */
    readonly week: string;
  })[];
}

interface Tally {
  requests: number;
  met: number;
  breached: number;
  open: number;
}

const tally = (): Tally => ({ requests: 0, met: 0, breached: 0, open: 0 });

function add(t: Tally, entry: SlaEntry): void {
  t.requests++;
  if (entry.status === 'met') t.met++;
  else if (entry.status === 'breached') t.breached++;
  else t.open++;
}

function counts(t: Tally): SlaCounts {
  const decided = t.met + t.breached;
  return { ...t, shareMet: decided === 0 ? null : Math.round((t.met / decided) * 10_000) / 10_000 };
}

/** Nearest-rank percentile of sorted values. */
function rank(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

/**
 * The SLA figures of the entries received in `[from, to)`.
 *
 * @param table - zone table of the team's zone covering the entries (local weeks are read in it).
 * @example computeSlaMetrics(report.entries, paris, from, to).totals.shareMet // 0.9583
 */
export function computeSlaMetrics(
  entries: readonly SlaEntry[],
  table: ZoneTable,
  from: Instant,
  to: Instant,
): SlaMetrics {
  const total = tally();
  let willBreach = 0;
  let atRisk = 0;
  let onTrack = 0;
  const byDoor = new Map<Door, Tally>(DOORS.map((d) => [d, tally()]));
  const byChannel = new Map<Channel, Tally>(CHANNELS.map((c) => [c, tally()]));
  const byWeek = new Map<number, Tally>();
  const reasons = new Map<BreachCause, number>();
  const waits: number[] = [];
  for (const e of entries) {
    if (e.receivedAt < from || e.receivedAt >= to) continue;
    add(total, e);
    add(byDoor.get(e.door) as Tally, e);
    add(byChannel.get(e.channel) as Tally, e);
    const monday = mondayOf(Math.floor(instantToLocal(table, e.receivedAt) / 86_400_000));
    if (!byWeek.has(monday)) byWeek.set(monday, tally());
    add(byWeek.get(monday) as Tally, e);
    if (e.status === 'will-breach') willBreach++;
    if (e.status === 'at-risk') atRisk++;
    if (e.status === 'on-track') onTrack++;
    const cause: BreachCause | undefined =
      e.status === 'breached'
        ? e.firstContactAt === undefined
          ? 'not-contacted'
          : 'contacted-late'
        : e.status === 'will-breach'
          ? e.reason
          : undefined;
    if (cause !== undefined) reasons.set(cause, (reasons.get(cause) ?? 0) + 1);
    if (e.firstContactAt !== undefined) waits.push(Math.max(0, e.firstContactAt - e.clockStart));
  }
  const sorted = Float64Array.from(waits).sort();
  const causes: BreachCause[] = ['contacted-late', 'not-contacted', ...BREACH_REASONS];
  return {
    from,
    to,
    totals: { ...counts(total), willBreach, atRisk, onTrack },
    timeToFirstContact: {
      count: sorted.length,
      medianMs: rank(sorted, 0.5),
      p90Ms: rank(sorted, 0.9),
      maxMs: sorted.length === 0 ? null : (sorted[sorted.length - 1] as number),
    },
    breachesByReason: Object.fromEntries(causes.map((c) => [c, reasons.get(c) ?? 0])) as Record<
      BreachCause,
      number
    >,
    byDoor: Object.fromEntries(DOORS.map((d) => [d, counts(byDoor.get(d) as Tally)])) as Record<
      Door,
      SlaCounts
    >,
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, counts(byChannel.get(c) as Tally)])) as Record<
      Channel,
      SlaCounts
    >,
    byWeek: [...byWeek.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([monday, t]) => ({ week: formatLocalDate(monday), ...counts(t) })),
  };
}
