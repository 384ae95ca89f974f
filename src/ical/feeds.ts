/**
 * The three feeds: a coach's own (shifts and booked callbacks), the team's (every shift, with display names) and
 * the gaps (uncovered and below-minimum time, and exposure periods when given). Each returns the iCalendar text and
 * the new published state; the same input gives the same bytes.
 *
 * @module
 */

import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import type { Booking, CallbackPlan } from '../matching/plan.js';
import type { CallbackRequest, Contact } from '../model/request.js';
import { resolveTeam, type TeamInput } from '../model/resolve.js';
import type { Team } from '../model/team.js';
import { type CoverageReport, computeCoverage } from '../rota/coverage.js';
import type { Shift } from '../rota/rota.js';
import type { Instant } from '../time/types.js';
import { fnv1a64 } from './hash.js';
import { type FeedOptions, type ResolvedFeedOptions, resolveFeedOptions } from './options.js';
import { type RenderEvent, renderCalendar } from './render.js';
import { type CurrentEvent, type PublishedState, reconcile } from './state.js';
import { FEED_WORDS, type FeedWords } from './words.js';

/** The shifts a feed reads: a generated `Rota`, or any `{ shifts }` (e.g. a published rota read back). */
export interface FeedRota {
  /** The shifts, every layer, UTC epoch ms `[start, end)`. */
  readonly shifts: readonly Shift[];
  /** Layer order (first line first); without it `primary` is the first line and `backup` the backup. */
  readonly policy?: {
    /** Layer names, first line first. */
    readonly layers: readonly string[];
  };
}

/** A written feed. */
export interface Feed {
  /** The iCalendar text, CRLF line ends, folded at 75 octets. */
  readonly ics: string;
  /** The new published state: `previous` with this feed's events replaced. Keep it for the next build. */
  readonly state: PublishedState;
  /** Events written (cancelled ones included). */
  readonly events: number;
}

/** What the coach feed takes besides {@link FeedOptions}. */
export interface CoachFeedOptions extends FeedOptions {
  /** The rota whose shifts of the coach are written. */
  readonly rota: FeedRota;
  /** Booked callbacks: a matching plan (its `placed` calls) or a list of bookings. @defaultValue none */
  readonly calls?: CallbackPlan | readonly Booking[];
  /**
   * **Private feeds only.** Writes each caller's contact (name, phone, e-mail, from `requests`) into the call's
   * description. Never set it for a feed published at a link. @defaultValue false
   */
  readonly includeCallerContact?: boolean;
  /** The requests, to find contacts when `includeCallerContact` is set; ignored otherwise. */
  readonly requests?: readonly CallbackRequest[];
}

/** What the team feed takes besides {@link FeedOptions}. */
export interface TeamFeedOptions extends FeedOptions {
  /** The rota whose shifts (every coach, every layer) are written. */
  readonly rota: FeedRota;
}

/**
 * One exposure period, as the SLA's `computeExposure` returns it: a request arriving in `[start, end)` would wait
 * up to `worstWaitMs` for a callback.
 */
export interface ExposureSpan {
  /** Start (inclusive), UTC epoch ms. */
  readonly start: Instant;
  /** End (exclusive), UTC epoch ms. */
  readonly end: Instant;
  /** Longest wait of an arrival in the span, ms. */
  readonly worstWaitMs: number;
}

/** What the gaps feed takes besides {@link FeedOptions}. */
export interface GapsFeedOptions extends FeedOptions {
  /** The coverage to read gaps from; computed over the horizon when absent. */
  readonly coverage?: CoverageReport;
  /** Exposure periods (the SLA's `computeExposure`), published as events too. @defaultValue none */
  readonly exposure?: readonly ExposureSpan[];
}

/**
 * The feed id of a coach's feed, as in the published state and the UIDs.
 *
 * @example coachFeedId('amelie') === 'coach:amelie'
 */
export const coachFeedId = (coachId: string): string => `coach:${coachId}`;

/**
 * A coach's feed: their shifts (first line, backup, overrides marked) and the calls booked for them. No caller's
 * contact unless `includeCallerContact` is set.
 *
 * @throws {@link index!ValidationError} for a bad team, an unknown coach, bad options or shifts.
 * @example
 * const { ics, state } = coachFeed(team, 'amelie', { rota, calls: plan, now, previous });
 * // ics: BEGIN:VCALENDAR ... SUMMARY:Astreinte - 1re ligne ... SUMMARY:Rappel - demande R-2026-0042 ...
 */
