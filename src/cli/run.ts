/**
 * The command's runner: finds the subcommand, parses its line with Node's `util.parseArgs` from its declaration,
 * runs it and turns what it throws into an exit code. Inputs and outputs are passed in ({@link CommandIo}), so
 * tests run it in-process; `main.ts` wires it to the real process.
 *
 * @module
 */

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AstreinteError, ValidationError } from '../index.js';
import type { CommandIo, OptionSpec, ParsedArgs, Subcommand } from './command.js';
import { UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CLEAR_LINE } from './common.js';

/** Options every subcommand takes. */
const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'prints this help' },
  debug: { type: 'boolean', description: 'on an unexpected failure, prints its stack' },
};

/** A unexpected failure's hint, printed after its one-line message. */
const REPORT_HINT =
  'this is a bug in astreinte: please report it with the command line (add --debug to see the stack)';

/**
 * Runs one command line and returns its exit code: 0 done, 1 when a subcommand was asked to fail on its findings
 * (or on an unexpected failure), 2 bad input or usage. Never throws and never prints a stack trace, except for an
 * unexpected failure under `--debug`: bad input is reported as the list of every problem found.
 *
 * @param argv - the arguments after `node` and the script.
 * @param commands - the subcommands (the real ones by default; tests may pass their own).
 * @example await runCommand(['coverage', 'examples/ca-va-patron.json', '--format', 'json'], io) // 0
 */
export async function runCommand(
  argv: readonly string[],
  io: CommandIo,
  commands: readonly Subcommand[] = COMMANDS,
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const first = argv[0];
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic =
        first === 'help' && argv[1] !== undefined ? findCommand(argv.slice(1), commands) : undefined;
      io.stdout(topic === undefined ? globalHelp(commands) : commandHelp(topic.command));
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    const found = findCommand(argv, commands);
    if (found === undefined) {
      throw new UsageError(
        `unknown command "${first}" (expected ${commands
          .map((c) => c.name.split(' ')[0])
          .filter(unique)
          .join(', ')})`,
      );
    }
    const { command, rest } = found;
    const args = parseCommandLine(command, rest);
    if (args.values.help === true) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (io.isTTY) io.stderr(CLEAR_LINE); // a progress line may be showing
    return reportError(error, argv, io, commands, debug);
  }
}

/** The subcommand `argv` names (the longest name that matches its first words) and the words after it. */
function findCommand(
  argv: readonly string[],
  commands: readonly Subcommand[],
): { command: Subcommand; rest: readonly string[] } | undefined {
  let best: { command: Subcommand; rest: readonly string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (
      words.every((word, i) => argv[i] === word) &&
      (best === undefined || words.length > best.command.name.split(' ').length)
    ) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/**
 * Parses a subcommand's words with `util.parseArgs` (strict: an unknown option is an error), refusing an option
 * given twice or with an empty value, and checking the number of positionals against the declaration.
 *
 * @throws {@link UsageError} with a sentence that names the option or the argument.
 */
export function parseCommandLine(command: Subcommand, words: readonly string[]): ParsedArgs {
  const specs = { ...command.options, ...COMMON_OPTIONS };
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; tokens: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...words], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new UsageError(parseErrorSentence(error, command));
  }
  // No option is declared `multiple`, so no value is an array.
  const values = parsed.values as Readonly<Record<string, string | boolean | undefined>>;
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`option --${token.name} is given twice`);
    seen.add(token.name);
    if (token.value === '') throw new UsageError(`option --${token.name} needs a value`);
  }
  if (values.help === true) return { positionals: parsed.positionals, values };
  const required = command.positionals.filter((name) => !name.endsWith('?'));
  const got = parsed.positionals;
  if (got.length < required.length || got.length > command.positionals.length) {
    const wanted = command.positionals.map((name) =>
      name.endsWith('?') ? `[${name.slice(0, -1)}]` : `<${name}>`,
    );
    throw new UsageError(
      `${command.name} takes ${wanted.join(' ')}, got ${got.length === 0 ? 'nothing' : got.map((p) => `"${p}"`).join(' ')}`,
    );
  }
  return { positionals: got, values };
}

/** `util.parseArgs`'s error as a short sentence naming the option. */
function parseErrorSentence(error: unknown, command: Subcommand): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /--[\w-]+/.exec(message)?.[0] ?? /-\w/.exec(message)?.[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}" for ${command.name}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message)
      ? `option ${option} takes no value`
      : `option ${option} needs a value`;
  }
  return message.split('\n')[0] ?? message;
}

function reportError(
  error: unknown,
  argv: readonly string[],
  io: CommandIo,
  commands: readonly Subcommand[],
  debug: boolean,
): number {
  if (error instanceof UsageError) {
    const found = findCommand(argv, commands);
    const hint =
      found === undefined
        ? 'Run "astreinte --help" for the list of commands.'
        : `Usage: ${found.command.usage}\nRun "astreinte ${found.command.name} --help" for more.`;
    io.stderr(`astreinte: ${error.message}\n\n${hint}\n`);
    return 2;
  }
  if (error instanceof ValidationError) {
    io.stderr(`astreinte: ${error.issues.length === 1 ? 'a problem' : `${error.issues.length} problems`}:\n`);
    for (const issue of error.issues) io.stderr(`  - ${issue.message}\n`);
    return 2;
  }
  if (error instanceof AstreinteError) {
    io.stderr(`astreinte: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`astreinte: unexpected failure: ${message.split('\n')[0]}\n  ${REPORT_HINT}\n`);
  if (debug && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
  return 1;
}

/** `astreinte --help`: every subcommand with its summary, and the exit codes. */
export function globalHelp(commands: readonly Subcommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'astreinte: the on-call rota engine of a volunteer listening line.',
    '',
    'Usage: astreinte <command> [arguments] [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "astreinte <command> --help" for its arguments, options and an example.',
    'Options everywhere: --help, --debug (the stack of an unexpected failure); astreinte --version.',
    'Dates (--from, --to) are local dates in the team\u2019s zone; --now is ISO 8601 with its offset, or a',
    'local date-time there.',
    '',
    'Exit codes: 0 done, 1 findings asked to fail on (--fail-on-...) or an unexpected failure, 2 bad input or usage.',
    '',
  ].join('\n');
}

/** `astreinte <command> --help`: usage, what it does, its options and an example. */
export function commandHelp(command: Subcommand): string {
  const specs = Object.entries({ ...command.options, ...COMMON_OPTIONS });
  const heads = specs.map(([name, spec]) => {
    const short = spec.short === undefined ? '' : `-${spec.short}, `;
    return `${short}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? '<value>'}` : ''}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  const options = specs.flatMap(([, spec], i) => {
    const [head, ...more] = spec.description.split('\n');
    return [
      `  ${(heads[i] as string).padEnd(width)}  ${head}`,
      ...more.map((line) => `  ${' '.repeat(width)}  ${line}`),
    ];
  });
  return [
    `Usage: ${command.usage}`,
    '',
    command.details ?? `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
    '',
    'Options:',
    ...options,
    '',
    'Example:',
    `  ${command.example}`,
    '',
  ].join('\n');
}

function unique<T>(value: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(value) === index;
}
