/**
 * The intake corpus: messages written by hand, each with its expected callback windows worked out by hand from
 * the contract (issue 10, section 2) as local wall-clock times in Europe/Paris. A window is `[start, end]`:
 * `start` a full `YYYY-MM-DDTHH:mm`, `end` either full or `HH:mm` on the start's date. A window clipped at the
 * receipt starts at the receipt's local time. Times in a spring-forward gap are written as the instant they
 * denote (the README's rule: 02:30 on 2027-03-28 is 03:00). The test converts them with luxon, not the parser.
 */

/** Expected extras beyond the windows. */
export interface CaseExtras {
  readonly phone?: string;
  readonly email?: string;
  /** Kinds of the expected ambiguities, in text order. */
  readonly ambiguities?: readonly string[];
  /** Number of ignored spans. */
  readonly ignored?: number;
  /** Number of dropped windows. */
  readonly dropped?: number;
}

export interface CorpusCase {
  /** Receipt, local wall-clock in Europe/Paris. */
  readonly at: string;
  readonly text: string;
  readonly windows: readonly (readonly [string, string])[];
  readonly extras: CaseExtras;
}

type Row = readonly [string, readonly (readonly [string, string])[], CaseExtras?];

const cases: CorpusCase[] = [];
function at(receipt: string, rows: readonly Row[]): void {
  for (const [text, windows, extras] of rows)
    cases.push({ at: receipt, text, windows, extras: extras ?? {} });
}

const D1 = '2026-12-01';
const D2 = '2026-12-02';
const D3 = '2026-12-03';
const D4 = '2026-12-04';
const D7 = '2026-12-07';

