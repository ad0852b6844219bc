// @ts-check
// Mutation testing (StrykerJS 9.6, the vitest runner), shared by each package's stryker.config.mjs. Not part of
// `pnpm test`: it takes minutes. `pnpm test:mutation` runs every package; the HTML reports land in .artifacts/.

// Told to the test runs Stryker starts (they inherit the environment), so a config can leave out what checks the
// built dist/ rather than the sources Stryker mutates.
process.env.STRYKER_RUN = '1';

/**
 * @param {string} name the package folder under packages/
 * @param {{ break: number }} thresholds the score under which the run fails
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const mutation = (name, thresholds) => ({
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.mts' },
  mutate: [
    'src/**/*.{ts,tsx}',
    '!src/**/*.test.{ts,tsx}',
    '!src/**/*.test-d.{ts,tsx}',
    '!src/generated/**',
    '!src/**/*.d.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `../../.artifacts/mutation/${name}/index.html` },
  jsonReporter: { fileName: `../../.artifacts/mutation/${name}/report.json` },
  // Stryker requires high > low
  thresholds: { high: Math.max(95, thresholds.break + 1), low: thresholds.break, break: thresholds.break },
  // in place, not in a sandbox copy: the packages' vitest configs import ../../build.shared.mts, which a copy of one
  // package lacks. Stryker puts every mutated file back when it ends (Ctrl-C included).
  inPlace: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
});
