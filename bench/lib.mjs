/**
 * The library under test: the built package (`dist/index.js`, what `npm run bench` builds). `ASTREINTE_MODULE`
 * may point elsewhere (an absolute path), e.g. to compare against another build.
 *
 * Without `ASTREINTE_MODULE`, the first process copies the ESM files of `dist/` (`index.js` and the chunks it
 * imports) to a snapshot folder and sets `ASTREINTE_MODULE` to its `index.js`, so that its child processes (workloads 4 and 5), which inherit the environment, load the very same build even
 * if someone rebuilds `dist/` meanwhile (tsup empties it first: children then failed with ERR_MODULE_NOT_FOUND on a
 * shared checkout). The snapshot sits in `node_modules/.cache/astreinte-bench/` so that the bundle's bare imports
 * (rrule, zod) resolve as from `dist/`; it is removed when the process exits.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

function snapshotDist() {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const dir = fileURLToPath(
    new URL(`../node_modules/.cache/astreinte-bench/${process.pid}/`, import.meta.url),
  );
  mkdirSync(dir, { recursive: true });
  // dist/ may be mid-rebuild by someone else: retry for a while.
  for (let attempt = 0; ; attempt++) {
    try {
      const files = readdirSync(dist).filter(
        (f) => ['index.js', 'reports.js', 'ical.js', 'node.js'].includes(f) || /^chunk-.*\.js$/.test(f),
      );
      if (!files.includes('index.js')) throw new Error('dist/index.js is missing: run npm run build');
      for (const file of files) copyFileSync(dist + file, dir + file);
      break;
    } catch (error) {
      if (attempt >= 60) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const snap = `${dir}index.js`;
  process.env.ASTREINTE_MODULE = snap;
  return snap;
}

const given = process.env.ASTREINTE_MODULE;
const path = given ?? snapshotDist();

export const lib = await import(pathToFileURL(path).href);
export const libUrl = pathToFileURL(path).href;
/** `astreinte/reports` of the same build (workload 11), beside `index.js`. */
export const reports = await import(new URL('./reports.js', libUrl).href);
/** `astreinte/ical` and `astreinte/node` of the same build (workload 9). */
export const icalUrl = new URL('./ical.js', libUrl).href;
export const nodeUrl = new URL('./node.js', libUrl).href;
/** What to print as the library under test. */
export const libLabel = given ? given : 'dist/index.js (snapshot shared with the child processes)';
