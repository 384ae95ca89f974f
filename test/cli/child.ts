// The command as a child process, for the test files that run it so: the bundle (src/cli/main.ts built by esbuild,
// as tsup builds dist/cli.js, so no `npm run build` is needed), a synchronous run with piped streams, a long-lived
// one for `serve`, and the byte-for-byte listing of a folder that shows what a run wrote.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect } from 'vitest';

/** The repository's root (the folder the examples' relative paths are read from). */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** Bundles the command into `dir/cli.mjs` and returns that path; once per test file, in `beforeAll`. */
export async function bundleCli(dir: string, version = '0.0.0-test'): Promise<string> {
  const cli = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __ASTREINTE_VERSION__: JSON.stringify(version) },
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return cli;
}

/** A test file's temporary folder and the bundle in it, set by {@link useCli}'s `beforeAll`. */
export interface CliFolder {
  /** The temporary folder, removed after the file's tests. */
  dir: string;
  /** The bundled command in it. */
  cli: string;
}

/**
 * Registers the `beforeAll` that makes a temporary folder and bundles the command into it, and the `afterAll` that
 * removes it; the fields are set once `beforeAll` has run (later `beforeAll` hooks of the file see them).
 */
export function useCli(prefix: string): CliFolder {
  const folder: CliFolder = { dir: '', cli: '' };
  beforeAll(async () => {
    folder.dir = mkdtempSync(join(tmpdir(), prefix));
    folder.cli = await bundleCli(folder.dir);
  }, 60_000);
  afterAll(() => rmSync(folder.dir, { recursive: true, force: true }));
  return folder;
}

/** What one run of the command gave: its exit code and both streams. */
export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface ChildOptions {
  /** Working folder (default: the repository's root). */
  readonly cwd?: string;
  /** Standard input's text (default: none, closed at once). */
  readonly input?: string;
}

/**
 * Runs the bundled command to its end with pipes for all three streams (no terminal: no colour, no progress
 * line), in a host zone far from the team's so that a dependence on it shows.
 */
export function runCli(cli: string, args: readonly string[], options: ChildOptions = {}): ChildResult {
  const out = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, TZ: 'Asia/Kolkata' },
    timeout: 30_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A line of a JavaScript stack trace (`    at f (file.js:1:2)`). */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/**
 * Checks a run refused its input as bad input should: exit 2, nothing on standard output, standard error
 * starting `astreinte: ` and no stack trace.
 */
export function expectRefused(out: ChildResult, what: string): void {
  expect(out.code, `${what}\n${out.stderr}`).toBe(2);
  expect(out.stdout, what).toBe('');
  expect(out.stderr, what).toMatch(/^astreinte: /);
  expect(out.stderr, what).not.toMatch(STACK_LINE);
}

/** Every file below `dir` (relative path to its bytes), recursively, in sorted order; folders as `path/`. */
export function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        files.set(`${prefix}${name}/`, '');
        walk(path, `${prefix}${name}/`);
      } else {
        files.set(`${prefix}${name}`, readFileSync(path, 'latin1'));
      }
    }
  };
  walk(dir, '');
  return files;
}

/** A command that runs until it is stopped (`serve`): its output so far, a wait for a line, and a stop. */
export interface LongRun {
  readonly child: ChildProcess;
  /** Standard output and standard error so far, interleaved as they came. */
  readonly output: () => string;
  /** Waits (at most `ms`) until the output matches `pattern`, and returns the match; throws with the output. */
  readonly waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>;
  /** Sends SIGTERM and resolves with the exit code once the process has ended (SIGKILL after 5 s). */
  readonly stop: () => Promise<number | null>;
}

/** Starts the bundled command without waiting for its end; the caller must `stop()` it (in `finally`). */
export function startCli(cli: string, args: readonly string[], cwd = ROOT): LongRun {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, TZ: 'Asia/Kolkata' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => log,
    async waitFor(pattern, ms = 10_000) {
      for (const start = Date.now(); Date.now() - start < ms; ) {
        const found = pattern.exec(log);
        if (found !== null) return found;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no ${pattern} in the output of astreinte ${args.join(' ')}:\n${log}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        const code = await ended;
        clearTimeout(timer);
        return code;
      }
      return ended;
    },
  };
}
