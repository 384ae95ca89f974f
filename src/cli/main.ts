/**
 * The `astreinte` command: wires {@link runCommand} to the process. The only module that reads the clock, the
 * files and the environment.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { runCommand } from './run.js';

declare const __ASTREINTE_VERSION__: string | undefined;

const code = runCommand(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => Date.now(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: typeof __ASTREINTE_VERSION__ === 'string' ? __ASTREINTE_VERSION__ : 'dev',
});
process.exitCode = code;