// Tuesday 1 December 2026, 10:00: the bulk of the vocabulary.
at(`${D1}T10:00`, [
  [
    'Bonjour, rappelez-moi demain entre 12h et 14h, ou jeudi après 18h. 06 12 34 56 78',
    [
      [`${D2}T12:00`, '14:00'],
      [`${D3}T18:00`, '22:00'],
    ],
    { phone: '+33612345678' },
  ],
  ['demain matin', [[`${D2}T08:00`, '12:00']]],
  ['DEMAIN MATIN', [[`${D2}T08:00`, '12:00']]],
  ['demian matin', [[`${D2}T08:00`, '12:00']]],
  ['dmain matin svp', [[`${D2}T08:00`, '12:00']]],
  ['2m1 matin', [[`${D2}T08:00`, '12:00']]],
  ['dem1 soir', [[`${D2}T18:00`, '22:00']]],
  ['demain en fin de matinée', [[`${D2}T10:00`, '12:00']]],
  ['demain fin de matinee', [[`${D2}T10:00`, '12:00']]],
  ['demain midi', [[`${D2}T12:00`, '14:00']]],
  ['demain entre midi et deux', [[`${D2}T12:00`, '14:00']]],
  ['demain aprem', [[`${D2}T14:00`, '18:00']]],
  ['demain après-midi', [[`${D2}T14:00`, '18:00']]],
  ['demain apres midi', [[`${D2}T14:00`, '18:00']]],
  ["demain début d'après-midi", [[`${D2}T14:00`, '16:00']]],
  ["demain en fin d'aprem", [[`${D2}T16:00`, '18:00']]],
  ['demain soir', [[`${D2}T18:00`, '22:00']]],
  ['demain soirée', [[`${D2}T18:00`, '22:00']]],
  ['demain dans la soirée', [[`${D2}T18:00`, '22:00']]],
  ['demain en journée', [[`${D2}T08:00`, '18:00']]],
  ['demain toute la journée', [[`${D2}T08:00`, '22:00']]],
  ['demain', [[`${D2}T08:00`, '22:00']]],
  ['demain nuit', [[`${D2}T22:00`, `${D3}T06:00`]]],
  ['cette nuit', [[`${D1}T22:00`, `${D2}T06:00`]]],
  ['ce soir', [[`${D1}T18:00`, '22:00']]],
  ['ce matin', [[`${D1}T10:00`, '12:00']]],
  ['cet aprem', [[`${D1}T14:00`, '18:00']]],
  ['ce midi', [[`${D1}T12:00`, '14:00']]],
  ["aujourd'hui 15h", [[`${D1}T15:00`, '16:00']]],
  ['ajd 15h', [[`${D1}T15:00`, '16:00']]],
  ['aujourdhui a 15h', [[`${D1}T15:00`, '16:00']]],
  ['après-demain 9h', [[`${D3}T09:00`, '10:00']]],
  ['apres demain vers 11h', [[`${D3}T10:30`, '12:30']]],
  ['jeudi après 18h', [[`${D3}T18:00`, '22:00']]],
  ['jeudi apres 21h', [[`${D3}T21:00`, '23:00']]],
  ['jeudi à partir de 17h', [[`${D3}T17:00`, '22:00']]],
  ['jeudi dès 16h', [[`${D3}T16:00`, '22:00']]],
  ['vendredi avant 10h', [[`${D4}T08:00`, '10:00']]],
  ['vendredi avant 9h', [[`${D4}T07:00`, '09:00']]],
  ["vendredi jusqu'à 11h", [[`${D4}T08:00`, '11:00']]],
  ['vendredi vers 15h', [[`${D4}T14:30`, '16:30']]],
  ['vendredi aux alentours de 15h', [[`${D4}T14:30`, '16:30']]],
  ['vendredi autour de 15h30', [[`${D4}T15:00`, '17:00']]],
  ['lundi 14h-16h', [[`${D7}T14:00`, '16:00']]],
  ['lundi de 14h à 16h', [[`${D7}T14:00`, '16:00']]],
  ['lundi de 14 h 30 à 16 h', [[`${D7}T14:30`, '16:00']]],
  ['lundi 14:30-16:00', [[`${D7}T14:30`, '16:00']]],
  ['mardi 14h', [[`${D1}T14:00`, '15:00']]],
  ['mardi 9h', [['2026-12-08T09:00', '10:00']]],
  ['mardi prochain 9h', [['2026-12-08T09:00', '10:00']]],
  ['lundi prochain', [[`${D7}T08:00`, '22:00']]],
  [
    'lundi ou mardi soir',
    [
      [`${D1}T18:00`, '22:00'],
      [`${D7}T18:00`, '22:00'],
    ],
  ],
  [
    'vendredi 10h-12h ou 15h-17h',
    [
      [`${D4}T10:00`, '12:00'],
      [`${D4}T15:00`, '17:00'],
    ],
  ],
  [
    'mercredi, jeudi ou vendredi à 14h',
    [
      [`${D2}T14:00`, '15:00'],
      [`${D3}T14:00`, '15:00'],
      [`${D4}T14:00`, '15:00'],
    ],
  ],
  [
    'mercredi matin et jeudi soir',
    [
      [`${D2}T08:00`, '12:00'],
      [`${D3}T18:00`, '22:00'],
    ],
  ],
  ['demain entre 10 et 12', [[`${D2}T10:00`, '12:00']]],
  ['demain entre 10 et 12h', [[`${D2}T10:00`, '12:00']]],
  ['demain de 21h à 1h', [[`${D2}T21:00`, `${D3}T01:00`]]],
  ['demain de 22h à minuit', [[`${D2}T22:00`, `${D3}T00:00`]]],
  ['demain à 14h30', [[`${D2}T14:30`, '15:30']]],
  ['demain 14h', [[`${D2}T14:00`, '15:00']]],
  ['demain 14 heures', [[`${D2}T14:00`, '15:00']]],
  ['demain 14H', [[`${D2}T14:00`, '15:00']]],
  ["demain 2h de l'après-midi", [[`${D2}T14:00`, '15:00']]],
  ['demain 8h du soir', [[`${D2}T20:00`, '21:00']]],
  ['demain 9h du matin', [[`${D2}T09:00`, '10:00']]],
  ['demain vers midi', [[`${D2}T11:30`, '13:30']]],
  ['demain à midi', [[`${D2}T12:00`, '13:00']]],
  ['demain midi et demi', [[`${D2}T12:30`, '13:30']]],
  ['le 7 à 10h', [[`${D7}T10:00`, '11:00']]],
  ['le 7 décembre à 10h', [[`${D7}T10:00`, '11:00']]],
  ['7/12 à 10h', [[`${D7}T10:00`, '11:00']]],
  ['07/12/2026 10h', [[`${D7}T10:00`, '11:00']]],
  ['lundi 7 décembre 10h', [[`${D7}T10:00`, '11:00']]],
  ['samedi 12 entre 9h et 11h', [['2026-12-12T09:00', '11:00']]],
  ['le 1er', [[`${D1}T10:00`, '22:00']]],
  ['le 31 à 18h', [['2026-12-31T18:00', '19:00']]],
  ['le 15 janvier à 9h', [['2027-01-15T09:00', '10:00']]],
  ['mardi 8 décembre vers 10h', [['2026-12-08T09:30', '11:30']]],
  ['lundi 8 décembre 10h', [['2026-12-08T10:00', '11:00']], { ambiguities: ['weekday-date'] }],
  [
    'tous les soirs',
    ['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-12-${d}T18:00`, '22:00'] as const),
  ],
  [
    'tous les jours de 9h à 11h',
    [
      [`${D1}T10:00`, '11:00'],
      ...['02', '03', '04', '05', '06', '07'].map((d) => [`2026-12-${d}T09:00`, '11:00'] as const),
    ],
  ],
  [
    'tous les matins sauf le week-end',
    [
      [`${D1}T10:00`, '12:00'],
      ...['02', '03', '04', '07'].map((d) => [`2026-12-${d}T08:00`, '12:00'] as const),
    ],
  ],
  [
    'en semaine après 18h',
    ['01', '02', '03', '04', '07'].map((d) => [`2026-12-${d}T18:00`, '22:00'] as const),
  ],
  [
    'le week-end',
    [
      ['2026-12-05T08:00', '22:00'],
      ['2026-12-06T08:00', '22:00'],
    ],
  ],
  [
    'ce week-end le matin',
    [
      ['2026-12-05T08:00', '12:00'],
      ['2026-12-06T08:00', '12:00'],
    ],
  ],
  ["n'importe quand", [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['quand vous voulez', [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['dès que possible', [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['au plus vite merci', [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['asap', [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['tomorrow between 12 and 2pm', [[`${D2}T12:00`, '14:00']]],
  ['tomorrow morning', [[`${D2}T08:00`, '12:00']]],
  ['Tomorrow at 3pm', [[`${D2}T15:00`, '16:00']]],
  ['thursday after 6pm', [[`${D3}T18:00`, '22:00']]],
  ['friday from 2pm to 5pm', [[`${D4}T14:00`, '17:00']]],
  [
    'monday or tuesday evening',
    [
      [`${D1}T18:00`, '22:00'],
      [`${D7}T18:00`, '22:00'],
    ],
  ],
  ['tonight', [[`${D1}T18:00`, '22:00']]],
  ['this afternoon around 3pm', [[`${D1}T14:30`, '16:30']]],
  ['any time', [[`${D1}T10:00`, `${D2}T10:00`]]],
  ['next monday at 10am', [[`${D7}T10:00`, '11:00']]],
  ['Wednesday noon', [[`${D2}T12:00`, '14:00']]],
  ['december 7 at 9am', [[`${D7}T09:00`, '10:00']]],
  ['between 10 and 2pm on friday', [[`${D4}T10:00`, '14:00']]],
  ['Call me tomorrow around noon', [[`${D2}T11:30`, '13:30']]],
  ['tomorrow until 5pm', [[`${D2}T08:00`, '17:00']]],
  ['thursday before noon', [[`${D3}T08:00`, '12:00']]],
  ['in the morning', [[`${D1}T10:00`, '12:00']]],
  ['Rappelez moi jeudi soir vers 20h svp', [[`${D3}T19:30`, '21:30']]],
  ['ce soir à 8h', [[`${D1}T20:00`, '21:00']]],
  ['demain soir après 19h', [[`${D2}T19:00`, '22:00']]],
  ['cette nuit vers 2h30', [[`${D2}T02:00`, '04:00']]],
  ['demain matin vers 10h', [[`${D2}T09:30`, '11:30']]],
  ['Pas dispo avant jeudi. Jeudi 14h ok', [[`${D3}T14:00`, '15:00']]],
  ['rappel svp', []],
  ['Bonjour, je suis épuisé, merci de me rappeler.', []],
  ['merci de me rappeler au 06.12.34.56.78', [], { phone: '+33612345678' }],
  ['tel 0612345678 demain 18h', [[`${D2}T18:00`, '19:00']], { phone: '+33612345678' }],
  ['+33 6 12 34 56 78 demain soir', [[`${D2}T18:00`, '22:00']], { phone: '+33612345678' }],
  [
    'mon mail: jean.dupont@example.fr, dispo demain aprem',
    [[`${D2}T14:00`, '18:00']],
    { email: 'jean.dupont@example.fr' },
  ],
  [
    'Demain 10h ou 16h',
    [
      [`${D2}T10:00`, '11:00'],
      [`${D2}T16:00`, '17:00'],
    ],
  ],
  [
    'demain: 10h-11h, 14h-15h, 17h-18h',
    [
      [`${D2}T10:00`, '11:00'],
      [`${D2}T14:00`, '15:00'],
      [`${D2}T17:00`, '18:00'],
    ],
  ],
  ['demain 10h-11h et 11h-12h', [[`${D2}T10:00`, '12:00']]],
  ['demain 10h-12h ou vers 11h', [[`${D2}T10:00`, '12:30']]],
  [
    'Lundi ou mardi entre 14 et 16h',
    [
      [`${D1}T14:00`, '16:00'],
      [`${D7}T14:00`, '16:00'],
    ],
  ],
  [
    'jeudi ou vendredi matin',
    [
      [`${D3}T08:00`, '12:00'],
      [`${D4}T08:00`, '12:00'],
    ],
  ],
  ['À 15h', [[`${D1}T15:00`, '16:00']]],
  ['vers 9h', [[`${D1}T10:00`, '10:30']]],
  ['à 9h', [[`${D2}T09:00`, '10:00']]],
  ['le soir', [[`${D1}T18:00`, '22:00']]],
  ['matin', [[`${D1}T10:00`, '12:00']]],
  ['avant 8h', [[`${D2}T06:00`, '08:00']]],
  ['JEUDI APRES 18H', [[`${D3}T18:00`, '22:00']]],
  ['jeudi apres 18 h', [[`${D3}T18:00`, '22:00']]],
  ['jeudi après 18h!!!', [[`${D3}T18:00`, '22:00']]],
  ['jeudi, après 18h.', [[`${D3}T18:00`, '22:00']]],
  ['Jeudi (après 18h)', [[`${D3}T18:00`, '22:00']]],
  ['après 18h jeudi', [[`${D3}T18:00`, '22:00']]],
  ['14h demain', [[`${D2}T14:00`, '15:00']]],
  [
    'à 14h demain ou jeudi',
    [
      [`${D2}T14:00`, '15:00'],
      [`${D3}T14:00`, '15:00'],
    ],
  ],
  ['mecredi 14h', [[`${D2}T14:00`, '15:00']]],
  ['mercedi 14h', [[`${D2}T14:00`, '15:00']]],
  ['vendredie 9h', [[`${D4}T09:00`, '10:00']]],
  ['jeudii 10h', [[`${D3}T10:00`, '11:00']]],
  ['samdi matin', [['2026-12-05T08:00', '12:00']]],
  [
    'lundi 14h et mardi 16h',
    [
      [`${D1}T16:00`, '17:00'],
      [`${D7}T14:00`, '15:00'],
    ],
  ],
  ['sam 12 à 10h', [['2026-12-12T10:00', '11:00']]],
  ['jeu 14h', [[`${D3}T14:00`, '15:00']]],
  ['demain de 9h30 à 11h', [[`${D2}T09:30`, '11:00']]],
  ['demain 9h30-11h', [[`${D2}T09:30`, '11:00']]],
  ['demain entre 9 h et 11 h 30', [[`${D2}T09:00`, '11:30']]],
  ['demain 14h et demie', [[`${D2}T14:30`, '15:30']]],
  ['demain 10h15', [[`${D2}T10:15`, '11:15']]],
  ['demain à 3h', [[`${D2}T03:00`, '04:00']], { ambiguities: ['early-hour'] }],
  ['25h demain', [[`${D2}T08:00`, '22:00']], { ignored: 1 }],
  [
    'entre 18 et 20h tous les jours sauf mercredi',
    ['01', '03', '04', '05', '06', '07'].map((d) => [`2026-12-${d}T18:00`, '20:00'] as const),
  ],
  [
    'demain 18h, sinon jeudi 18h',
    [
      [`${D2}T18:00`, '19:00'],
      [`${D3}T18:00`, '19:00'],
    ],
  ],
  ['appelez moi à 18h30 ce soir', [[`${D1}T18:30`, '19:30']]],
  ['vers 8h ce soir', [[`${D1}T19:30`, '21:30']]],
  ['à 2h cette nuit', [[`${D2}T02:00`, '03:00']]],
  [
    'Rappelez-moi Jeudi Ou Vendredi Vers 17H30, Merci !',
    [
      [`${D3}T17:00`, '19:00'],
      [`${D4}T17:00`, '19:00'],
    ],
  ],
]);

// Tuesday 1 December 2026, 19:00: the evening is under way.
at(`${D1}T19:00`, [
  ['ce soir', [[`${D1}T19:00`, '22:00']]],
  ['mardi soir', [[`${D1}T19:00`, '22:00']]],
  ['mardi matin', [['2026-12-08T08:00', '12:00']]],
  ['à 18h', [[`${D2}T18:00`, '19:00']]],
  ['ce matin', [], { dropped: 1 }],
  ['après 20h', [[`${D1}T20:00`, '22:00']]],
  ['avant 20h', [[`${D1}T19:00`, '20:00']]],
  ['ajd 17h', [], { dropped: 1 }],
]);

// Monday 7 December 2026, 19:00: "lundi 14h-16h" is next Monday (the contract's example).
at(`${D7}T19:00`, [
  ['lundi 14h-16h', [['2026-12-14T14:00', '16:00']]],
  ['lundi soir', [[`${D7}T19:00`, '22:00']]],
]);

// Thursday 31 December 2026, 15:00: the year's end.
at('2026-12-31T15:00', [
  ['demain matin', [['2027-01-01T08:00', '12:00']]],
  ['le 2 janvier à 10h', [['2027-01-02T10:00', '11:00']]],
  ['le 2 à 10h', [['2027-01-02T10:00', '11:00']]],
  ['samedi 2 vers 11h', [['2027-01-02T10:30', '12:30']]],
  ['lundi', [['2027-01-04T08:00', '22:00']]],
  ['02/01/2027 14h', [['2027-01-02T14:00', '15:00']]],
  ['2/1 14h', [['2027-01-02T14:00', '15:00']]],
  [
    'ce soir ou demain soir',
    [
      ['2026-12-31T18:00', '22:00'],
      ['2027-01-01T18:00', '22:00'],
    ],
  ],
  ['de 23h à 1h', [['2026-12-31T23:00', '2027-01-01T01:00']]],
  [
    'tous les soirs',
    [
      ['2026-12-31T18:00', '22:00'],
      ...['01', '02', '03', '04', '05', '06'].map((d) => [`2027-01-${d}T18:00`, '22:00'] as const),
    ],
  ],
  ['le 31 à 16h', [['2026-12-31T16:00', '17:00']]],
  ['le 31 à 9h', [], { dropped: 1 }],
]);

// Monday 30 November 2026, 09:00: the month's end.
at('2026-11-30T09:00', [
  ['demain 10h', [[`${D1}T10:00`, '11:00']]],
  ['mercredi 2 décembre 14h', [[`${D2}T14:00`, '15:00']]],
  ['le 1er à 9h', [[`${D1}T09:00`, '10:00']]],
  ['le 30 à 14h', [['2026-11-30T14:00', '15:00']]],
  ['le 31 à 9h', [['2026-12-31T09:00', '10:00']]],
  ['jeudi', [[`${D3}T08:00`, '22:00']]],
  ['lundi 9h', [['2026-11-30T09:00', '10:00']]],
  ['lundi 8h', [[`${D7}T08:00`, '09:00']]],
]);

// Saturday 27 March 2027, 12:00: that night Paris springs forward (02:00 -> 03:00).
at('2027-03-27T12:00', [
  ['cette nuit', [['2027-03-27T22:00', '2027-03-28T06:00']]],
  ['demain entre 1h et 4h', [['2027-03-28T01:00', '04:00']], { ambiguities: ['early-hour'] }],
  ['cette nuit vers 2h30', [['2027-03-28T03:00', '04:00']]],
  ['demain de 2h à 2h30', [], { dropped: 1, ambiguities: ['early-hour'] }],
  ['demain 10h', [['2027-03-28T10:00', '11:00']]],
  ['de 22h à 3h', [['2027-03-27T22:00', '2027-03-28T03:00']]],
  ['dimanche matin', [['2027-03-28T08:00', '12:00']]],
]);

// Saturday 24 October 2026, 12:00: that night Paris falls back (03:00 -> 02:00).
at('2026-10-24T12:00', [
  ['cette nuit', [['2026-10-24T22:00', '2026-10-25T06:00']]],
  ['demain entre 1h et 4h', [['2026-10-25T01:00', '04:00']], { ambiguities: ['early-hour'] }],
  ['cette nuit vers 2h30', [['2026-10-25T02:00', '04:00']]],
  ['dimanche 2h30', [['2026-10-25T02:30', '03:30']], { ambiguities: ['early-hour'] }],
  ['demain soir', [['2026-10-25T18:00', '22:00']]],
]);

// Saturday 30 October 2027, 20:00: the next fall-back night.
at('2027-10-30T20:00', [
  ['cette nuit', [['2027-10-30T22:00', '2027-10-31T06:00']]],
  ['demain matin', [['2027-10-31T08:00', '12:00']]],
  ['ce soir', [['2027-10-30T20:00', '22:00']]],
  ['n importe quand', [['2027-10-30T20:00', '2027-10-31T19:00']]],
]);

// Wednesday 2 December 2026, 01:30: after midnight, "demain" is the day starting.
at(`${D2}T01:30`, [
  ['demain 14h', [[`${D2}T14:00`, '15:00']], { ambiguities: ['after-midnight'] }],
  ['demain matin', [[`${D2}T08:00`, '12:00']], { ambiguities: ['after-midnight'] }],
  ['jeudi 14h', [[`${D3}T14:00`, '15:00']]],
  ["aujourd'hui 14h", [[`${D2}T14:00`, '15:00']]],
  ['tomorrow at 2pm', [[`${D2}T14:00`, '15:00']], { ambiguities: ['after-midnight'] }],
  ['cette nuit', [[`${D2}T22:00`, `${D3}T06:00`]], { ambiguities: ['ongoing-night'] }],
]);

// Saturday 5 December 2026, 09:00: the weekend.
at('2026-12-05T09:00', [
  [
    'ce week-end',
    [
      ['2026-12-05T09:00', '22:00'],
      ['2026-12-06T08:00', '22:00'],
    ],
  ],
  ['lundi prochain à 10h', [[`${D7}T10:00`, '11:00']]],
  ['samedi prochain', [['2026-12-12T08:00', '22:00']]],
  ['samedi', [['2026-12-05T09:00', '22:00']]],
  [
    'en semaine le matin',
    ['07', '08', '09', '10', '11'].map((d) => [`2026-12-${d}T08:00`, '12:00'] as const),
  ],
  [
    'tous les jours sauf dimanche à 18h',
    ['05', '07', '08', '09', '10', '11'].map((d) => [`2026-12-${d}T18:00`, '19:00'] as const),
  ],
  [
    'this weekend',
    [
      ['2026-12-05T09:00', '22:00'],
      ['2026-12-06T08:00', '22:00'],
    ],
  ],
]);

// Sunday 6 December 2026, 21:00.
at('2026-12-06T21:00', [
  ['ce soir', [['2026-12-06T21:00', '22:00']]],
  ['lundi soir', [[`${D7}T18:00`, '22:00']]],
  ['demain midi', [[`${D7}T12:00`, '14:00']]],
  ['dimanche soir', [['2026-12-06T21:00', '22:00']]],
  ['dimanche matin', [['2026-12-13T08:00', '12:00']]],
]);

/** Every case, in the order written. */
export const CORPUS: readonly CorpusCase[] = cases;
