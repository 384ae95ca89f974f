/**
 * The words the intake grammar knows, French first and English too, as hand-written tables: each spelling a caller
 * may use (missing accents, SMS forms, common typos) maps to one meaning. Multi-word phrases ("à partir de",
 * "entre midi et deux") are matched longest first; a hyphen inside a phrase is skipped ("après-midi").
 *
 * @internal
 * @module
 */
import type { PeriodName } from './policy.js';
import type { TextSpan, Token } from './tokens.js';

/** What a word (or phrase) means to the grammar. */
export type Meaning =
  | { readonly k: 'day'; readonly rel: 0 | 1 | 2 }
  | { readonly k: 'wd'; readonly wd: number; readonly abbr: boolean }
  | { readonly k: 'month'; readonly month: number }
  | { readonly k: 'period'; readonly p: PeriodName; readonly today: boolean }
  | { readonly k: 'every'; readonly p?: PeriodName; readonly days?: readonly number[] }
  | { readonly k: 'weekdays' }
  | { readonly k: 'weekend' }
  | {
      readonly k:
        | 'next'
        | 'midi'
        | 'minuit'
        | 'h'
        | 'am'
        | 'pm'
        | 'du'
        | 'between'
        | 'and'
        | 'from'
        | 'to'
        | 'after'
        | 'before'
        | 'around'
        | 'at'
        | 'half'
        | 'quarter'
        | 'lessQuarter'
        | 'any'
        | 'except'
        | 'the'
        | 'ord'
        | 'join'
        | 'of';
    };

/** A token after the lexicon: a meaning, a number, a punctuation mark or an unknown word. */
export type Unit = TextSpan &
  (
    | { readonly k: 'num'; readonly v: number; readonly digits: number; readonly glued: boolean }
    | { readonly k: 'p'; readonly c: string }
    | { readonly k: 'other' }
    | Meaning
  ) & { readonly lang?: 'fr' | 'en' };

/** A word's language (`''`: both). */
export type Lang = 'fr' | 'en' | '';

