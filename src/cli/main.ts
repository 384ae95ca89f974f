/**
 * The `astreinte` command: wires {@link runCommand} to the process (files, clock, standard streams; see
 * `node-io.ts`).
 *
 * @module
 */
import { nodeIo } from './node-io.js';
import { runCommand } from './run.js';

declare const __ASTREINTE_VERSION__: string | undefined;

process.exitCode = await runCommand(
  process.argv.slice(2),
  nodeIo(typeof __ASTREINTE_VERSION__ === 'string' ? __ASTREINTE_VERSION__ : 'dev'),
);
