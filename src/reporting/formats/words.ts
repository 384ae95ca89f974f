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
  readonly locale: string;
  readonly coverageTitle: string;
  readonly monthlyTitle: string;
  readonly team: string;
  readonly horizon: string;
  readonly fromTo: (from: string, to: string) => string;
  readonly timeZone: string;
  readonly summary: string;
  readonly coverageShare: string;
  readonly target: string;
  readonly minCoaches: string;
  readonly covered: string;
  readonly gapTime: string;
  readonly fragileTime: string;
  readonly longestGap: string;
  readonly gaps: string;
  readonly noGap: string;
  readonly more: (count: number) => string;
  readonly belowMinimum: string;
  readonly fragile: string;
  readonly start: string;
  readonly end: string;
  readonly duration: string;
  readonly available: string;
  readonly coaches: string;
  readonly coach: string;
  readonly freeHours: string;
  readonly onCallHours: string;
  readonly firstLineHours: string;
  readonly fairShareHours: string;
  readonly extraGapIfAbsent: string;
  readonly singlePoints: string;
  readonly noSinglePoint: string;
  readonly rotaQuality: string;
  readonly layerFilled: (layer: string) => string;
  readonly balance: string;
  readonly maxDeviation: string;
  readonly handOffsPerWeek: string;
  readonly nightDeviation: string;
  readonly weekendDeviation: string;
  readonly exposure: string;
  readonly worstWait: string;
  readonly noExposure: string;
  readonly heatmap: string;
  readonly heatmapDescription: string;
  readonly heatmapCell: (day: string, hour: string, share: string, free: string) => string;
  readonly heatmapTable: string;
  readonly legend: string;
  readonly hour: string;
  readonly day: string;
  readonly timeline: string;
  readonly timelineDescription: string;
  readonly timelineDay: (date: string, gap: string, free: string) => string;
  readonly help: string;
  readonly helpIntro: (candidates: string) => string;
  readonly window: string;
  readonly gapClosed: string;
  readonly newShare: string;
  readonly bestPair: string;
  readonly noHelp: string;
  readonly windowText: (day: string, from: string, to: string) => string;
  readonly yes: string;
  readonly no: string;
  // Monthly review
  readonly month: string;
  readonly confidentialityTitle: string;
  readonly confidentiality: (k: string) => string;
  readonly suppressedNote: (k: string) => string;
  readonly complementNote: string;
  readonly total: string;
  readonly requests: string;
  readonly byWeek: string;
  readonly weekOf: (date: string) => string;
  readonly byDoorChannel: string;
  readonly byTopicDoor: string;
  readonly byOutcomeDoor: string;
  readonly door: string;
  readonly channel: string;
  readonly topic: string;
  readonly outcome: string;
  readonly unqualified: string;
  readonly open: string;
  readonly doors: Readonly<Record<string, string>>;
  readonly channels: Readonly<Record<string, string>>;
  readonly topics: Readonly<Record<string, string>>;
  readonly outcomes: Readonly<Record<string, string>>;
  readonly firstContact: string;
  readonly contacted: string;
  readonly median: string;
  readonly p90: string;
  readonly tooFew: (k: string) => string;
  readonly sla: string;
  readonly slaShareMet: string;
  readonly breachesByReason: string;
  readonly reason: string;
  readonly coachesMonth: string;
  readonly calls: string;
  readonly generatedNote: string;
}

/** The words of `lang`. */
export function wordsFor(lang: ReportLang): ReportWords {
  return lang === 'en' ? WORDS_EN : WORDS_FR;
}
