/**
 * `astreinte sla` and `astreinte sla exposure`: every request's deadline and status at `now` (breaches predicted
 * from the matching plan), and the periods in which an arriving request would break the promise whatever happens.
 *
 * @module
 */
import {
  computeExposure,
  computeSla,
  exposureToJson,
  exposureToText,
  slaToJson,
  slaToText,
} from '../../index.js';
import { loadPrevious, loadRequests } from '../../node/index.js';
import type { Subcommand } from '../command.js';
import {
  FORMAT_OPTION,
  formatArg,
  HORIZON_OPTIONS,
  horizonArg,
  jsonText,
  loadTeamArg,
  NOW_OPTION,
  nowArg,
  OUT_OPTION,
  planInputsArg,
  printOrWrite,
  progress,
  stringOption,
} from '../common.js';

/** `astreinte sla <team.json> <requests.json> [--now] [--rota] [--bookings] [--policy] [--format] [--fail-on-breaches]`. */
export const slaCommand: Subcommand = {
  name: 'sla',
  summary: 'the promise of each request: deadline, status, predicted breaches, figures',
  usage:
    'astreinte sla <team.json> <requests.json> [--now <instant>] [--rota <rota.json>] [--bookings <bookings.json>]\n' +
    '              [--policy <policy.json>] [--format text|json] [--fail-on-breaches] [--out <file>|-]',
  details:
    'Each request\u2019s deadline (the team file\u2019s sla key: 24 real hours for the coaches, 8 opening hours\n' +
    'for the CCI, French public holidays) and its status at --now: met, breached, will-breach (predicted from\n' +
    'the callback plan, with the reason), at-risk or on-track. Text: the next breaches first, then a table per\n' +
    'status in local time. JSON: every request exactly once, the next breaches and the figures. Never a contact.',
  example: 'astreinte sla examples/ca-va-patron.json examples/requests.json --now 2026-12-02T07:30',
  options: {
    ...NOW_OPTION,
    ...FORMAT_OPTION,
    ...OUT_OPTION,
    rota: {
      type: 'string',
      valueName: '<rota.json>',
      description: 'predict with calls only to the coaches on call in this rota',
    },
    bookings: {
      type: 'string',
      valueName: '<bookings.json>',
      description: 'calls already booked (as match takes them)',
    },
    policy: {
      type: 'string',
      valueName: '<policy.json>',
      description: 'a JSON matching policy for the prediction',
    },
    'fail-on-breaches': {
      type: 'boolean',
      description: 'exit 1 when a request is breached or predicted to breach (for scripts and CI)',
    },
  },
  positionals: ['team.json', 'requests.json'],
  run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const requests = loadRequests(args.positionals[1] as string, team, io);
    const now = nowArg(args, team, io);
    const { policy, ...inputs } = planInputsArg(args, team, io);
    progress(io, 'judging every request');
    const report = computeSla(team, requests, { now, ...inputs, matchingPolicy: policy });
    progress(io);
    printOrWrite(args, io, format === 'json' ? jsonText(slaToJson(report, team)) : slaToText(report, team));
    const failing = report.entries.some((e) => e.status === 'breached' || e.status === 'will-breach');
    return args.values['fail-on-breaches'] === true && failing ? 1 : 0;
  },
};

/** `astreinte sla exposure <team.json> [--from] [--to] [--rota] [--format]`. */
export const slaExposureCommand: Subcommand = {
  name: 'sla exposure',
  summary: 'when a request arriving would break the promise whatever happens',
  usage:
    'astreinte sla exposure <team.json> [--from <date>] [--to <date>] [--rota <rota.json>] [--format text|json]\n' +
    '                       [--out <file>|-]',
  details:
    'For every arrival instant of the horizon, the earliest a call could start (someone free for a whole\n' +
    '60-minute call, or on call in --rota; load ignored), hence the worst wait; prints the periods in which an\n' +
    'arrival breaks the coaches\u2019 promise whatever happens, with their worst wait.',
  example: 'astreinte sla exposure examples/ca-va-patron.json --from 2026-12-01 --to 2027-01-01',
  options: {
    ...HORIZON_OPTIONS,
    ...FORMAT_OPTION,
    ...OUT_OPTION,
    rota: {
      type: 'string',
      valueName: '<rota.json>',
      description: 'only the coaches on call in this rota can call (as printed by rota --format json)',
    },
  },
  positionals: ['team.json'],
  run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const team = loadTeamArg(args.positionals[0] as string, io);
    const { from, to } = horizonArg(args, team, io);
    const rotaFile = stringOption(args, 'rota');
    const rota = rotaFile === undefined ? undefined : { shifts: loadPrevious(rotaFile, io) };
    const report = computeExposure(team, { from, to, ...(rota === undefined ? {} : { rota }) });
    printOrWrite(
      args,
      io,
      format === 'json' ? jsonText(exposureToJson(report, team)) : exposureToText(report, team),
    );
    return 0;
  },
};