export function coachFeed(teamInput: TeamInput, coachId: string, options: CoachFeedOptions): Feed {
  const team = resolveTeam(teamInput);
  const o = resolveFeedOptions(options);
  const coach = team.coaches.find((c) => c.id === coachId);
  const issues = checkShifts(team, options.rota);
  if (coach === undefined)
    issues.unshift(issue('coachId', coachId, 'is not a coach of the team', 'a coach id of the team'));
  const calls = callsOf(options.calls);
  calls.forEach((b, i) => {
    if (!(b.start < b.end) || !Number.isFinite(b.start) || !Number.isFinite(b.end)) {
      issues.push(issue(['calls', i, 'end'], b.end, 'is not after start', 'a call [start, end)'));
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const feed = coachFeedId(coachId);
  const words = FEED_WORDS[o.lang];
  const layers = layerNames(options.rota, words);
  const extras = new Map<string, Extra>();
  const current: CurrentEvent[] = [];
  for (const s of options.rota.shifts) {
    if (s.coachId !== coachId || !inHorizon(s, o)) continue;
    const layer = layers(s.layer);
    const uid = uidOf(team, feed, s.layer, s.coachId, s.start);
    current.push({
      uid,
      start: s.start,
      end: s.end,
      coachId,
      summary: words.shiftSummary(layer, s.override === true),
      transparent: true,
    });
    extras.set(uid, {
      description: words.shiftDescription(layer, team.name, s.override === true),
      alarmMinutes: o.shiftAlarmMinutes,
    });
  }
  const contacts = options.includeCallerContact === true ? contactsOf(options.requests ?? []) : undefined;
  const seen = new Set<string>();
  for (const b of calls) {
    if (b.coachId !== coachId || !inHorizon(b, o)) continue;
    const uid = uidOf(team, feed, `callback/${b.requestId}`, b.coachId, b.start);
    if (seen.has(uid)) continue;
    seen.add(uid);
    current.push({
      uid,
      start: b.start,
      end: b.end,
      coachId,
      summary: words.callSummary(b.requestId),
      transparent: false,
    });
    const contact = contacts?.get(b.requestId);
    const description = words.callDescription(b.requestId, (b.end - b.start) / 60_000);
    extras.set(uid, {
      description: contact === undefined ? description : `${description}\n${words.callerLine(contact)}`,
      alarmMinutes: o.callAlarmMinutes,
    });
  }
  return write(feed, current, extras, o, words.coachCalendar(team.name, coach?.name ?? coachId), team);
}

/**
 * The team's feed, for the coordinators: every shift of every layer, with the coach's display name.
 *
 * @throws {@link index!ValidationError} for a bad team, bad options or shifts naming unknown coaches.
 * @example const { ics } = teamFeed(team, { rota, now }); // SUMMARY:1re ligne : Amélie Martin
 */
export function teamFeed(teamInput: TeamInput, options: TeamFeedOptions): Feed {
  const team = resolveTeam(teamInput);
  const o = resolveFeedOptions(options);
  const issues = checkShifts(team, options.rota);
  if (issues.length > 0) throw new ValidationError(issues);
  const words = FEED_WORDS[o.lang];
  const layers = layerNames(options.rota, words);
  const names = new Map(team.coaches.map((c) => [c.id, c.name]));
  const extras = new Map<string, Extra>();
  const current: CurrentEvent[] = [];
  for (const s of options.rota.shifts) {
    if (!inHorizon(s, o)) continue;
    const layer = layers(s.layer);
    const override = s.override === true;
    const uid = uidOf(team, 'team', s.layer, s.coachId, s.start);
    const summary = words.teamShiftSummary(layer, names.get(s.coachId) ?? s.coachId, override);
    current.push({ uid, start: s.start, end: s.end, coachId: s.coachId, summary, transparent: true });
    extras.set(uid, {
      description: words.shiftDescription(layer, team.name, override),
      alarmMinutes: o.shiftAlarmMinutes,
    });
  }
  return write('team', current, extras, o, words.teamCalendar(team.name), team);
}

/**
 * The gaps feed, for the coordinators: every span with nobody free, every span with fewer than the minimum, and
 * (when given) every exposure period of the SLA. Free time (`TRANSP:TRANSPARENT`), no reminders unless
 * `shiftAlarmMinutes` is set.
 *
 * @throws {@link index!ValidationError} for a bad team, bad options or bad exposure periods.
 * @example const { ics } = gapsFeed(team, { now, exposure: computeExposure(team, { from, to }) });
 */
export function gapsFeed(teamInput: TeamInput, options: GapsFeedOptions): Feed {
  const team = resolveTeam(teamInput);
  const o = resolveFeedOptions(options);
  const issues: ValidationIssue[] = [];
  (options.exposure ?? []).forEach((x, i) => {
    if (!(Number.isFinite(x.start) && Number.isFinite(x.end) && x.start < x.end)) {
      issues.push(issue(['exposure', i, 'end'], x.end, 'is not after start', 'a period [start, end)'));
    }
    if (!(Number.isFinite(x.worstWaitMs) && x.worstWaitMs >= 0)) {
      issues.push(issue(['exposure', i, 'worstWaitMs'], x.worstWaitMs, 'is not a wait', 'milliseconds >= 0'));
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const coverage = options.coverage ?? computeCoverage(team, { from: o.from, to: o.to });
  const words = FEED_WORDS[o.lang];
  const min = coverage.minCoaches;
  const extras = new Map<string, Extra>();
  const current: CurrentEvent[] = [];
  for (const g of coverage.gaps) {
    if (!inHorizon(g, o)) continue;
    const uid = uidOf(team, 'gaps', 'gap', '', g.start);
    const summary = g.available === 0 ? words.uncovered : words.belowMinimum(g.available, min);
    current.push({ uid, start: g.start, end: g.end, coachId: null, summary, transparent: true });
    extras.set(uid, {
      description: words.gapDescription(team.name, g.available, min),
      alarmMinutes: o.shiftAlarmMinutes,
    });
  }
  for (const x of options.exposure ?? []) {
    if (!inHorizon(x, o)) continue;
    const uid = uidOf(team, 'gaps', 'exposure', '', x.start);
    const wait = words.duration(Math.round(x.worstWaitMs / 60_000));
    current.push({
      uid,
      start: x.start,
      end: x.end,
      coachId: null,
      summary: words.exposureSummary(wait),
      transparent: true,
    });
    extras.set(uid, {
      description: words.exposureDescription(team.name, wait),
      alarmMinutes: o.shiftAlarmMinutes,
    });
  }
  return write('gaps', current, extras, o, words.gapsCalendar(team.name), team);
}

interface Extra {
  readonly description: string;
  readonly alarmMinutes: number | null;
}

function write(
  feed: string,
  current: readonly CurrentEvent[],
  extras: ReadonlyMap<string, Extra>,
  o: ResolvedFeedOptions,
  name: string,
  team: Team,
): Feed {
  const { publish, state } = reconcile(feed, current, o.previous, o.now, o.from, o.graceMs);
  const events: RenderEvent[] = publish.map((e) => {
    const extra = e.status === 'confirmed' ? extras.get(e.uid) : undefined;
    return extra === undefined ? { ...e, alarmMinutes: null } : { ...e, ...extra };
  });
  const zone = o.times === 'utc' ? null : team.timeZone;
  return {
    ics: renderCalendar({ name, zone, refreshMinutes: o.refreshMinutes, sharedZone: o.sharedZone }, events),
    state,
    events: events.length,
  };
}

/** The event's UID: FNV-1a 64 of team, feed, layer, coach and start, so it changes only when one of those does. */
function uidOf(team: Team, feed: string, layer: string, coachId: string, start: Instant): string {
  return `${fnv1a64(`${team.name}\u0000${feed}\u0000${layer}\u0000${coachId}\u0000${start}`)}@astreinte`;
}

const inHorizon = (
  span: { readonly start: Instant; readonly end: Instant },
  o: ResolvedFeedOptions,
): boolean => span.end > o.from && span.start < o.to;

function layerNames(rota: FeedRota, words: FeedWords): (layer: string) => string {
  const order = rota.policy?.layers ?? ['primary', 'backup'];
  return (layer) => words.layer(order.indexOf(layer), layer);
}

function callsOf(calls: CallbackPlan | readonly Booking[] | undefined): readonly Booking[] {
  if (calls === undefined) return [];
  return isBookingList(calls) ? calls : calls.placed;
}

function isBookingList(calls: CallbackPlan | readonly Booking[]): calls is readonly Booking[] {
  return Array.isArray(calls);
}

function checkShifts(team: Team, rota: FeedRota): ValidationIssue[] {
  const ids = new Set(team.coaches.map((c) => c.id));
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(rota?.shifts))
    return [issue('rota.shifts', rota?.shifts, 'is not a list', 'a list of shifts')];
  rota.shifts.forEach((s, i) => {
    if (!ids.has(s.coachId))
      issues.push(
        issue(
          ['rota', 'shifts', i, 'coachId'],
          s.coachId,
          'is not a coach of the team',
          'a coach id of the team',
        ),
      );
    if (!(Number.isFinite(s.start) && Number.isFinite(s.end) && s.start < s.end)) {
      issues.push(issue(['rota', 'shifts', i, 'end'], s.end, 'is not after start', 'a shift [start, end)'));
    }
  });
  return issues;
}

function contactsOf(requests: readonly CallbackRequest[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of requests) {
    const text = contactText(r.contact);
    if (text !== '') out.set(r.id, text);
  }
  return out;
}

function contactText(contact: Contact | undefined): string {
  if (contact === undefined) return '';
  return [contact.name, contact.phone, contact.email].filter((v) => v !== undefined && v !== '').join(' · ');
}
