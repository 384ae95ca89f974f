/**
 * The library under test: the built package (`dist/index.js`, what `npm run bench` builds). `ASTREINTE_MODULE`
 * may point elsewhere (an absolute path), e.g. to compare against another build.
 */
import { pathToFileURL } from 'node:url';

const target = process.env.ASTREINTE_MODULE
  ? pathToFileURL(process.env.ASTREINTE_MODULE).href
  : new URL('../dist/index.js', import.meta.url).href;

export const lib = await import(target);
export const libUrl = target;
