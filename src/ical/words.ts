/**
 * Every word the feeds print, one table per language: summaries, descriptions and calendar names. Nothing here ever
 * takes a caller's personal data except {@link FeedWords.callerLine}, which only a private feed calls (see
 * `includeCallerContact`).
 *
 * @module
 */

/** A language the feeds are written in. */
export type FeedLang = 'fr' | 'en';

/** The feeds' languages, default first. */
export const FEED_LANGS: readonly FeedLang[] = ['fr', 'en'];

/** The words of one language. Functions take only ids, names of coaches and the team, and figures. */
export interface FeedWords {
  /** Name of a layer by its position in the rota policy (0 first line, 1 backup); other layers keep their name. */
  readonly layer: (index: number, name: string) => string;
  /** Mark added to an override's summary. */
  readonly override: string;
  /** A coach's own shift: `Astreinte - 1re ligne`. */
  readonly shiftSummary: (layer: string, override: boolean) => string;
  /** A shift in the team feed, with the coach's display name. */
  readonly teamShiftSummary: (layer: string, coachName: string, override: boolean) => string;
  /** A shift's description: its layer, the team, and a note when it is an override. */
  readonly shiftDescription: (layer: string, team: string, override: boolean) => string;
  /** A booked callback: `Rappel - demande R-2026-0042` (the request id only). */
  readonly callSummary: (requestId: string) => string;
  /** A booked callback's description: the request id and the call's length in minutes (no contact). */
  readonly callDescription: (requestId: string, minutes: number) => string;
  /** The caller's contact, for private feeds only. */
  readonly callerLine: (contact: string) => string;
  /** A span with nobody free. */
  readonly uncovered: string;
  /** A span with some coaches free but fewer than the minimum. */
  readonly belowMinimum: (available: number, minimum: number) => string;
  /** A gap's description: the team, coaches free (0 for nobody) and the minimum wanted. */
  readonly gapDescription: (team: string, available: number, minimum: number) => string;
  /** A span where a request arriving would wait up to `waitText` (already formatted) before a call. */
  readonly exposureSummary: (waitText: string) => string;
  /** An exposure span's description: the team and the longest wait, already formatted. */
  readonly exposureDescription: (team: string, waitText: string) => string;
  /** A duration in hours and minutes, e.g. `26 h 30`. */
  readonly duration: (minutes: number) => string;
  /** Calendar name (`X-WR-CALNAME`) of a coach's feed, from the team's and the coach's names. */
  readonly coachCalendar: (team: string, coachName: string) => string;
  /** Calendar name of the team feed. */
  readonly teamCalendar: (team: string) => string;
  /** Calendar name of the gaps feed. */
  readonly gapsCalendar: (team: string) => string;
}

const hoursAndMinutes = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
};

const FR: FeedWords = {
  layer: (index, name) => (index === 0 ? '1re ligne' : index === 1 ? 'renfort' : name),
  override: 'remplacement',
  shiftSummary: (layer, override) => `Astreinte - ${layer}${override ? ' (remplacement)' : ''}`,
  teamShiftSummary: (layer, coachName, override) =>
    `${layer} : ${coachName}${override ? ' (remplacement)' : ''}`,
  shiftDescription: (layer, team, override) =>
    `Astreinte ${layer}, équipe ${team}.${override ? ' Remplacement décidé par la coordination.' : ''}`,
  callSummary: (requestId) => `Rappel - demande ${requestId}`,
  callDescription: (requestId, minutes) => `Rappel de la demande ${requestId}, ${hoursAndMinutes(minutes)}.`,
  callerLine: (contact) => `Appelant : ${contact}`,
  uncovered: 'Aucun coach disponible',
  belowMinimum: (available, minimum) => `Sous le minimum : ${available} coach(s) sur ${minimum}`,
  gapDescription: (team, available, minimum) =>
    available === 0
      ? `Équipe ${team} : personne n\u2019est disponible sur cette période.`
      : `Équipe ${team} : ${available} coach(s) disponible(s), il en faut ${minimum}.`,
  exposureSummary: (wait) => `Exposition : attente jusqu\u2019à ${wait}`,
  exposureDescription: (team, wait) =>
    `Équipe ${team} : une demande arrivant sur cette période attendrait jusqu\u2019à ${wait} avant un rappel.`,
  duration: hoursAndMinutes,
  coachCalendar: (team, coach) => `Astreinte ${team} - ${coach}`,
  teamCalendar: (team) => `Astreinte ${team} - équipe`,
  gapsCalendar: (team) => `Astreinte ${team} - trous de couverture`,
};

const EN: FeedWords = {
  layer: (index, name) => (index === 0 ? 'first line' : index === 1 ? 'backup' : name),
  override: 'override',
  shiftSummary: (layer, override) => `On call - ${layer}${override ? ' (override)' : ''}`,
  teamShiftSummary: (layer, coachName, override) => `${layer}: ${coachName}${override ? ' (override)' : ''}`,
  shiftDescription: (layer, team, override) =>
    `On call, ${layer}, team ${team}.${override ? ' Override set by the coordinators.' : ''}`,
  callSummary: (requestId) => `Callback - request ${requestId}`,
  callDescription: (requestId, minutes) => `Callback for request ${requestId}, ${hoursAndMinutes(minutes)}.`,
  callerLine: (contact) => `Caller: ${contact}`,
  uncovered: 'Nobody available',
  belowMinimum: (available, minimum) => `Below minimum: ${available} coach(es) of ${minimum}`,
  gapDescription: (team, available, minimum) =>
    available === 0
      ? `Team ${team}: nobody is available in this period.`
      : `Team ${team}: ${available} coach(es) available, ${minimum} needed.`,
  exposureSummary: (wait) => `Exposure: waits up to ${wait}`,
  exposureDescription: (team, wait) =>
    `Team ${team}: a request arriving in this period would wait up to ${wait} for a callback.`,
  duration: hoursAndMinutes,
  coachCalendar: (team, coach) => `On call ${team} - ${coach}`,
  teamCalendar: (team) => `On call ${team} - team`,
  gapsCalendar: (team) => `On call ${team} - coverage gaps`,
};

/** The words of each language. */
export const FEED_WORDS: Readonly<Record<FeedLang, FeedWords>> = { fr: FR, en: EN };
