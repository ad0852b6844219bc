import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // a spec:update run regenerates every package for 62 operations: 10 to 30 s on a loaded 2-core machine, and a
    // test makes up to two
    testTimeout: 90_000,
    // every core (Vitest 4 uses one less): the spec:update fixtures and the add-operation test, each minutes long,
    // then run side by side instead of one after the other, at the end of `pnpm test`
    maxWorkers: '100%',
    include: ['*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
