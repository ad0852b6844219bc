// Settings every package shares, imported by each package's tsup.config.mts and vitest.config.mts. Plain objects,
// so that this file needs neither tool installed at the root.
import { readFileSync, writeFileSync } from 'node:fs';

/** tsup: dual ESM + CommonJS with declarations for both, for the Node 20 and browser targets we support. */
export const library = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  dts: true,
  clean: true,
  target: 'es2022',
};

/**
 * tsup, the ESM run of a package whose CommonJS run writes the declarations: each entry's `.d.mts` is one line,
 * `export * from './<entry>.js'`, the CommonJS declarations, which tsup would otherwise write a second time (the same
 * text: 300 kB of core's types). TypeScript reads a CommonJS module's named exports from ESM; `attw --pack` checks
 * that every entry resolves in both formats.
 */
export const esmTypesOf = (entries: Record<string, string>) => async () => {
  for (const name of Object.keys(entries)) writeFileSync(`dist/${name}.d.mts`, `export * from './${name}.js';\n`);
};

/**
 * esbuild: the JSDoc of generated files (`*.gen.ts`) left out of the JavaScript. It is the spec's prose for each
 * operation, which the declarations carry for editors; in the JavaScript it was a third copy (ESM, CommonJS, browser)
 * and most of the install. The code, with each call's verb and path, is unchanged; the declarations keep the docs.
 * A comment counts when it fills its lines: one ending before code on its line stays, with the code.
 */
export const generatedDocsLeftOut = {
  name: 'generated-docs-left-out',
  setup(build: { onLoad: (o: { filter: RegExp }, f: (a: { path: string }) => object) => void }) {
    build.onLoad({ filter: /\.gen\.tsx?$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(/^[ \t]*\/\*\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\n/gm, ''),
      loader: path.endsWith('x') ? 'tsx' : 'ts',
    }));
  },
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
