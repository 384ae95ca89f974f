import { readFileSync } from 'node:fs';
import { type CommandIo, runCommand } from '../../src/cli/run.js';

/** The example team file's text. */
export const example = readFileSync(new URL('../../examples/ca-va-patron.json', import.meta.url), 'utf8');

/** One coach, free on Mondays 09:00-17:00 (Paris). */
export const tinyTeam = JSON.stringify({
  name: 'Tiny',
  timeZone: 'Europe/Paris',
  coaches: [{ id: 'a', name: 'A', availability: [{ days: ['MO'], from: '09:00', to: '17:00' }] }],
});

/** Runs the command against in-memory files at a fixed `now`; returns exit code and captured output. */
export function run(argv: string[], files: Record<string, string> = {}, now = Date.UTC(2026, 10, 26, 10)) {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    now: () => now,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    version: '9.9.9',
  };
  const code = runCommand(argv, io);
  return { code, stdout, stderr };
}
