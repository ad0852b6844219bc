// Settings every package shares, imported by each package's tsup.config.mts and vitest.config.mts. Plain objects,
// so that this file needs neither tool installed at the root.

/** tsup: dual ESM + CommonJS with declarations for both, for the Node 20 and browser targets we support. */
export const library = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  dts: true,
  clean: true,
  target: 'es2022',
};

/**
 * vitest: a JSON report per package (scripts/test.mjs adds them up into "N passed, N failed"), type tests in
 * `*.test-d.ts(x)`, and timeouts with room for spawn-heavy tests on a 2-core machine.
 */
export const tests = {
  // vi.stubEnv and vi.stubGlobal are undone after every test, whatever the test body does or throws
  unstubEnvs: true,
  unstubGlobals: true,
  testTimeout: 30_000,
  hookTimeout: 30_000,
  include: ['src/**/*.test.{ts,tsx}'],
  typecheck: { enabled: true, include: ['src/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
  reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]] as [string, [string, { outputFile: string }]],
};
