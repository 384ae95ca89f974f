/**
 * `astreinte report coverage` and `astreinte report monthly`: the reports people read, as text (Markdown), Markdown,
 * JSON, CSV or a standalone HTML page, to standard output or written atomically with `--out`.
 *
 * @module
 */
import { computeExposure, computeSla, fail, parseLocalDate, startOfLocalDate } from '../../index.js';
import { loadPolicy, loadRequests } from '../../node/index.js';
import {
  buildCoverageGapReport,
  buildMonthlyReview,
  type CoverageGapReport,
  coverageGapReportToCsv,
  coverageGapReportToHtml,
  coverageGapReportToJson,
  coverageGapReportToMarkdown,
  csvTablesToText,
  type MonthlySlaInput,
  monthlyReviewToCsv,
  monthlyReviewToHtml,
  monthlyReviewToJson,
  monthlyReviewToMarkdown,
  monthlySlaInput,
} from '../../reporting/index.js';
import { type CommandIo, type OptionSpec, type ParsedArgs, type Subcommand, UsageError } from '../command.js';
import {
  HORIZON_OPTIONS,
  horizonArg,
  jsonText,
  langArg,
  loadTeamArg,
  NOW_OPTION,
  nowArg,
  progress,
  requiredOption,
  stringOption,
  writeOutputs,
} from '../common.js';

const FORMATS = ['text', 'md', 'json', 'csv', 'html'] as const;
type ReportFormat = (typeof FORMATS)[number];

/** Options both report subcommands take. */
const REPORT_OPTIONS = {
  format: {
    type: 'string',
    valueName: 'text|md|json|csv|html',
    description: 'output format (default: text, which is Markdown)',
  },
  lang: {
    type: 'string',
    valueName: 'fr|en',
    description: 'language of labels, dates and numbers (default: fr)',
  },
  out: {
    type: 'string',
    valueName: '<file>|-',
    description:
      'write to this file, atomically (csv: one file per table, <file> without .csv plus -<table>.csv);\n- or absent: standard output',
  },
} as const satisfies Record<string, OptionSpec>;

function reportFormat(args: ParsedArgs): ReportFormat {
  const format = stringOption(args, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format "${format}" (expected text, md, json, csv or html)`);
  }
  return format as ReportFormat;
}

/** Writes the rendering: stdout, or every file at once (a failed write leaves none). */
function emit(
  args: ParsedArgs,
  io: CommandIo,
  single: string,
  csv: ReadonlyMap<string, string> | undefined,
): void {
  const out = stringOption(args, 'out');
  if (out === undefined || out === '-') {
    io.stdout(csv === undefined ? single : csvTablesToText(csv));
    return;
  }
  if (csv === undefined) {
    writeOutputs(io, '--out', new Map([[out, single]]));
    return;
  }
  const stem = out.replace(/\.csv$/i, '');
  writeOutputs(io, '--out', new Map([...csv].map(([name, text]) => [`${stem}-${name}.csv`, text])));
}

function positiveInteger(args: ParsedArgs, name: string, min: number): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} "${text}" (expected a whole number >= ${min})`);
  return n;
}

/** `astreinte report coverage <team.json> --from <date> --to <date> [...]`. */
export const reportCoverageCommand: Subcommand = {
  name: 'report coverage',
  summary:
    'the coverage-gap report: gaps, fragile hours, who the team hangs on, and what one more volunteer would close',
  usage:
    'astreinte report coverage <team.json> [--from <date>] [--to <date>] [--format text|md|json|csv|html]\n' +
    '                          [--lang fr|en] [--out <file>|-] [--policy <policy.json>] [--min-coaches N] [--top N] [--fail-on-gaps]',
  details:
    'For the people who organise the rota: coverage share against 24/7, the gaps and fragile hours in local time,\n' +
    'each coach\u2019s free, on-call and fair-share hours, single points of failure, the rota\u2019s quality, an\n' +
    'hour-of-week heatmap and a day-by-day timeline (html), the SLA exposure (arrivals that would breach the\n' +
    'coaches\u2019 promise whatever happens), and the weekly windows on the hand-off grid where one more volunteer\n' +
    '(or two) would close the most gap time, computed exactly. --fail-on-gaps exits 1 on any gap.',
  example:
    'astreinte report coverage examples/ca-va-patron.json --from 2026-12-01 --to 2026-12-29 --format md',
  options: {
    ...HORIZON_OPTIONS,
    ...REPORT_OPTIONS,
    policy: {
      type: 'string',
      valueName: '<policy.json>',
      description: 'rota policy (its handOffTimes draw the suggested windows)',
    },
    'min-coaches': {
      type: 'string',
      valueName: 'N',
      description: 'coaches wanted at every instant (default: the team file\u2019s)',
    },
    top: { type: 'string', valueName: 'N', description: 'how many suggested windows to list (default: 5)' },
    'fail-on-gaps': {
      type: 'boolean',
      description: 'exit 1 when the report finds any gap (for a scheduled check)',
    },
  },
  positionals: ['team.json'],
  run(args, io) {
    const format = reportFormat(args);
    const lang = langArg(args, 'fr');
    const minCoaches = positiveInteger(args, 'min-coaches', 1);
    const top = positiveInteger(args, 'top', 1);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const policyFile = stringOption(args, 'policy');
    const policy = policyFile === undefined ? undefined : loadPolicy(policyFile, io);
    const horizon = horizonArg(args, team, io);
    // The SLA exposure: the arrivals that would breach the coaches' promise whatever happens.
    progress(io, 'computing the SLA exposure');
    const exposure = computeExposure(team, horizon).periods;
    progress(io, 'coverage, rota and what would help');
    const report: CoverageGapReport = buildCoverageGapReport(team, {
      ...horizon,
      exposure,
      ...(minCoaches === undefined ? {} : { minCoaches }),
      ...(policy === undefined ? {} : { policy }),
      ...(top === undefined ? {} : { helpTop: top }),
    });
    const single =
      format === 'json'
        ? jsonText(coverageGapReportToJson(report))
        : format === 'html'
          ? coverageGapReportToHtml(report, { lang })
          : format === 'csv'
            ? ''
            : coverageGapReportToMarkdown(report, { lang });
    progress(io);
    emit(args, io, single, format === 'csv' ? coverageGapReportToCsv(report) : undefined);
    return args.values['fail-on-gaps'] === true && report.gaps.length > 0 ? 1 : 0;
  },
};

