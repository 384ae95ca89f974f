/**
 * The wording of the reports: every label a reader sees, in one object per language (`words-fr.ts`,
 * `words-en.ts`), so a translator edits one file. Dates and numbers are not here: `locale.ts` formats them
 * with `Intl`.
 *
 * @module
 */
import { WORDS_EN } from './words-en.js';
import { WORDS_FR } from './words-fr.js';

/** Languages the reports are written in. French is the default: the service is French. */
export type ReportLang = 'fr' | 'en';

/** Every label of the reports. Functions take already formatted figures. */
export interface ReportWords {
  /** BCP 47 locale given to `Intl` for the dates and numbers of the report (`fr-FR`, `en-GB`). */
  readonly locale: string;
  /** Title of the coverage report. */
  readonly coverageTitle: string;
  /** Title of the monthly review. */
  readonly monthlyTitle: string;
  /** Label of the team name. */
  readonly team: string;
  /** Label of the reported period. */
  readonly horizon: string;
  /** The period as text, from two already formatted local dates; the end is exclusive (half-open period) and the text says so. */
  readonly fromTo: (from: string, to: string) => string;
  /** Label of the team's IANA time zone, in which every date of the report is written. */
  readonly timeZone: string;
  /** Heading of the summary section. */
  readonly summary: string;
  /** Label of the share of the period covered (a percentage). */
  readonly coverageShare: string;
  /** Note stating the coverage target (24 hours a day, 7 days a week). */
  readonly target: string;
  /** Label of the minimum number of coaches wanted at every instant. */
  readonly minCoaches: string;
  /** Label of the time covered (at least the minimum of coaches free). */
  readonly covered: string;
  /** Label of the total time without cover. */
  readonly gapTime: string;
  /** Label of the fragile time: covered, but one absence would open a gap. */
  readonly fragileTime: string;
  /** Label of the longest single gap. */
  readonly longestGap: string;
  /** Heading of the gaps section. */
  readonly gaps: string;
  /** Sentence shown instead of the gap table when the period has no gap. */
  readonly noGap: string;
  /** Note after a truncated gap list; `count` is the number of gaps not shown. */
  readonly more: (count: number) => string;
  /** Heading of the spans where some coach is free but fewer than the minimum. */
  readonly belowMinimum: string;
  /** Heading of the fragile spans. */
  readonly fragile: string;
  /** Column heading: start of a span (local time, inclusive). */
  readonly start: string;
  /** Column heading: end of a span (local time, exclusive). */
  readonly end: string;
  /** Column heading: length of a span. */
  readonly duration: string;
  /** Column heading: number of coaches free during a span. */
  readonly available: string;
  /** Heading of the per-coach section of the coverage report. */
  readonly coaches: string;
  /** Column heading: the coach. */
  readonly coach: string;
  /** Column heading: hours the coach declared free over the period. */
  readonly freeHours: string;
  /** Column heading: hours the coach is on call in the rota over the period. */
  readonly onCallHours: string;
  /** Column heading: the part of the on-call hours held on the first layer. */
  readonly firstLineHours: string;
  /** Column heading: the coach's fair share of on-call hours. */
  readonly fairShareHours: string;
  /** Column heading: gap time the coach's absence would add. */
  readonly extraGapIfAbsent: string;
  /** Heading of the single points of failure (coaches whose absence alone adds a gap). */
  readonly singlePoints: string;
  /** Sentence shown when no single absence would add a gap. */
  readonly noSinglePoint: string;
  /** Heading of the rota quality section. */
  readonly rotaQuality: string;
  /** Label of the share of time a rota layer is held; `layer` is the layer's name. */
  readonly layerFilled: (layer: string) => string;
  /** Label of the load balance index (1 means an even load). */
  readonly balance: string;
  /** Label of the largest deviation from the fair share, in hours. */
  readonly maxDeviation: string;
  /** Label of the number of hand-offs per week. */
  readonly handOffsPerWeek: string;
  /** Label of the largest deviation from the fair share of night hours. */
  readonly nightDeviation: string;
  /** Label of the largest deviation from the fair share of weekend hours. */
  readonly weekendDeviation: string;
  /** Heading of the periods exposed to the SLA target (a request received then could wait longer than the target). */
  readonly exposure: string;
  /** Column heading: the longest wait of an exposed period. */
  readonly worstWait: string;
  /** Sentence shown when no period is exposed. */
  readonly noExposure: string;
  /** Heading of the weekly heatmap. */
  readonly heatmap: string;
  /** Text alternative describing the heatmap. */
  readonly heatmapDescription: string;
  /** Accessible text of one heatmap cell, from the formatted weekday, hour, share covered and average number of coaches free. */
  readonly heatmapCell: (day: string, hour: string, share: string, free: string) => string;
  /** Caption of the heatmap written as a table. */
  readonly heatmapTable: string;
  /** Label of a chart legend. */
  readonly legend: string;
  /** Column heading: hour of the day (local). */
  readonly hour: string;
  /** Column heading: day (local). */
  readonly day: string;
  /** Heading of the day-by-day timeline. */
  readonly timeline: string;
  /** Text alternative describing the timeline. */
  readonly timelineDescription: string;
  /** Accessible text of one timeline day, from the formatted local date, share without cover and average number of coaches free. */
  readonly timelineDay: (date: string, gap: string, free: string) => string;
  /** Heading of the section on the recruits that would help most. */
  readonly help: string;
  /** Introduction of that section; `candidates` is the formatted number of weekly windows tried. */
  readonly helpIntro: (candidates: string) => string;
  /** Column heading: a weekly window. */
  readonly window: string;
  /** Column heading: gap time a window would close. */
  readonly gapClosed: string;
  /** Column heading: the share covered with the recruit. */
  readonly newShare: string;
  /** Heading of the best pair of windows for two recruits. */
  readonly bestPair: string;
  /** Sentence shown when no window would close any gap. */
  readonly noHelp: string;
  /** A weekly window as text, from the formatted weekday and local start and end times (end exclusive). */
  readonly windowText: (day: string, from: string, to: string) => string;
  /** The word for yes. */
  readonly yes: string;
  /** The word for no. */
  readonly no: string;
  // Monthly review
  /** Label of the reviewed month. */
  readonly month: string;
  /** Heading of the confidentiality note. */
  readonly confidentialityTitle: string;
  /** The confidentiality note; `k` is the suppression threshold (counts from 1 to k-1 are hidden). */
  readonly confidentiality: (k: string) => string;
  /** Legend of the `<k` mark of a hidden small count. */
  readonly suppressedNote: (k: string) => string;
  /** Legend of the `×` mark of a cell hidden to protect another. */
  readonly complementNote: string;
  /** Label of a total. */
  readonly total: string;
  /** Label of a number of requests. */
  readonly requests: string;
  /** Heading of the requests by week. */
  readonly byWeek: string;
  /** Label of a week, from the formatted local date of its first day. */
  readonly weekOf: (date: string) => string;
  /** Heading of the table of requests by door and channel. */
  readonly byDoorChannel: string;
  /** Heading of the table of needs (topics) by door. */
  readonly byTopicDoor: string;
  /** Heading of the table of outcomes by door. */
  readonly byOutcomeDoor: string;
  /** Column heading: the door (`coaches` or `cci`). */
  readonly door: string;
  /** Column heading: the channel. */
  readonly channel: string;
  /** Column heading: the need (topic). */
  readonly topic: string;
  /** Column heading: the outcome. */
  readonly outcome: string;
  /** Label of the requests whose topic is not yet qualified. */
  readonly unqualified: string;
  /** Label of the requests with no outcome yet. */
  readonly open: string;
  /** Display name of each door, keyed by its value in the files. */
  readonly doors: Readonly<Record<string, string>>;
  /** Display name of each channel, keyed by its value in the files. */
  readonly channels: Readonly<Record<string, string>>;
  /** Display name of each topic, keyed by its value in the files. */
  readonly topics: Readonly<Record<string, string>>;
  /** Display name of each outcome, keyed by its value in the files. */
  readonly outcomes: Readonly<Record<string, string>>;
  /** Heading of the time-to-first-contact section. */
  readonly firstContact: string;
  /** Label of the number of requests with a first contact. */
  readonly contacted: string;
  /** Label of a median. */
  readonly median: string;
  /** Label of a 90th percentile. */
  readonly p90: string;
  /** Shown instead of a statistic computed on fewer than `k` requests. */
  readonly tooFew: (k: string) => string;
  /** Heading of the SLA (handling time) section. */
  readonly sla: string;
  /** Label of the share of requests handled within the SLA. */
  readonly slaShareMet: string;
  /** Heading of the breaches by reason. */
  readonly breachesByReason: string;
  /** Column heading: the reason of a breach. */
  readonly reason: string;
  /** Heading of the per-coach section of the monthly review. */
  readonly coachesMonth: string;
  /** Column heading: calls made. */
  readonly calls: string;
  /** Footer saying the report was made by astreinte. */
  readonly generatedNote: string;
}

/** The words of `lang`. */
export function wordsFor(lang: ReportLang): ReportWords {
  return lang === 'en' ? WORDS_EN : WORDS_FR;
}