/** `[lang, meaning, spellings...]`; a spelling with spaces is a phrase (its words as folded tokens). */
export const TABLE: readonly (readonly [Lang, Meaning, ...string[]])[] = /* @__PURE__ */ (() => [
  [
    'fr',
    { k: 'day', rel: 0 },
    'aujourd hui',
    'aujourdhui',
    'aujourd',
    'aujourd hu',
    'auj',
    'ajd',
    'ojd',
    'aujour d hui',
    'ajourd hui',
    'aujourdui',
  ],
  ['en', { k: 'day', rel: 0 }, 'today', 'tday', 'tdy', '2day'],
  [
    'fr',
    { k: 'day', rel: 1 },
    'demain',
    'demian',
    'deamin',
    'dmain',
    'demin',
    'demaim',
    'deman',
    'dman',
    'dem1',
    '2main',
    '2m1',
    'dm1',
  ],
  [
    'en',
    { k: 'day', rel: 1 },
    'tomorrow',
    'tomorow',
    'tommorow',
    'tommorrow',
    'tmrw',
    'tmr',
    'tmrrw',
    '2moro',
    '2morrow',
    '2morow',
  ],
  [
    'fr',
    { k: 'day', rel: 2 },
    'apres demain',
    'apres demian',
    'apres dmain',
    'apres 2main',
    'apres 2m1',
    'ap demain',
  ],
  ['en', { k: 'day', rel: 2 }, 'day after tomorrow', 'the day after tomorrow'],
  ...weekdays(),
  ...months(),
  ['fr', { k: 'next' }, 'prochain', 'prochaine', 'prochin', 'prochian', 'pro', 'proch', 'qui vient'],
  ['en', { k: 'next' }, 'next'],
  [
    'fr',
    { k: 'period', p: 'morning', today: false },
    'matin',
    'matinee',
    'matins',
    'le matin',
    'la matinee',
    'dans la matinee',
    'en matinee',
    'mat1',
    'matn',
  ],
  ['en', { k: 'period', p: 'morning', today: false }, 'morning', 'mornin', 'mornings', 'in the morning'],
  ['fr', { k: 'period', p: 'morning', today: true }, 'ce matin', 'cette matinee', 'ce mat1'],
  ['en', { k: 'period', p: 'morning', today: true }, 'this morning'],
  [
    'fr',
    { k: 'period', p: 'lateMorning', today: false },
    'fin de matinee',
    'fin matinee',
    'en fin de matinee',
    'fin de matin',
    'fin de la matinee',
  ],
  ['en', { k: 'period', p: 'lateMorning', today: false }, 'late morning', 'late in the morning'],
  [
    'fr',
    { k: 'period', p: 'lunch', today: false },
    'entre midi et deux',
    'entre midi et 2',
    'entre 12 et 2',
    'entre 12h et 2h',
    'midi deux',
    'a midi et deux',
    'pause dejeuner',
    'heure du dejeuner',
    'au dejeuner',
    'le midi',
  ],
  [
    'en',
    { k: 'period', p: 'lunch', today: false },
    'lunchtime',
    'lunch time',
    'lunch',
    'at lunch',
    'at lunchtime',
  ],
  ['fr', { k: 'period', p: 'lunch', today: true }, 'ce midi'],
  [
    'fr',
    { k: 'period', p: 'afternoon', today: false },
    'apres midi',
    'aprem',
    'aprems',
    'apres midis',
    'apresmidi',
    'l apres midi',
    'ap midi',
    'apm',
    'apr midi',
    'aprs midi',
    'dans l apres midi',
    'en apres midi',
    'aprmidi',
    'aprèm',
  ],
  [
    'en',
    { k: 'period', p: 'afternoon', today: false },
    'afternoon',
    'afternoons',
    'in the afternoon',
    'aftn',
    'arvo',
  ],
  [
    'fr',
    { k: 'period', p: 'afternoon', today: true },
    'cet apres midi',
    'cette apres midi',
    'cet aprem',
    'ce aprem',
    'cet apresmidi',
    'cet apm',
    'cette aprem',
  ],
  ['en', { k: 'period', p: 'afternoon', today: true }, 'this afternoon'],
  [
    'fr',
    { k: 'period', p: 'earlyAfternoon', today: false },
    'debut d apres midi',
    'debut apres midi',
    'debut d aprem',
    'debut aprem',
    'en debut d apres midi',
    'en debut d aprem',
    'debut de l apres midi',
    'debut de l aprem',
  ],
  ['en', { k: 'period', p: 'earlyAfternoon', today: false }, 'early afternoon', 'early in the afternoon'],
  [
    'fr',
    { k: 'period', p: 'lateAfternoon', today: false },
    'fin d apres midi',
    'fin apres midi',
    'fin d aprem',
    'fin aprem',
    'en fin d apres midi',
    'en fin d aprem',
    'fin de l apres midi',
    'fin de l aprem',
    'fin de journee',
    'en fin de journee',
  ],
  ['en', { k: 'period', p: 'lateAfternoon', today: false }, 'late afternoon', 'late in the afternoon'],
  [
    'fr',
    { k: 'period', p: 'evening', today: false },
    'soir',
    'soiree',
    'soire',
    'soirs',
    'le soir',
    'en soiree',
    'dans la soiree',
    'la soiree',
    'swar',
    'soar',
  ],
  ['en', { k: 'period', p: 'evening', today: false }, 'evening', 'evenings', 'in the evening'],
  ['fr', { k: 'period', p: 'evening', today: true }, 'ce soir', 'cette soiree', 'ce swar', 'ce soire'],
  ['en', { k: 'period', p: 'evening', today: true }, 'tonight', 'tonite', '2nite', '2night', 'this evening'],
  [
    'fr',
    { k: 'period', p: 'night', today: false },
    'nuit',
    'nuits',
    'la nuit',
    'dans la nuit',
    'en pleine nuit',
    'nui',
  ],
  ['en', { k: 'period', p: 'night', today: false }, 'night', 'nights', 'at night', 'overnight'],
  ['fr', { k: 'period', p: 'night', today: true }, 'cette nuit', 'cet nuit'],
  [
    'fr',
    { k: 'period', p: 'daytime', today: false },
    'en journee',
    'dans la journee',
    'pendant la journee',
    'en jounee',
    'en journe',
    'en jour nee',
  ],
  ['en', { k: 'period', p: 'daytime', today: false }, 'during the day', 'in the daytime', 'daytime'],
  [
    'fr',
    { k: 'period', p: 'wholeDay', today: false },
    'toute la journee',
    'tte la journee',
    'toute la journe',
    'tte la journe',
    'la journee',
    'toute la jounee',
  ],
  ['en', { k: 'period', p: 'wholeDay', today: false }, 'all day', 'all day long', 'the whole day'],
  [
    'fr',
    { k: 'every' },
    'tous les jours',
    'tout les jours',
    'ts les jours',
    'tlj',
    'chaque jour',
    'quotidiennement',
    'toute la semaine',
  ],
  ['en', { k: 'every' }, 'every day', 'everyday', 'daily', 'each day', 'any day'],
  [
    'fr',
    { k: 'every', p: 'evening' },
    'tous les soirs',
    'tout les soirs',
    'ts les soirs',
    'chaque soir',
    'tous les soir',
  ],
  ['en', { k: 'every', p: 'evening' }, 'every evening', 'each evening', 'every night'],
  [
    'fr',
    { k: 'every', p: 'morning' },
    'tous les matins',
    'tout les matins',
    'ts les matins',
    'chaque matin',
    'tous les matin',
  ],
  ['en', { k: 'every', p: 'morning' }, 'every morning', 'each morning'],
  [
    'fr',
    { k: 'every', p: 'afternoon' },
    'tous les apres midi',
    'tous les apres midis',
    'chaque apres midi',
    'tous les aprems',
    'ts les aprems',
  ],
  ['en', { k: 'every', p: 'afternoon' }, 'every afternoon', 'each afternoon'],
  ['fr', { k: 'every', p: 'lunch' }, 'tous les midis', 'chaque midi', 'ts les midis'],
  ['fr', { k: 'every', p: 'night' }, 'toutes les nuits', 'chaque nuit'],
  [
    'fr',
    { k: 'weekdays' },
    'en semaine',
    'pendant la semaine',
    'les jours de semaine',
    'jours de semaine',
    'les jours ouvres',
    'jours ouvres',
    'du lundi au vendredi',
    'lundi au vendredi',
    'lun au ven',
    'du lun au ven',
    'de lundi a vendredi',
    'entre lundi et vendredi',
  ],
  [
    'en',
    { k: 'weekdays' },
    'weekdays',
    'on weekdays',
    'during the week',
    'monday to friday',
    'from monday to friday',
    'mon to fri',
    'mon fri',
    'monday through friday',
  ],
  [
    'fr',
    { k: 'weekend' },
    'week end',
    'weekend',
    'week ends',
    'weekends',
    'ce we',
    'le we',
    'les we',
    'wkend',
    'ouikend',
    'wikend',
    'week ed',
    'weed end',
  ],
  [
    'en',
    { k: 'weekend' },
    'this weekend',
    'this week end',
    'on weekends',
    'at the weekend',
    'on the weekend',
    'at weekends',
  ],
  ['fr', { k: 'next' }, 'suivant'],
  ['fr', { k: 'midi' }, 'midi', 'mdi', 'midj'],
  ['en', { k: 'midi' }, 'noon', 'midday'],
  ['fr', { k: 'minuit' }, 'minuit', 'minui'],
  ['en', { k: 'minuit' }, 'midnight'],
  [
    '',
    { k: 'h' },
    'h',
    'heure',
    'heures',
    'hr',
    'hrs',
    'hre',
    'hres',
    'heur',
    'heurs',
    'hour',
    'hours',
    'hh',
  ],
  ['', { k: 'am' }, 'am'],
  ['', { k: 'pm' }, 'pm'],
  ['fr', { k: 'du' }, 'du', 'de la', 'de l', 'd'],
  ['fr', { k: 'between' }, 'entre', 'entr', 'etre', 'enter'],
  ['en', { k: 'between' }, 'between', 'btw', 'btwn'],
  ['fr', { k: 'and' }, 'et'],
  ['en', { k: 'and' }, 'and', '&'],
  ['fr', { k: 'from' }, 'de', 'depuis'],
  ['en', { k: 'from' }, 'from'],
  [
    'fr',
    { k: 'to' },
    'au',
    'jusqu a',
    'jusqua',
    'jusqu au',
    'jusque',
    'jusqu',
    'jsq',
    'jusqu a',
    'jusk a',
    'jusqu\u2019a',
  ],
  ['en', { k: 'to' }, 'to', 'till', 'til', 'until', 'untill', 'through', 'thru'],
  [
    'fr',
    { k: 'after' },
    'apres',
    'a partir de',
    'a partir d',
    'apartir de',
    'a partir',
    'des',
    'a compter de',
    'plus tard que',
    'passe',
    'pas avant',
    'aprs',
    'apres les',
  ],
  ['en', { k: 'after' }, 'after', 'from about', 'not before', 'later than', 'any time after'],
  ['fr', { k: 'before' }, 'avant', 'avt', 'av', 'au plus tard a', 'pas apres', 'au plus tard', 'avant les'],
  ['en', { k: 'before' }, 'before', 'b4', 'no later than', 'by'],
  [
    'fr',
    { k: 'around' },
    'vers',
    'vers les',
    'aux alentours de',
    'aux alentours d',
    'autour de',
    'autour d',
    'environ',
    'dans les',
    'aux environs de',
    'ver',
    'aux alentour de',
    'a peu pres a',
    'a peu pres',
  ],
  [
    'en',
    { k: 'around' },
    'around',
    'about',
    'at about',
    'at around',
    'approximately',
    'approx',
    'roughly',
    'round about',
  ],
  ['fr', { k: 'at' }, 'a', 'pour'],
  ['en', { k: 'at' }, 'at'],
  ['fr', { k: 'half' }, 'et demi', 'et demie', 'et demis', 'demi', 'demie'],
  ['en', { k: 'half' }, 'thirty', 'half past'],
  ['fr', { k: 'quarter' }, 'et quart', 'et le quart'],
  ['fr', { k: 'lessQuarter' }, 'moins le quart', 'moins quart', 'moins l quart'],
  [
    'fr',
    { k: 'any' },
    'n importe quand',
    'nimporte quand',
    'n imp quand',
    'quand vous voulez',
    'quand vous pouvez',
    'quand vs voulez',
    'quand vs pouvez',
    'qd vous voulez',
    'qd vs voulez',
    'qd vous pouvez',
    'qd vs pouvez',
    'quand tu veux',
    'quand tu peux',
    'quand vous le souhaitez',
    'quand vous le voulez',
    'a tout moment',
    'a n importe quel moment',
    'n importe quel moment',
    'des que possible',
    'des que vous pouvez',
    'des que vous le pouvez',
    'dqp',
    'au plus vite',
    'au plus tot',
    'le plus tot possible',
    'le plus vite possible',
    'au + vite',
    'au plus vit',
  ],
  [
    'en',
    { k: 'any' },
    'any time',
    'anytime',
    'whenever',
    'as soon as possible',
    'at any time',
    'asap',
    'as soon as you can',
    'soonest',
  ],
  ['fr', { k: 'except' }, 'sauf', 'excepte', 'hors', 'mais pas', 'sof', 'sauf le', 'sauf les', 'pas le'],
  ['en', { k: 'except' }, 'except', 'but not', 'except on', 'not on', 'excluding'],
  ['fr', { k: 'the' }, 'le', 'la', 'l', 'les', 'ce', 'cet', 'cette', 'ces'],
  ['en', { k: 'the' }, 'the', 'on', 'this'],
  ['', { k: 'ord' }, 'er', 'eme', 'e', 'th', 'st', 'nd', 'rd', 'ieme', 're', 'ere'],
  [
    'fr',
    { k: 'join' },
    'ou',
    'sinon',
    'ou bien',
    'voire',
    'ou alors',
    'ou sinon',
    'ou encore',
    'aussi',
    'egalement',
  ],
  ['en', { k: 'join' }, 'or', 'otherwise', 'or else', 'also'],
])();

