/**
 * `astreinte demo`: the whole story on the embedded example, at a fixed instant, and the files it produces written
 * into one folder it names at the end.
 *
 * @module
 */
import {
  buildZoneTable,
  DAY,
  parseLocalDate,
  parseRequests,
  parseTeam,
  startOfLocalDate,
} from '../../index.js';
import { instantIn } from '../../node/index.js';
import type { CommandIo, Subcommand } from '../command.js';
import { LANG_OPTION, langArg, stringOption, writeOutputs } from '../common.js';
import {
  DEMO_FROM,
  DEMO_MONTH,
  DEMO_NOW,
  EXAMPLE_REQUESTS,
  EXAMPLE_SMS,
  EXAMPLE_TEAM,
} from '../demo/example.js';
import { type Chapter, STORY_STEPS, tellStory } from '../demo/story.js';
import { WORDS } from '../demo/words.js';

/** The default output folder's name; `-2`, `-3`... when it is taken. */
const DEFAULT_FOLDER = 'astreinte-demo';

/** `astreinte demo [--out <dir>] [--lang en|fr]`. */
export const demoCommand: Subcommand = {
  name: 'demo',
  summary: 'the whole story on the embedded example, and the files it produces',
  usage: 'astreinte demo [--out <dir>] [--lang en|fr]',
  details:
    'Tells the story of the fictional example line at a fixed instant (Monday 4 January 2027, 09:00 in Paris):\n' +
    'coverage and gaps, the week\u2019s rota and its fairness, callers\u2019 SMS read into callback windows, the\n' +
    'callback plan with the requests not placed and\n' +
    'why, the SLA statuses and the next breaches. Writes what it computed, with the HTML coverage report and\n' +
    'the December monthly review, into one folder, named at the end. Same output on every machine.',
  example: 'astreinte demo --out astreinte-demo --lang fr',
  options: {
    out: {
      type: 'string',
      valueName: '<dir>',
      description: `the folder to write into (default: a fresh ./${DEFAULT_FOLDER}, -2, -3...)`,
    },
    ...LANG_OPTION,
  },
  positionals: [],
  run(args, io) {
    const lang = langArg(args);
    const words = WORDS[lang];
    const team = parseTeam(EXAMPLE_TEAM);
    const requests = parseRequests(EXAMPLE_REQUESTS, team);
    const now = instantIn(team)(DEMO_NOW) as number;
    const day = parseLocalDate(DEMO_FROM) as number;
    const horizon = {
      from: startOfLocalDate(team.timeZone, day),
      to: startOfLocalDate(team.timeZone, day + 28),
    };
    const week = { from: horizon.from, to: startOfLocalDate(team.timeZone, day + 7) };
    const monthStart = parseLocalDate(`${DEMO_MONTH}-01`) as number;
    const month = {
      name: DEMO_MONTH,
      from: startOfLocalDate(team.timeZone, monthStart),
      to: startOfLocalDate(team.timeZone, monthStart + daysInMonth(DEMO_MONTH)),
    };
    const zone = buildZoneTable(team.timeZone, horizon.from - 60 * DAY, horizon.to + DAY);
    const progress = progressLine(io);
    const sms = EXAMPLE_SMS.map((m) => ({ ...m, receivedAt: instantIn(team)(m.receivedAt) as number }));
    const story = tellStory({ team, requests, sms, now, horizon, week, month, zone, lang }, progress);
    progress(undefined);
    const folder = stringOption(args, 'out') ?? freshFolder(io);
    const paths = new Map([...story.files].map(([name, text]) => [`${folder}/${name}`, text]));
    writeOutputs(io, '--out', paths);
    io.stdout(`${words.intro}\n`);
    for (const chapter of story.chapters) io.stdout(chapterText(chapter, io.colour));
    io.stdout(`\n${words.wrote(paths.size, folder)}:\n`);
    for (const path of paths.keys()) io.stdout(`  ${path}\n`);
    return 0;
  },
};

/** A chapter: its title underlined (bold on a colour terminal), then its lines. */
function chapterText(chapter: Chapter, colour: boolean): string {
  const title = colour ? `\u001b[1m${chapter.title}\u001b[22m` : chapter.title;
  return `\n${title}\n${'-'.repeat(chapter.title.length)}\n${chapter.lines.map((l) => `${l}\n`).join('')}`;
}

/** `./astreinte-demo`, or the first of `-2`, `-3`... that does not exist yet. */
function freshFolder(io: CommandIo): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? DEFAULT_FOLDER : `${DEFAULT_FOLDER}-${n}`;
    if (!io.exists(name)) return name;
  }
}

/** A progress line on stderr when it is a terminal (rewritten in place); `undefined` clears it. Nothing otherwise. */
function progressLine(io: CommandIo): (step: string | undefined) => void {
  if (!io.isTTY) return () => {};
  return (step) => {
    if (step === undefined) {
      io.stderr('\r\u001b[2K');
      return;
    }
    const n = STORY_STEPS.indexOf(step as (typeof STORY_STEPS)[number]) + 1;
    io.stderr(`\r\u001b[2K[${n}/${STORY_STEPS.length}] ${step}\u2026`);
  };
}

/** Days in the month `YYYY-MM` (day 0 of the next month is its last day). */
function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
