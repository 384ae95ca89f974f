// Builds the example page into examples/web/dist/: index.html and style.css copied, app.js bundled by esbuild with
// the library (minified, for browsers). In the repository the page imports the library's source (alias below);
// in your own project, `npm install astreinte` and the same `import ... from 'astreinte'` takes the package.
//
// Run: npm run web (then open examples/web/dist/index.html, or serve the folder). Also used by the browser test
// (test/examples/web.test.ts), which imports buildWebPage.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = new URL('./', import.meta.url);

/**
 * Builds the page into `outDir` (default examples/web/dist) and returns the bundle's size in bytes, raw and gzip
 * (level 9, as scripts/bundle-size.mjs measures the library's pages).
 */
export async function buildWebPage(outDir = fileURLToPath(new URL('dist/', here))) {
  mkdirSync(outDir, { recursive: true });
  for (const file of ['index.html', 'style.css']) copyFileSync(new URL(file, here), `${outDir}/${file}`);
  await build({
    entryPoints: [fileURLToPath(new URL('app.js', here))],
    outfile: `${outDir}/app.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    alias: { astreinte: fileURLToPath(new URL('../../src/index.ts', here)) },
    logLevel: 'warning',
  });
  const bundle = readFileSync(`${outDir}/app.js`);
  return { bytes: bundle.length, gzipBytes: gzipSync(bundle, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, gzipBytes } = await buildWebPage();
  console.log(
    `examples/web/dist/app.js: ${(bytes / 1000).toFixed(1)} kB, ${(gzipBytes / 1000).toFixed(1)} kB gzip`,
  );
}