/** `astreinte report monthly <team.json> <requests.json> --month <YYYY-MM> [...]`. */
export const reportMonthlyCommand: Subcommand = {
  name: 'report monthly',
  summary: 'the monthly review: aggregated, k-anonymous figures of one month of requests',
  usage:
    'astreinte report monthly <team.json> <requests.json> --month <YYYY-MM> [--format text|md|json|csv|html]\n' +
    '                         [--lang fr|en] [--out <file>|-] [--k N] [--now <instant>] [--sla <sla.json>]\n' +
    '                         [--policy <policy.json>]',
  details:
    'For the partners\u2019 monthly review: volume by week, door and channel, needs and answers, time to first\n' +
    'contact, SLA figures (share met and breaches by cause, judged at --now), coaches\u2019 on-call hours and calls. Aggregated figures only: counts from 1\n' +
    'to k-1 show as <k, and further cells as \u00d7 so that no hidden count can be recomputed from the totals.\n' +
    'The month is a local calendar month in the team\u2019s zone. No id, name, contact or free text of a caller.',
  example: 'astreinte report monthly examples/ca-va-patron.json examples/requests.json --month 2026-12',
  options: {
    month: { type: 'string', valueName: '<YYYY-MM>', description: 'the local calendar month (required)' },
    ...REPORT_OPTIONS,
    k: { type: 'string', valueName: 'N', description: 'smallest count shown as it is (default: 5)' },
    ...NOW_OPTION,
    sla: {
      type: 'string',
      valueName: '<sla.json>',
      description:
        'SLA figures from elsewhere, { "requests": n, "met": n, "breachesByReason": { reason: n } }\n' +
        '(default: the SLA engine\u2019s, judged at --now, from the team file\u2019s sla policy)',
    },
    policy: { type: 'string', valueName: '<policy.json>', description: 'rota policy for the on-call hours' },
  },
  positionals: ['team.json', 'requests.json'],
  run(args, io) {
    const format = reportFormat(args);
    const lang = langArg(args, 'fr');
    const month = requiredOption(args, 'month', 'the month to review, YYYY-MM');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      fail('--month', month, 'is not a month', 'YYYY-MM, e.g. 2027-03');
    const k = positiveInteger(args, 'k', 2);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const requests = loadRequests(args.positionals[1] as string, team, io);
    const slaFile = stringOption(args, 'sla');
    const sla =
      slaFile === undefined ? monthSla(team, requests, month, nowArg(args, team, io)) : readSla(slaFile, io);
    const policyFile = stringOption(args, 'policy');
    const policy = policyFile === undefined ? undefined : loadPolicy(policyFile, io);
    progress(io, 'building the review');
    const review = buildMonthlyReview(team, requests, {
      month,
      ...(k === undefined ? {} : { k }),
      ...(sla === undefined ? {} : { sla }),
      ...(policy === undefined ? {} : { policy }),
    });
    const single =
      format === 'json'
        ? jsonText(monthlyReviewToJson(review))
        : format === 'html'
          ? monthlyReviewToHtml(review, { lang })
          : format === 'csv'
            ? ''
            : monthlyReviewToMarkdown(review, { lang });
    progress(io);
    emit(args, io, single, format === 'csv' ? monthlyReviewToCsv(review) : undefined);
    return 0;
  },
};

/** The SLA engine's figures of the requests received in the local month `YYYY-MM`, judged at `now`. */
function monthSla(
  team: Parameters<typeof computeSla>[0],
  requests: Parameters<typeof computeSla>[1],
  month: string,
  now: number,
): MonthlySlaInput {
  const first = parseLocalDate(`${month}-01`) as number;
  const zone = (team as { timeZone: string }).timeZone;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = parseLocalDate(
    `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`,
  ) as number;
  const { metrics } = computeSla(team, requests, {
    now,
    predict: false,
    metricsFrom: startOfLocalDate(zone, first),
    metricsTo: startOfLocalDate(zone, next),
  });
  return monthlySlaInput(metrics);
}

function readSla(path: string, io: CommandIo): MonthlySlaInput {
  let data: unknown;
  try {
    data = JSON.parse(io.readFile(path));
  } catch (e) {
    fail('--sla', path, `cannot be read as JSON (${(e as Error).message.split('\n')[0]})`, 'a JSON file');
  }
  const d = data as Partial<MonthlySlaInput> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    typeof d.requests !== 'number' ||
    typeof d.met !== 'number' ||
    typeof d.breachesByReason !== 'object' ||
    d.breachesByReason === null
  ) {
    fail(
      '--sla',
      path,
      'is not SLA figures',
      '{ "requests": n, "met": n, "breachesByReason": { "reason": n } }',
    );
  }
  return d as MonthlySlaInput;
}
