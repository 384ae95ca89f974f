/**
 * `astreinte schema`: prints or writes the JSON Schemas of the files astreinte reads, for editors and validators.
 *
 * @module
 */
import bookingsSchema from '../../../schema/bookings.schema.json' with { type: 'json' };
import feedsStateSchema from '../../../schema/feeds-state.schema.json' with { type: 'json' };
import matchingPolicySchema from '../../../schema/matching-policy.schema.json' with { type: 'json' };
import overridesSchema from '../../../schema/overrides.schema.json' with { type: 'json' };
import requestsSchema from '../../../schema/requests.schema.json' with { type: 'json' };
import rotaSchema from '../../../schema/rota.schema.json' with { type: 'json' };
import rotaPolicySchema from '../../../schema/rota-policy.schema.json' with { type: 'json' };
import teamSchema from '../../../schema/team.schema.json' with { type: 'json' };
import tokensSchema from '../../../schema/tokens.schema.json' with { type: 'json' };
import { type Subcommand, UsageError } from '../command.js';
import { orList, stringOption, writeOutputs } from '../common.js';

/**
 * The schemas by name, as committed under schema/ (`npm run schema` writes them: the team and request files' from
 * their zod schemas, the others' from scripts/json-schema.ts), in the order `--out` writes them.
 */
const SCHEMAS: Readonly<Record<string, unknown>> = {
  team: teamSchema,
  requests: requestsSchema,
  'rota-policy': rotaPolicySchema,
  'matching-policy': matchingPolicySchema,
  overrides: overridesSchema,
  rota: rotaSchema,
  bookings: bookingsSchema,
  tokens: tokensSchema,
  'feeds-state': feedsStateSchema,
};

/** `astreinte schema [<name>] [--out <dir>]`. */
export const schemaCommand: Subcommand = {
  name: 'schema',
  summary: 'prints or writes the JSON Schemas of the files astreinte reads',
  usage: 'astreinte schema [<name>] [--out <dir>]',
  details:
    'With a name, prints that schema; with --out, writes every schema (or the one named) into that folder as\n' +
    '<name>.schema.json, atomically. Editors use them through the file\u2019s "$schema" key. The names:\n' +
    'team, requests, rota-policy, matching-policy, overrides, rota (the JSON of rota --format json, read back\n' +
    'by --previous and --rota), bookings, tokens (the token file) and feeds-state (feeds --state).',
  example: 'astreinte schema team',
  options: {
    out: {
      type: 'string',
      valueName: '<dir>',
      description: 'the folder to write <name>.schema.json into (it must exist)',
    },
  },
  positionals: ['name?'],
  run(args, io) {
    const name = args.positionals[0];
    const out = stringOption(args, 'out');
    if (name !== undefined && !(name in SCHEMAS)) {
      throw new UsageError(`no schema "${name}" (expected ${orList(Object.keys(SCHEMAS))})`);
    }
    const names = name === undefined ? Object.keys(SCHEMAS) : [name];
    const text = (n: string) => `${JSON.stringify(SCHEMAS[n], null, 2)}\n`;
    if (out === undefined) {
      if (name === undefined) {
        throw new UsageError(
          `name a schema (${orList(names)}) to print it, or give --out <dir> to write them all`,
        );
      }
      io.stdout(text(name));
      return 0;
    }
    const dir = out.endsWith('/') ? out : `${out}/`;
    writeOutputs(io, '--out', new Map(names.map((n) => [`${dir}${n}.schema.json`, text(n)])));
    io.stdout(names.map((n) => `wrote ${dir}${n}.schema.json\n`).join(''));
    return 0;
  },
};
