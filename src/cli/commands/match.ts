/**
 * `astreinte match`: places every open request of the coaches' door with a free coach.
 *
 * @module
 */
import { planCallbacks, planToJson, planToText } from '../../index.js';
import { loadRequests } from '../../node/index.js';
import { type Subcommand, UsageError } from '../command.js';
import {
  FORMAT_OPTION,
  formatArg,
  jsonText,
  LANG_OPTION,
  langArg,
  loadTeamArg,
  NOW_OPTION,
  nowArg,
  OUT_OPTION,
  planInputsArg,
  printOrWrite,
  progress,
} from '../common.js';

/** `astreinte match <team.json> <requests.json> [--now] [--rota] [--bookings] [--policy] [--format] [--lang]`. */
export const matchCommand: Subcommand = {
  name: 'match',
  summary: 'the callback plan: each open request placed with a free coach, or why not',
  usage:
    'astreinte match <team.json> <requests.json> [--now <instant>] [--rota <rota.json>]\n' +
    '                [--bookings <bookings.json>] [--policy <policy.json>] [--format text|json] [--lang en|fr]\n' +
    '                [--out <file>|-] [--include-contact]',
  details:
    'Places every open request of the coaches\u2019 door with a free coach: a day-by-day call sheet (text) or\n' +
    'the plan (json), each request exactly once, placed or not placed with its reason. No contact detail\n' +
    'unless --include-contact asks for it (json only: the private call sheet for the coaches who call).',
  example:
    'astreinte match examples/ca-va-patron.json examples/requests.json --now 2026-12-01T08:00 --lang fr',
  options: {
    ...NOW_OPTION,
    ...FORMAT_OPTION,
    ...OUT_OPTION,
    ...LANG_OPTION,
    rota: {
      type: 'string',
      valueName: '<rota.json>',
      description: 'calls go to the coaches on call in this rota (as printed by rota --format json)',
    },
    bookings: {
      type: 'string',
      valueName: '<bookings.json>',
      description: 'calls already booked ({ id, coachId, start, end }, or an earlier match --format json)',
    },
    'include-contact': {
      type: 'boolean',
      description:
        'copy each placed caller\u2019s contact into the json (personal data: the call sheet only)',
    },
    policy: {
      type: 'string',
      valueName: '<policy.json>',
      description:
        'a JSON matching policy (bufferMinutes, maxCallsPerDay, gridMinutes, minNoticeMinutes,\n' +
        'retrySpacingMinutes, maxRetries, deadlineHours, eligible, layers)',
    },
  },
  positionals: ['team.json', 'requests.json'],
  run(args, io) {
    const format = formatArg(args, ['text', 'json']);
    const lang = langArg(args);
    const withContact = args.values['include-contact'] === true;
    if (withContact && format !== 'json') {
      throw new UsageError('--include-contact needs --format json (the private call sheet)');
    }
    const team = loadTeamArg(args.positionals[0] as string, io);
    const requests = loadRequests(args.positionals[1] as string, team, io);
    const now = nowArg(args, team, io);
    const { policy, ...inputs } = planInputsArg(args, team, io);
    progress(io, 'planning the callbacks');
    const plan = planCallbacks(team, requests, { now, ...inputs, policy: policy });
    progress(io);
    printOrWrite(
      args,
      io,
      format === 'json'
        ? jsonText(planToJson(plan, team, withContact ? { includeContactDetailsFrom: requests } : {}))
        : planToText(plan, team, lang),
    );
    return 0;
  },
};
