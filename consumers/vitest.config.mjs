import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    include: ['*.test.mjs'],
    // pack and npm-install the tarballs once for every test file
    globalSetup: ['./global-setup.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
