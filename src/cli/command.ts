/**
 * The shape every subcommand of `astreinte` shares: what it needs from the outside world ({@link CommandIo}), how it
 * declares its arguments ({@link Subcommand}) and the error for a command line that makes no sense
 * ({@link UsageError}). The runner (`run.ts`) parses the line with Node's `util.parseArgs` from these declarations,
 * so every subcommand gets the same parsing, `--help` and error reporting.
 *
 * @module
 */

/** Thrown for a command line that does not make sense; the command prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the command needs from the outside world; tests pass an in-memory one (`test/cli/in-memory.ts`). */
export interface CommandIo {
  /** Reads a file as UTF-8 text; throws a Node-style error (with `code`) when it cannot. */
  readonly readFile: (path: string) => string;
  /**
   * Writes every file of `files` (path to content), **all or nothing**: missing folders are created, each file is
   * written to a temporary file beside its target, then all are renamed; when any write fails, none of the targets
   * is created or changed and the folders it created are removed.
   */
  readonly writeFiles: (files: ReadonlyMap<string, string | Uint8Array>) => void;
  /** Whether a file or folder exists at `path` (to pick a fresh output folder). */
  readonly exists: (path: string) => boolean;
  /** The whole of standard input as UTF-8 text (empty when there is none). */
  readonly readStdin: () => Promise<string>;
  /** The current instant, epoch ms: only for defaults ("from today"), never inside the engine. */
  readonly now: () => number;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal: progress lines only then. */
  readonly isTTY: boolean;
  /** Whether standard output is a terminal that takes colour (and `NO_COLOR` is not set). */
  readonly colour: boolean;
  readonly version: string;
}

/** One option of a subcommand: the `util.parseArgs` fields, plus what `--help` says of it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** What the option means, with its default; one line or two. */
  readonly description: string;
  /** The value's placeholder in `--help` (`<date>`, `text|json`); string options only. */
  readonly valueName?: string;
}

/** The command line of one subcommand once parsed: positionals in order, options by long name. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** A subcommand: its declaration (for parsing and `--help`) and what it does. */
export interface Subcommand {
  /** The words that name it: `coverage`, or two words for a family (`sla exposure`, `report monthly`). */
  readonly name: string;
  /** One line for the list of subcommands. */
  readonly summary: string;
  /** The synopsis, e.g. `astreinte coverage <team.json> [--from <date>] [--to <date>] [--format text|json]`. */
  readonly usage: string;
  /** More about what it does, shown by `--help` (optional). */
  readonly details?: string;
  /** A real command line that works from the repository's root, shown by `--help`. */
  readonly example: string;
  /** Options by long name, without the leading `--`. `--help` and `--debug` are added to every subcommand. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Names of the positional arguments in order; a name ending in `?` is optional (and must come last). */
  readonly positionals: readonly string[];
  /** Runs it; returns the exit code (0 done, 1 asked to fail on findings). Throws bad input as errors. */
  readonly run: (args: ParsedArgs, io: CommandIo) => number | Promise<number>;
}
