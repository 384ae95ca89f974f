// One fast-check seed for the whole suite, so `npm test` (and CI) runs the same cases every time: a red run is
// a regression, reproducible at once, never the luck of the draw. `FC_SEED=<n>` runs other cases; `FC_SEED=random`
// lets fast-check draw, to explore (a counterexample it finds goes into the property's `examples`, as in
// test/rota/rota.property.test.ts). Properties that set their own `seed` keep it.
import fc from 'fast-check';

const chosen = process.env.FC_SEED ?? '20261202';
if (chosen !== 'random') {
  const seed = Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED="${chosen}" (expected an integer or random)`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
