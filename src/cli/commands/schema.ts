/**
 * `astreinte schema`: prints or writes the JSON Schemas of the files astreinte reads, for editors and validators.
 *
 * @module
 */
import requestsSchema from '../../../schema/requests.schema.json' with { type: 'json' };
import teamSchema from '../../../schema/team.schema.json' with { type: 'json' };
import { type Subcommand, UsageError } from '../command.js';
import { orList, stringOption, writeOutputs } from '../common.js';

/** The schemas by name, as committed under schema/ (generated from the zod schemas by `npm run schema`). */
const SCHEMAS: Readonly<Record<string, unknown>> = { team: teamSchema, requests: requestsSchema };

/** `astreinte schema [<name>] [--out <dir>]`. */
export const schemaCommand: Subcommand = {
  name: 'schema',
  summary: 'prints or writes the JSON Schemas of the team and request files',
  usage: 'astreinte schema [team|requests] [--out <dir>]',
  details:
    'With a name, prints that schema; with --out, writes every schema (or the one named) into that folder as\n' +
    '<name>.schema.json, atomically. Editors use them through the file\u2019s "$schema" key.',
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
