/**
 * `astreinte rota`: who is on call, layer by layer, with each coach's load against a fair share.
 *
 * @module
 */
import { generateRota, rotaToJson, rotaToText } from '../../index.js';
import { loadOverrides, loadPolicy, loadPrevious } from '../../node/index.js';
import type { Subcommand } from '../command.js';
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

/** `astreinte rota <team.json> [--from] [--to] [--format] [--policy] [--previous] [--overrides]`. */
export const rotaCommand: Subcommand = {
  name: 'rota',
  summary: 'a fair, stable on-call rota, first line and backup',
  usage:
    'astreinte rota <team.json> [--from <date>] [--to <date>] [--format text|json] [--policy <policy.json>]\n' +
    '               [--previous <rota.json>] [--overrides <overrides.json>] [--out <file>|-]',
  details:
    'Who is on call, layer by layer, over [from, to) (same dates and defaults as coverage), each coach\u2019s\n' +
    'load against a fair share per layer, and the time no one can hold.',
  example: 'astreinte rota examples/ca-va-patron.json --from 2026-12-07 --to 2026-12-14',
  options: {
    ...HORIZON_OPTIONS,
    ...FORMAT_OPTION,
    ...OUT_OPTION,
    policy: {
      type: 'string',
      valueName: '<policy.json>',
      description:
        'a JSON rota policy (layers, handOffTimes, minShiftMinutes, maxStretchHours,\n' +
        'minRestHours, night, layerSkills, layerWeights)',
    },
    previous: {
      type: 'string',
      valueName: '<rota.json>',
      description: 'the rota published before (rota --format json); every valid assignment is kept',
    },
    overrides: {
      type: 'string',
      valueName: '<overrides.json>',
      description:
        'a JSON list of { layer, coachId, start, end } pinning coaches (local YYYY-MM-DDTHH:mm\n' +
        'in the team\u2019s zone, or ISO 8601 with offset); they win over the generated rota',
    },
  },
  positionals: ['team.json'],
  run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const horizon = horizonArg(args, team, io);
    const policyFile = stringOption(args, 'policy');
    const previousFile = stringOption(args, 'previous');
    const overridesFile = stringOption(args, 'overrides');
    progress(io, 'generating the rota');
    const rota = generateRota(team, {
      ...horizon,
      ...(policyFile === undefined ? {} : { policy: loadPolicy(policyFile, io) }),
      ...(previousFile === undefined ? {} : { previous: loadPrevious(previousFile, io) }),
      ...(overridesFile === undefined ? {} : { overrides: loadOverrides(overridesFile, team, io) }),
    });
    progress(io);
    printOrWrite(args, io, format === 'json' ? jsonText(rotaToJson(rota)) : rotaToText(rota));
    return 0;
  },
};