function weekdays(): (readonly [Lang, Meaning, ...string[]])[] {
  const fr = [
    ['lundi', 'lundis', 'lndi', 'lund'],
    ['mardi', 'mardis', 'mrdi'],
    ['mercredi', 'mercredis', 'mecredi', 'mercerdi', 'mercrdi', 'mercedi', 'merc', 'mercr'],
    ['jeudi', 'jeudis', 'jedi', 'jeuid', 'jeud'],
    ['vendredi', 'vendredis', 'vendedi', 'vendrdi', 'vendredie', 'vendr', 'vend', 'vdd'],
    ['samedi', 'samedis', 'samdi', 'smedi'],
    ['dimanche', 'dimanches', 'dimanch', 'dimance', 'diamnche'],
  ];
  const frAbbr = ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'];
  const en = [
    ['monday', 'mondays'],
    ['tuesday', 'tuesdays', 'tues'],
    ['wednesday', 'wednesdays', 'wenesday', 'wensday', 'wednsday', 'weds'],
    ['thursday', 'thursdays', 'thurs', 'thur', 'thurday'],
    ['friday', 'fridays'],
    ['saturday', 'saturdays'],
    ['sunday', 'sundays'],
  ];
  const enAbbr = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const out: (readonly [Lang, Meaning, ...string[]])[] = [];
  for (let wd = 0; wd < 7; wd++) {
    out.push(['fr', { k: 'wd', wd, abbr: false }, ...(fr[wd] as string[])]);
    out.push(['en', { k: 'wd', wd, abbr: false }, ...(en[wd] as string[])]);
    for (const abbr of [frAbbr[wd], enAbbr[wd]]) {
      if (abbr) out.push([abbr === enAbbr[wd] ? 'en' : 'fr', { k: 'wd', wd, abbr: true }, abbr]);
    }
  }
  return out;
}

