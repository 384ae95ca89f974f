/**
 * Every sentence of the demo, per language, in one place so a translator edits one file.
 *
 * @module
 */

/** The demo's sentences in one language. */
export interface StoryWords {
  readonly intro: string;
  readonly teamTitle: string;
  readonly team: (name: string, coaches: number, zone: string) => string;
  readonly now: (local: string) => string;
  readonly requests: (count: number) => string;
  readonly coverageTitle: (from: string, to: string) => string;
  readonly covered: (share: string, gap: string, gaps: number) => string;
  readonly longestGaps: string;
  readonly critical: (coachId: string, extra: string) => string;
  readonly rotaTitle: string;
  readonly total: string;
  readonly rotaLegend: string;
  readonly rotaQuality: (balance: string, deviation: string) => string;
  readonly planTitle: string;
  readonly planSummary: (placed: number, open: number, closed: number) => string;
  readonly late: (deadline: string) => string;
  readonly notPlaced: string;
  readonly intakeTitle: string;
  readonly intakeIntro: string;
  readonly phoneFound: string;
  readonly slaTitle: string;
  readonly slaCounts: (counts: string) => string;
  readonly nextBreaches: string;
  readonly deadline: (local: string) => string;
  readonly shareMet: (share: string, breached: number) => string;
  readonly wrote: (count: number, folder: string) => string;
  /** A number with `digits` decimals, with the language's decimal mark (`0.78`, `0,78`). */
  readonly decimal: (value: number, digits: number) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The demo's sentences, English and French. */
export const WORDS: Readonly<Record<'en' | 'fr', StoryWords>> = {
  en: {
    decimal: (value, digits) => value.toFixed(digits),
    intro: 'astreinte demo: the example line "Ça va patron ?", every person and request in it fictional.',
    teamTitle: 'The team',
    team: (name, coaches, zone) => `${name}: ${coaches} volunteer coaches, times in ${zone}.`,
    now: (local) => `The story is told at ${local} (fixed: the demo reads no clock).`,
    requests: (count) =>
      `${plural(count, 'request', 'requests')} in the request file (December and this weekend).`,
    coverageTitle: (from, to) => `Coverage of 24/7, ${from} to ${to}`,
    covered: (share, gap, gaps) =>
      `${share} of the time has a coach free; ${gap} uncovered in ${plural(gaps, 'gap', 'gaps')}.`,
    longestGaps: 'Longest gaps:',
    critical: (coachId, extra) =>
      `Single point of failure: without ${coachId}, ${extra} more would be uncovered.`,
    rotaTitle: 'The rota of the week, and its fairness',
    total: 'total',
    rotaLegend: 'Hours on call per layer, the fair share in brackets (what their free time allows).',
    rotaQuality: (balance, deviation) =>
      `Balance ${balance} (1 is perfect); largest gap to a fair share ${deviation}.`,
    planTitle: 'The callback plan',
    planSummary: (placed, open, closed) =>
      `${plural(placed, 'call', 'calls')} booked; ${plural(open, 'open request', 'open requests')} not placed; ${closed} closed or for the chamber.`,
    late: (deadline) => `late: the deadline was ${deadline}`,
    notPlaced: 'Not placed:',
    intakeTitle: 'Callers\u2019 SMS read into callback windows',
    intakeIntro: 'What the intake understood, in the caller\u2019s language, for a person to confirm:',
    phoneFound: 'phone number found',
    slaTitle: 'The 24-hour promise (SLA)',
    slaCounts: (counts) => `Every request at this instant: ${counts}.`,
    nextBreaches:
      'Next breaches, by deadline (will-breach: the plan cannot keep the promise; at-risk: little time left):',
    deadline: (local) => `deadline ${local}`,
    shareMet: (share, breached) =>
      `Promise kept for ${share} of the requests decided; ${breached} broken so far.`,
    wrote: (count, folder) => `Wrote ${plural(count, 'file', 'files')} to ${folder}`,
  },
  fr: {
    decimal: (value, digits) => value.toFixed(digits).replace('.', ','),
    intro:
      'Démo d\u2019astreinte : la ligne d\u2019exemple « Ça va patron ? », toutes les personnes et demandes fictives.',
    teamTitle: 'L\u2019équipe',
    team: (name, coaches, zone) => `${name} : ${coaches} coachs bénévoles, heures de ${zone}.`,
    now: (local) => `L\u2019histoire se passe le ${local} (fixe : la démo ne lit pas l\u2019horloge).`,
    requests: (count) => `${plural(count, 'demande', 'demandes')} dans le fichier (décembre et ce week-end).`,
    coverageTitle: (from, to) => `Couverture 24 h/24, du ${from} au ${to}`,
    covered: (share, gap, gaps) =>
      `${share} du temps avec un coach libre ; ${gap} sans personne, en ${plural(gaps, 'trou', 'trous')}.`,
    longestGaps: 'Les plus longs trous :',
    critical: (coachId, extra) => `Point de fragilité : sans ${coachId}, ${extra} de plus sans personne.`,
    rotaTitle: 'Les astreintes de la semaine, et leur équité',
    total: 'total',
    rotaLegend:
      'Heures d\u2019astreinte par niveau, la part juste entre parenthèses (selon les disponibilités).',
    rotaQuality: (balance, deviation) =>
      `Équilibre ${balance} (1 = parfait) ; plus grand écart à la part juste ${deviation}.`,
    planTitle: 'Le plan de rappels',
    planSummary: (placed, open, closed) =>
      `${plural(placed, 'appel réservé', 'appels réservés')} ; ${plural(open, 'demande ouverte', 'demandes ouvertes')} non placée(s) ; ${closed} closes ou pour la CCI.`,
    late: (deadline) => `en retard : l\u2019échéance était ${deadline}`,
    notPlaced: 'Non placées :',
    intakeTitle: 'Les SMS des appelants lus en créneaux de rappel',
    intakeIntro:
      'Ce que la lecture a compris, dans la langue de l\u2019appelant, à confirmer d\u2019un coup d\u2019œil :',
    phoneFound: 'numéro trouvé',
    slaTitle: 'La promesse des 24 heures (SLA)',
    slaCounts: (counts) => `Toutes les demandes à cet instant : ${counts}.`,
    nextBreaches:
      'Prochains dépassements, par échéance (will-breach : le plan ne peut pas tenir la promesse ; at-risk : peu de temps) :',
    deadline: (local) => `échéance ${local}`,
    shareMet: (share, breached) =>
      `Promesse tenue pour ${share} des demandes jugées ; ${breached} non tenue(s) à ce jour.`,
    wrote: (count, folder) => `${plural(count, 'fichier écrit', 'fichiers écrits')} dans ${folder}`,
  },
};
