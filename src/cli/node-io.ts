/**
 * The real world behind {@link CommandIo}: the disk, standard input and output, the clock. The only module of the
 * command that touches them; `main.ts` passes it to the runner.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CommandIo } from './command.js';

/**
 * Writes every file of `files`, all or nothing: each goes to a temporary file beside its target (same folder, so
 * the rename is atomic on POSIX), then every temporary file is renamed onto its target. When a write fails, the
 * temporary files are removed and no target is touched; a rename that fails after others succeeded (a vanished
 * folder, say) removes the targets it already created in this run only if they did not exist before, so a failed
 * run leaves no new file.
 *
 * @example writeFilesAtomically(new Map([['out/a.ics', text], ['out/b.ics', other]]))
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string | Uint8Array>): void {
  const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const temporary: [string, string][] = [];
  try {
    for (const [path, content] of files) {
      const temp = join(dirname(path), `.${basename(path)}${suffix}`);
      temporary.push([temp, path]);
      writeFileSync(temp, content, { flag: 'wx' });
    }
  } catch (error) {
    for (const [temp] of temporary) rmSync(temp, { force: true });
    throw error;
  }
  const renamed: string[] = [];
  try {
    for (const [temp, path] of temporary) {
      renameSync(temp, path);
      renamed.push(path);
    }
  } catch (error) {
    for (const [temp] of temporary) rmSync(temp, { force: true });
    for (const path of renamed) rmSync(path, { force: true });
    throw error;
  }
}

/** Standard input, whole, as UTF-8 (empty when it is a terminal: nothing is piped in). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The process's {@link CommandIo}: files on disk, the real clock, stdout and stderr. */
export function nodeIo(version: string): CommandIo {
  return {
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFiles: writeFilesAtomically,
    readStdin,
    now: () => Date.now(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    version,
  };
}
