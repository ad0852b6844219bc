import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

const node = {
  index: 'src/index.ts',
  'vitest-global-setup': 'src/vitest-global-setup.ts',
  'cli/mock': 'src/cli/mock.ts',
  openapi: 'src/openapi.ts',
};
/**
 * Imports matching `filter` become imports of the package's own `subpath` (external, by name), but in the modules
 * `bundles` picks, which are that entry's own: what they lead to is then in the package once per format, not once per
 * CommonJS entry (tsup splits only ESM: index, the globalSetup and the CLI would each hold a copy).
 */
const byName = (filter: RegExp, subpath: string, bundles: (importer: string) => boolean) => ({
  name: `by-name-${subpath}`,
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { importer: string }) => object | undefined) => void }) {
    build.onResolve({ filter }, ({ importer }) =>
      bundles(importer) ? undefined : { path: `@realtimekit-meetings/mock/${subpath}`, external: true },
    );
  },
});
const nodeByName = [
  // the effective document (190 kB), which prism-handler.ts reads: in the `./openapi` entry only
  byName(/\/generated\/document\.gen$/, 'openapi', (importer) => path.basename(importer) === 'openapi.ts'),
  // the fake (its validators are 2.6 MB), which the server, the globalSetup and the CLI start: in `./fake` only (six
  // copies before). What they read of it is what that entry exports, but for its core (fake-core.ts, found by a
  // registered symbol) and its limits (state.ts, values only), which they bundle.
  byName(/fake\/(index|create-fake)$/, 'fake', (importer) => path.basename(path.dirname(importer)) === 'fake'),
];

const portable = { 'fake/index': 'src/fake/index.ts', msw: 'src/msw.ts' };

export default defineConfig([
  // Node: the mock server, the globalSetup, the CLI (code splitting between them). Its declaration build writes
  // the declarations of every entry, so the two builds, which run side by side, never clean each other's.
  {
    ...library,
    entry: node,
    dts: { entry: { ...node, ...portable } },
    clean: ['!fake/**', '!msw.*'],
    esbuildPlugins: nodeByName,
    // the document once, in CommonJS (190 kB): the ES module entry re-exports it (Node reads its named export)
    onSuccess: async () => writeFileSync('dist/openapi.mjs', "export { openapiDocument } from './openapi.js';\n"),
  },
  // The fake and its MSW handlers, for Workers and browsers: bundled on their own, sharing no chunk with the Node
  // entries (esbuild turns modules a CommonJS-wrapped CLI reaches into lazily initialised ones, and an entry that
  // only imports from such a chunk never initialises them: the fake failed in workerd that way).
  { ...library, entry: portable, dts: false, clean: false },
]);
