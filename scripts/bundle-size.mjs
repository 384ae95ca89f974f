// Bundles each page of test/package/bundle/ for the browser, as a front end would (esbuild, --bundle --minify
// --platform=browser --format=esm, dependencies included, no Node polyfills), and checks its gzip size against
// scripts/bundle-budgets.mjs. Prints one line per page and the share of each dependency (from esbuild's metafile).
//
//   node scripts/bundle-size.mjs [--consumer <dir>] [--markdown]
//
// --consumer: a folder where `astreinte` is installed (test-package.sh passes its throwaway project, so the
// published tarball is what gets measured); without it, the repository's own built package is linked into a
// temporary folder (run `npm run build` first). --markdown prints a table for BENCHMARKS.md instead.
// Exit code 1 when a page is over budget, or when a page cannot be bundled for the browser (a `node:` import).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BUDGETS } from './bundle-budgets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const consumerArg = args[args.indexOf('--consumer') + 1];

let consumer = args.includes('--consumer') ? path.resolve(consumerArg ?? '.') : undefined;
let temporary;
if (consumer === undefined) {
  temporary = mkdtempSync(path.join(os.tmpdir(), 'astreinte-bundle-'));
  mkdirSync(path.join(temporary, 'node_modules'));
  symlinkSync(root, path.join(temporary, 'node_modules', 'astreinte'), 'dir');
  consumer = temporary;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
/** The package an input file belongs to: `own` for astreinte's code, else the dependency's name. */
function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return 'own';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return name === 'astreinte' ? 'own' : name;
}

const results = [];
let failed = false;
try {
  const pages = path.join(consumer, 'bundle-pages');
  mkdirSync(pages, { recursive: true });
  for (const budget of BUDGETS) {
    const entry = path.join(pages, budget.entry);
    copyFileSync(path.join(root, 'test/package/bundle', budget.entry), entry);
    let out;
    try {
      out = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
        absWorkingDir: consumer,
      });
    } catch (error) {
      failed = true;
      const messages = (error.errors ?? []).map(
        (e) => `${e.text}${e.location ? ` (${e.location.file})` : ''}`,
      );
      console.log(
        `FAIL  ${budget.entry}: cannot be bundled for the browser:\n      ${messages.join('\n      ')}`,
      );
      continue;
    }
    const code = out.outputFiles[0].contents;
    const gzip = gzipSync(code, { level: 9 }).length;
    const shares = {};
    for (const { inputs } of Object.values(out.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const name = packageOf(input);
        shares[name] = (shares[name] ?? 0) + bytesInOutput;
      }
    }
    const nodeImport = /\bnode:[a-z]/.test(Buffer.from(code).toString('utf8'));
    const over = gzip > budget.kb * 1000;
    if (over || nodeImport) failed = true;
    results.push({ ...budget, minified: code.length, gzip, shares, over, nodeImport });
  }
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}

if (markdown) {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.shares)))].sort();
  console.log(`| page | minified | gzip | budget | ${names.map((n) => `${n} (min)`).join(' | ')} |`);
  console.log(`|---|---:|---:|---:|${names.map(() => '---:').join('|')}|`);
  for (const r of results) {
    const cells = names.map((n) => (r.shares[n] ? `${kb(r.shares[n])} kB` : '-'));
    console.log(
      `| ${r.what} | ${kb(r.minified)} kB | ${kb(r.gzip)} kB | ${r.kb} kB | ${cells.join(' | ')} |`,
    );
  }
} else {
  for (const r of results) {
    const shares = Object.entries(r.shares)
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${Math.round((100 * bytes) / r.minified)}%`)
      .join(', ');
    const status = r.over || r.nodeImport ? 'FAIL' : 'ok  ';
    const why = r.nodeImport ? '; imports a Node built-in' : r.over ? '; OVER BUDGET' : '';
    console.log(
      `${status}  ${r.entry}: ${kb(r.gzip)} kB gzip (budget ${r.kb} kB), ${kb(r.minified)} kB minified; ${shares}${why}`,
    );
  }
}
process.exit(failed ? 1 : 0);
