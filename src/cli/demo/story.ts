/**
 * The demo's story, as data: each chapter a title and its lines, and the files the demo writes. Pure: the team,
 * the requests and the instant come in, nothing is read or printed here (the `demo` subcommand does that), so the
 * story is the same on every machine.
 *
 * @module
 */

import { coachFeed, gapsFeed, teamFeed } from '../../ical/index.js';
import {
  type CallbackPlan,
  type CallbackRequest,
  type CoverageReport,
  computeCoverage,
  computeExposure,
  computeSla,
  coverageToJson,
  formatLocal,
  generateRota,
  type Instant,
  planCallbacks,
  planToJson,
  type Rota,
  readCallbackWindows,
  rotaToJson,
  SLA_STATUSES,
  type SlaReport,
  slaToJson,
  type Team,
  type ZoneTable,
} from '../../index.js';
import {
  buildCoverageGapReport,
  buildMonthlyReview,
  coverageGapReportToHtml,
  monthlyReviewToHtml,
  monthlySlaInput,
} from '../../reporting/index.js';
import { jsonText } from '../common.js';
import { type StoryWords, WORDS } from './words.js';

/** One chapter of the story: a title and its lines (no trailing newline). */
export interface Chapter {
  readonly title: string;
  readonly lines: readonly string[];
}

/** What the story needs: the team, its requests, the instant it is told at and the horizon it looks at. */
export interface StoryInputs {
  readonly team: Team;
  readonly requests: readonly CallbackRequest[];
  readonly now: Instant;
  /** The coverage horizon: four weeks from the Monday of `now`. */
  readonly horizon: { readonly from: Instant; readonly to: Instant };
  /** The rota's week: the first seven days of `horizon`. */
  readonly week: { readonly from: Instant; readonly to: Instant };
  /** Callers' SMS texts (personal data: read, never printed), with their request ids and receipt times. */
  readonly sms: readonly { readonly id: string; readonly receivedAt: Instant; readonly text: string }[];
  /** The month the review covers, `YYYY-MM`, and its bounds (local midnights). */
  readonly month: { readonly name: string; readonly from: Instant; readonly to: Instant };
  /** Local times in the team's zone over the horizon (and a margin). */
  readonly zone: ZoneTable;
  readonly lang: 'en' | 'fr';
}

/** The story: its chapters, and the files to write (name within the output folder to content). */
export interface Story {
  readonly chapters: readonly Chapter[];
  readonly files: ReadonlyMap<string, string>;
}

/** The steps of the story, in order, for a progress line. */
export const STORY_STEPS = ['coverage', 'rota', 'intake', 'plan', 'sla', 'reports', 'feeds'] as const;

/**
 * Tells the story of the example: coverage and gaps, the week's rota and its fairness, the callback plan. Calls
 * `progress` before each step (for a progress line on a terminal).
 */
export function tellStory(inputs: StoryInputs, progress: (step: string) => void = () => {}): Story {
  const words = WORDS[inputs.lang];
  progress('coverage');
  const coverage = computeCoverage(inputs.team, inputs.horizon);
  progress('rota');
  const rota = generateRota(inputs.team, inputs.week);
  progress('intake');
  const intake = intakeChapter(inputs, words);
  progress('plan');
  const plan = planCallbacks(inputs.team, inputs.requests, { now: inputs.now });
  progress('sla');
  const sla = computeSla(inputs.team, inputs.requests, { now: inputs.now });
  progress('reports');
  const { team, lang } = inputs;
  const exposure = computeExposure(team, inputs.horizon).periods;
  const gapReport = buildCoverageGapReport(team, { ...inputs.horizon, exposure });
  const monthSla = computeSla(team, inputs.requests, {
    now: inputs.now,
    predict: false,
    metricsFrom: inputs.month.from,
    metricsTo: inputs.month.to,
  });
  const review = buildMonthlyReview(team, inputs.requests, {
    month: inputs.month.name,
    sla: monthlySlaInput(monthSla.metrics),
  });
  progress('feeds');
  // The feeds cover the four weeks: a rota over the whole horizon, the plan's calls, the gaps with the exposure.
  const feedRota = generateRota(team, inputs.horizon);
  const feedOptions = { now: inputs.now, ...inputs.horizon, lang };
  const feeds = new Map<string, string>();
  for (const coach of team.coaches) {
    feeds.set(
      `feeds/${coach.id}.ics`,
      coachFeed(team, coach.id, { ...feedOptions, rota: feedRota, calls: plan }).ics,
    );
  }
  feeds.set('feeds/team.ics', teamFeed(team, { ...feedOptions, rota: feedRota }).ics);
  feeds.set('feeds/gaps.ics', gapsFeed(team, { ...feedOptions, coverage, exposure }).ics);
  const chapters = [
    teamChapter(inputs, words),
    coverageChapter(coverage, inputs, words),
    rotaChapter(rota, words),
    intake,
    planChapter(plan, inputs, words),
    slaChapter(sla, inputs, words),
  ];
  const files = new Map([
    ['coverage.json', jsonText(coverageToJson(coverage))],
    ['rota.json', jsonText(rotaToJson(rota))],
    ['plan.json', jsonText(planToJson(plan, team))],
    ['sla.json', jsonText(slaToJson(sla, team))],
    ['coverage-report.html', coverageGapReportToHtml(gapReport, { lang })],
    [`monthly-review-${inputs.month.name}.html`, monthlyReviewToHtml(review, { lang })],
    ...feeds,
  ]);
  return { chapters, files };
}

