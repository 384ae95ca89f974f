/**
 * The README's snippets run as they are: every ```ts block preceded by `<!-- run: test/docs/readme.test.ts -->` is
 * bundled with esbuild (the package's entries mapped to `src/`), run in a child Node process from the repository's
 * root, and must exit 0 with an empty stderr; each `// prints: X` comment must be a line of what it printed, in
 * order. So the README's figures are the code's. `fetch` of a repository path (the front end's snippet) is served
 * from the disk by a small preload, as a dev server would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MARK = '<!-- run: test/docs/readme.test.ts -->';

/** The marked snippets of a Markdown text, with the line each starts on. */
function markedSnippets(markdown: string): { line: number; code: string }[] {
  const lines = markdown.split('\n');
  const out: { line: number; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== MARK) continue;
    if (lines[i + 1]?.trim() !== '```ts')
      throw new Error(`README.md:${i + 1}: the mark is not followed by a ts block`);
    const end = lines.indexOf('```', i + 2);
    out.push({ line: i + 3, code: lines.slice(i + 2, end).join('\n') });
    i = end;
  }
  return out;
}

/** The `// prints: X` comments of a snippet, in order. */
function expectedLines(code: string): string[] {
  return [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]!.trimEnd());
}

const dir = path.join(tmpdir(), `astreinte-readme-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FETCH_PRELOAD = `
import { readFile } from 'node:fs/promises';
globalThis.fetch = async (p) => { const t = await readFile(String(p), 'utf8'); return { ok: true, json: async () => JSON.parse(t), text: async () => t }; };
`;

const ALIASES: Record<string, string> = {
  'astreinte/node': 'src/node/index.ts',
  'astreinte/ical': 'src/ical/index.ts',
  'astreinte/reports': 'src/reporting/index.ts',
  astreinte: 'src/index.ts',
};

describe('README.md snippets', () => {
  const snippets = markedSnippets(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

  it('has the snippets the quick start and the capability examples promise', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(8);
  });

  it.each(snippets.map((s) => [s.line, s] as const))(
    'the snippet at README.md:%i runs and prints what it says',
    async (_, s) => {
      mkdirSync(dir, { recursive: true });
      const entry = path.join(dir, `snippet-${s.line}.ts`);
      const out = path.join(dir, `snippet-${s.line}.mjs`);
      const preload = path.join(dir, 'fetch.mjs');
      writeFileSync(entry, s.code);
      writeFileSync(preload, FETCH_PRELOAD);
      await build({
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'esm',
        logLevel: 'silent',
        alias: Object.fromEntries(Object.entries(ALIASES).map(([k, v]) => [k, path.join(ROOT, v)])),
      });
      const stdout = execFileSync(process.execPath, ['--import', preload, out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Chatham' }, // the host zone must change nothing
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const printed = stdout.split('\n').map((l) => l.trimEnd());
      let at = 0;
      for (const want of expectedLines(s.code)) {
        const found = printed.indexOf(want, at);
        expect(found, `README.md:${s.line}: expected a line "${want}" in\n${stdout}`).toBeGreaterThanOrEqual(
          0,
        );
        at = found + 1;
      }
    },
  );
});
