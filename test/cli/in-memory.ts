import { readFileSync } from 'node:fs';
import type { CommandIo } from '../../src/cli/command.js';
import { runCommand } from '../../src/cli/run.js';

/** The example team file's text. */
export const example = readFileSync(new URL('../../examples/ca-va-patron.json', import.meta.url), 'utf8');

/** One coach, free on Mondays 09:00-17:00 (Paris). */
export const tinyTeam = JSON.stringify({
  name: 'Tiny',
  timeZone: 'Europe/Paris',
  coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '09:00', to: '17:00' }] }],
});

/** What one in-memory run produced: the exit code, both streams and the files written (path to content). */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly written: ReadonlyMap<string, string | Uint8Array>;
}

/** Options of {@link run} beyond the files. */
export interface RunOptions {
  /** Standard input's text (default empty). */
  readonly stdin?: string;
  /** Whether stderr is a terminal (default false). */
  readonly isTTY?: boolean;
  /** Whether stdout takes colour (default false). */
  readonly colour?: boolean;
  /** Paths whose write fails, to test that a failed run leaves no file. */
  readonly failWrites?: readonly string[];
}

/**
 * Runs the command against in-memory files at a fixed `now`; returns exit code, captured output and the files it
 * wrote. Writes are all or nothing, as the real `writeFiles`: when one path is in `failWrites`, nothing is written.
 */
export async function run(
  argv: string[],
  files: Record<string, string> = {},
  now = Date.UTC(2026, 10, 26, 10),
  options: RunOptions = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string | Uint8Array>();
  const io: CommandIo = {
    readFile: (path) => {
      const text = files[path] ?? written.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof text === 'string' ? text : new TextDecoder().decode(text);
    },
    writeFiles: (batch) => {
      for (const path of batch.keys()) {
        if (options.failWrites?.includes(path)) {
          throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
        }
      }
      for (const [path, content] of batch) written.set(path, content);
    },
    exists: (path) =>
      path in files ||
      written.has(path) ||
      [...Object.keys(files), ...written.keys()].some((f) => f.startsWith(`${path}/`)),
    readStdin: async () => options.stdin ?? '',
    now: () => now,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: options.isTTY ?? false,
    colour: options.colour ?? false,
    version: '9.9.9',
  };
  const code = await runCommand(argv, io);
  return { code, stdout, stderr, written };
}
