import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests over real zones are CPU-bound; give them room on a 2-core machine.
    testTimeout: 60_000,
    pool: 'threads',
    // The same fast-check cases on every run (FC_SEED to change them; see the file).
    setupFiles: ['test/support/fast-check-seed.ts'],
  },
});