function months(): (readonly [Lang, Meaning, ...string[]])[] {
  const fr = [
    ['janvier', 'janv', 'janvie'],
    ['fevrier', 'fevr', 'fev', 'fevier'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil', 'juilet'],
    ['aout', 'aou'],
    ['septembre', 'sept', 'setembre', 'septmbre'],
    ['octobre', 'octbre'],
    ['novembre', 'novembr', 'novmbre'],
    ['decembre', 'decembr', 'decmbre', 'dcembre'],
  ];
  const en = [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ];
  const out: (readonly [Lang, Meaning, ...string[]])[] = [];
  for (let m = 0; m < 12; m++) {
    out.push(['fr', { k: 'month', month: m + 1 }, ...(fr[m] as string[])]);
    out.push(['en', { k: 'month', month: m + 1 }, ...(en[m] as string[])]);
  }
  return out;
}

interface Entry {
  readonly words: readonly string[];
  /** `glue[w]`: word `w` was written glued to word `w - 1` in the spelling ("2m1"), so the tokens must touch. */
  readonly glue: readonly boolean[];
  readonly meaning: Meaning;
  readonly lang: Lang;
}

/** Phrases by their first word, longest first. Built once: an immutable table, the same for every call. */
const PHRASES: ReadonlyMap<string, readonly Entry[]> = /* @__PURE__ */ (() => {
  const byFirst = new Map<string, Entry[]>();
  for (const [lang, meaning, ...spellings] of TABLE) {
    for (const spelling of spellings) {
      const { words, glue } = splitSpelling(spelling);
      const first = words[0] as string;
      const list = byFirst.get(first) ?? [];
      list.push({ words, glue, meaning, lang });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
})();

/** Splits a spelling the way the tokenizer would: "2m1" is `2`, `m`, `1` (glued), "au + vite" three words. */
function splitSpelling(spelling: string): { words: string[]; glue: boolean[] } {
  const words: string[] = [];
  const glue: boolean[] = [];
  for (const word of spelling.split(' ')) {
    const parts = word.match(/[a-z]+|\d+|[^a-z\d]/g) ?? [];
    parts.forEach((part, i) => {
      words.push(part);
      glue.push(i > 0);
    });
  }
  return { words, glue };
}

/** Words that day names must not be corrected to (real words one typo away from one). */
const NOT_A_TYPO = /* @__PURE__ */ new Set([
  'domain',
  'detain',
  'sundae',
  'frida',
  'jedis',
  'mardy',
  'lundy',
  'samed',
]);
/** Day words a single typo away from which a word is read as that day. */
const FUZZY: readonly (readonly [string, Meaning, Lang])[] = /* @__PURE__ */ (() => {
  const out: [string, Meaning, Lang][] = [
    ['demain', { k: 'day', rel: 1 }, 'fr'],
    ['tomorrow', { k: 'day', rel: 1 }, 'en'],
  ];
  const fr = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
  const en = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  for (let wd = 0; wd < 7; wd++) {
    out.push([fr[wd] as string, { k: 'wd', wd, abbr: false }, 'fr']);
    out.push([en[wd] as string, { k: 'wd', wd, abbr: false }, 'en']);
  }
  return out;
})();

/** `true` when `a` and `b` are at most one edit apart (insert, delete, substitute, or swap two neighbours). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length) {
    return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function fuzzyDay(word: string): { meaning: Meaning; lang: Lang } | undefined {
  if (word.length < 5 || NOT_A_TYPO.has(word)) return undefined;
  for (const [target, meaning, lang] of FUZZY) {
    if (target[0] === word[0] && oneEditApart(word, target)) return { meaning, lang };
  }
  return undefined;
}

/**
 * The units of a token list: each phrase or word of the tables becomes its meaning, numbers and punctuation stay,
 * other words become `other` (a word five letters or longer one typo from a day name is read as that day).
 */
export function toUnits(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    const match = matchPhrase(tokens, i);
    if (match !== undefined) {
      const last = tokens[match.next - 1] as Token;
      const lang = match.entry.lang === '' ? {} : { lang: match.entry.lang };
      units.push({ ...match.entry.meaning, start: token.start, end: last.end, ...lang } as Unit);
      i = match.next;
      continue;
    }
    if (token.kind === 'n') {
      units.push({
        k: 'num',
        v: token.value,
        digits: token.text.length,
        glued: token.glued,
        start: token.start,
        end: token.end,
      });
    } else if (token.kind === 'p') {
      units.push({ k: 'p', c: token.text, start: token.start, end: token.end });
    } else {
      const fuzzy = fuzzyDay(token.text);
      if (fuzzy === undefined) units.push({ k: 'other', start: token.start, end: token.end });
      else units.push({ ...fuzzy.meaning, start: token.start, end: token.end, lang: fuzzy.lang } as Unit);
    }
    i++;
  }
  return units;
}

function matchPhrase(tokens: readonly Token[], i: number): { entry: Entry; next: number } | undefined {
  const candidates = PHRASES.get((tokens[i] as Token).text);
  if (candidates === undefined) return undefined;
  for (const entry of candidates) {
    let j = i;
    let ok = true;
    for (let w = 0; w < entry.words.length; w++) {
      // A hyphen between two words of a phrase is skipped ("apres-midi", "week-end").
      if (w > 0 && tokens[j]?.text === '-' && entry.words[w] !== '-') j++;
      const token = tokens[j];
      if (token === undefined || token.text !== entry.words[w]) {
        ok = false;
        break;
      }
      // SMS glue ("2m1", "dem1") must really be glued.
      if (entry.glue[w] === true && !token.glued) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) return { entry, next: j };
  }
  return undefined;
}
