/**
 * The real world behind {@link CommandIo}: the disk, standard input and output, the clock. The only module of the
 * command that touches them; `main.ts` passes it to the runner.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CommandIo } from './command.js';

/**
 * Writes every file of `files`, all or nothing: missing folders are created, each file goes to a temporary file
 * beside its target (same folder, so
 * the rename is atomic on POSIX), then every temporary file is renamed onto its target. When a write fails, the
 * temporary files are removed and no target is touched. A target that was there is kept under a second name (a
 * hard link, or a copy) until every rename has succeeded, so a rename that fails after others did (a vanished
 * folder, a folder in a file's place) puts back the files that were there, as they were, and removes the new ones:
 * a failed run changes no file.
 *
 * @example writeFilesAtomically(new Map([['out/a.ics', text], ['out/b.ics', other]]))
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string | Uint8Array>): void {
  const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const temporary: [string, string][] = [];
  const created: string[] = [];
  try {
    for (const [path, content] of files) {
      const folder = dirname(path);
      if (!existsSync(folder)) {
        const first = mkdirSync(folder, { recursive: true });
        if (first !== undefined) created.push(...foldersBetween(first, folder));
      }
      const temp = join(dirname(path), `.${basename(path)}${suffix}`);
      temporary.push([temp, path]);
      writeFileSync(temp, content, { flag: 'wx' });
    }
  } catch (error) {
    for (const [temp] of temporary) removeQuietly(temp);
    removeFolders(created);
    throw targeted(error, temporary.at(-1)?.[1]);
  }
  const kept = new Map<string, string>();
  const renamed: string[] = [];
  let current: string | undefined;
  try {
    for (const [, path] of temporary) {
      current = path;
      const backup = keepOld(path, suffix);
      if (backup !== undefined) kept.set(path, backup);
    }
    for (const [temp, path] of temporary) {
      current = path;
      renameSync(temp, path);
      renamed.push(path);
    }
  } catch (error) {
    for (const [temp] of temporary) removeQuietly(temp);
    const stranded = new Set<string>();
    for (const path of renamed) {
      const backup = kept.get(path);
      if (backup === undefined) removeQuietly(path);
      else if (!restored(backup, path)) stranded.add(backup);
    }
    for (const backup of kept.values()) if (!stranded.has(backup)) removeQuietly(backup);
    removeFolders(created);
    throw targeted(error, current);
  }
  for (const backup of kept.values()) removeQuietly(backup);
}

/**
 * When a file (or link) is at `path`, gives it a second name beside it (a hard link, or a copy where links are
 * refused) and returns that name; `undefined` when nothing is there, or a folder (its rename will fail).
 */
function keepOld(path: string, suffix: string): string | undefined {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined || stat.isDirectory()) return undefined;
  const backup = join(dirname(path), `.${basename(path)}${suffix}.old`);
  try {
    linkSync(path, backup);
  } catch {
    copyFileSync(path, backup);
  }
  return backup;
}

/** Puts a kept file back in its place; `false` when even that fails (the kept copy must then stay, the only one). */
function restored(backup: string, path: string): boolean {
  try {
    renameSync(backup, path);
    return true;
  } catch {
    return false;
  }
}

/**
 * `first` (the outermost folder mkdir created) and every folder below it down to `last`, outermost first, as
 * absolute paths (relative ones are read from the working folder).
 *
 * @example foldersBetween('/tmp/out', '/tmp/out/feeds') // ['/tmp/out', '/tmp/out/feeds']
 */
export function foldersBetween(first: string, last: string): string[] {
  const top = resolve(first);
  const folders: string[] = [];
  // Walk up from `last` to `top`; stop at the root too, whatever mkdir reported.
  for (let folder = resolve(last); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (folder === top || dirname(folder) === folder) return folders;
  }
}

/** Removes a file if it is there; a path that cannot even be looked at (under a file, say) has nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // ENOTDIR and the like: no such file was created.
  }
}

/** Removes folders this run created, innermost first, only if they are empty (as they are after a failure). */
function removeFolders(created: readonly string[]): void {
  for (const folder of [...created].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (another file, another run): leave it.
    }
  }
}

/** The error with `path` naming the file the caller asked for, not the temporary file beside it. */
function targeted(error: unknown, target: string | undefined): unknown {
  if (target !== undefined && error instanceof Error && 'path' in error) {
    return Object.assign(error, { path: target });
  }
  return error;
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
  // A reader that stops early (`astreinte demo | head`) closes the pipe: stop quietly, as Unix tools do. Any other
  // failure (a full disk behind `> file`) is said in one line, with exit 2 as for a file --out cannot write.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(
      `astreinte: standard output cannot be written (${error.code ?? error.name}); what it shows is incomplete\n`,
    );
    process.exit(2);
  });
  return {
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFiles: writeFilesAtomically,
    exists: (path) => existsSync(path),
    readStdin,
    now: () => Date.now(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    colour: process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === '',
    version,
  };
}
