/**
 * `astreinte coverage`: how the team's declared availability covers a horizon, and where the gaps are.
 *
 * @module
 */
import { computeCoverage, coverageToJson, coverageToText } from '../../index.js';
import { type Subcommand, UsageError } from '../command.js';
import {
  FORMAT_OPTION,
  formatArg,
  HORIZON_OPTIONS,
  horizonArg,
  jsonText,
  loadTeamArg,
  OUT_OPTION,
  printOrWrite,
  progress,
  stringOption,
} from '../common.js';

/** `astreinte coverage <team.json> [--from <date>] [--to <date>] [--format text|json] [--min-coaches N]`. */
export const coverageCommand: Subcommand = {
  name: 'coverage',
  summary: 'how the declared availability covers 24/7, and where the gaps are',
  usage:
    'astreinte coverage <team.json> [--from <date>] [--to <date>] [--format text|json] [--min-coaches N]\n' +
    '                   [--out <file>|-] [--fail-on-gaps]',
  details:
    'How the team\u2019s declared availability covers [from, to): local dates in the team\u2019s zone, midnight\n' +
    'to midnight. Gaps (no coach free), below-minimum periods, fragile hours and each coach\u2019s weight.\n' +
    '--fail-on-gaps exits 1 on any gap, after printing (for a scheduled check).',
  example: 'astreinte coverage examples/ca-va-patron.json --from 2026-12-01 --to 2026-12-29',
  options: {
    ...HORIZON_OPTIONS,
    ...FORMAT_OPTION,
    ...OUT_OPTION,
    'min-coaches': {
      type: 'string',
      valueName: 'N',
      description: 'coaches wanted at every instant (default: the team file\u2019s minCoaches, or 1)',
    },
    'fail-on-gaps': { type: 'boolean', description: 'exit 1 when there is any gap (for a scheduled check)' },
  },
  positionals: ['team.json'],
  run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const minText = stringOption(args, 'min-coaches');
    const minCoaches = minText === undefined ? undefined : Number(minText);
    if (minCoaches !== undefined && !(Number.isInteger(minCoaches) && minCoaches >= 1)) {
      throw new UsageError(`--min-coaches "${minText}" (expected a whole number >= 1)`);
    }
    const team = loadTeamArg(args.positionals[0] as string, io);
    progress(io, 'computing coverage');
    const report = computeCoverage(team, {
      ...horizonArg(args, team, io),
      ...(minCoaches === undefined ? {} : { minCoaches }),
    });
    progress(io);
    printOrWrite(args, io, format === 'json' ? jsonText(coverageToJson(report)) : coverageToText(report));
    return args.values['fail-on-gaps'] === true && report.gaps.length > 0 ? 1 : 0;
  },
};