function teamChapter(inputs: StoryInputs, words: StoryWords): Chapter {
  const { team } = inputs;
  return {
    title: words.teamTitle,
    lines: [
      words.team(team.name, team.coaches.length, team.timeZone),
      words.now(formatLocal(inputs.zone, inputs.now)),
      words.requests(inputs.requests.length),
    ],
  };
}

function coverageChapter(coverage: CoverageReport, inputs: StoryInputs, words: StoryWords): Chapter {
  const { stats } = coverage;
  const longest = [...coverage.gaps].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const critical = [...coverage.coaches].sort(
    (a, b) => b.extraGapMinutesIfAbsent - a.extraGapMinutesIfAbsent || (a.id < b.id ? -1 : 1),
  )[0];
  return {
    title: words.coverageTitle(
      formatLocal(inputs.zone, coverage.from),
      formatLocal(inputs.zone, coverage.to),
    ),
    lines: [
      words.covered(percent(stats.coverageRatio, words), hours(stats.gapMinutes), coverage.gaps.length),
      words.longestGaps,
      ...longest
        .slice(0, 3)
        .map(
          (gap) =>
            `  ${formatLocal(inputs.zone, gap.start)} -> ${formatLocal(inputs.zone, gap.end)}  ${hours((gap.end - gap.start) / 60_000)}`,
        ),
      ...(critical === undefined
        ? []
        : [words.critical(critical.id, hours(critical.extraGapMinutesIfAbsent))]),
    ],
  };
}

function rotaChapter(rota: Rota, words: StoryWords): Chapter {
  const [first, second] = rota.policy.layers;
  const width = Math.max(...rota.load.map((l) => l.coachId.length));
  const lines = [
    `  ${''.padEnd(width)}  ${(first ?? '').padEnd(20)}${(second ?? '').padEnd(20)}${words.total.padStart(7)}`,
  ];
  for (const load of rota.load) {
    const cell = (layer: string | undefined) =>
      layer === undefined
        ? ''
        : `${hours((load.hoursByLayer[layer] ?? 0) * 60).padStart(7)} (${hours((load.fairShareByLayer[layer] ?? 0) * 60)})`;
    lines.push(
      `  ${load.coachId.padEnd(width)}  ${cell(first).padEnd(20)}${cell(second).padEnd(20)}${hours(load.totalHours * 60).padStart(7)}`,
    );
  }
  lines.push(words.rotaLegend);
  lines.push(
    words.rotaQuality(
      words.decimal(rota.quality.balance, 2),
      hours(rota.quality.maxFairShareDeviationHours * 60),
    ),
  );
  return { title: words.rotaTitle, lines };
}

/** Each SMS read into callback windows: the restatement a person confirms, never the caller's words or number. */
function intakeChapter(inputs: StoryInputs, words: StoryWords): Chapter {
  const lines = [words.intakeIntro];
  for (const message of inputs.sms) {
    const reading = readCallbackWindows(message.text, {
      receivedAt: message.receivedAt,
      timeZone: inputs.team.timeZone,
    });
    const found = reading.contact.phone === undefined ? '' : `  (${words.phoneFound})`;
    lines.push(`  ${message.id}  ${reading.understood}${found}`);
  }
  return { title: words.intakeTitle, lines };
}

function planChapter(plan: CallbackPlan, inputs: StoryInputs, words: StoryWords): Chapter {
  // Requests already settled (contacted, closed, or for the chamber's door) are counted, not listed.
  const settled = new Set(['already-contacted', 'not-for-matching', 'closed']);
  const open = plan.notPlaced.filter((n) => !settled.has(n.reason));
  const closed = plan.notPlaced.length - open.length;
  const lines = [words.planSummary(plan.placed.length, open.length, closed)];
  for (const call of [...plan.placed].sort((a, b) => a.start - b.start)) {
    const late = call.beforeDeadline ? '' : `  ${words.late(formatLocal(inputs.zone, call.deadline))}`;
    lines.push(
      `  ${formatLocal(inputs.zone, call.start)}  ${call.coachId.padEnd(8)} ${call.requestId}${late}`,
    );
  }
  if (open.length > 0) lines.push(words.notPlaced);
  for (const n of open) lines.push(`  ${n.requestId}  ${n.sentence[inputs.lang]}`);
  return { title: words.planTitle, lines };
}

function slaChapter(sla: SlaReport, inputs: StoryInputs, words: StoryWords): Chapter {
  const counts = SLA_STATUSES.map(
    (status) => [status, sla.entries.filter((e) => e.status === status).length] as const,
  );
  const lines = [
    words.slaCounts(
      counts
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`)
        .join(', '),
    ),
  ];
  if (sla.nextBreaches.length > 0) lines.push(words.nextBreaches);
  for (const e of sla.nextBreaches) {
    const why = e.reason === undefined ? '' : `  ${e.reason}`;
    lines.push(
      `  ${e.requestId}  ${e.status.padEnd(11)} ${words.deadline(formatLocal(inputs.zone, e.deadline))}${why}`,
    );
  }
  const share = sla.metrics.totals.shareMet;
  lines.push(words.shareMet(share === null ? '-' : percent(share, words), sla.metrics.totals.breached));
  return { title: words.slaTitle, lines };
}

/** `71.3 %`-style share with one decimal (`71,3 %` in French). */
function percent(ratio: number, words: StoryWords): string {
  return `${words.decimal(Math.round(ratio * 1000) / 10, 1)} %`;
}

/** Minutes as `12 h 30`. */
function hours(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')}`;
}
