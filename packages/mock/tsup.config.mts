import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

const node = {
  index: 'src/index.ts',
  'vitest-global-setup': 'src/vitest-global-setup.ts',
  'cli/mock': 'src/cli/mock.ts',
  openapi: 'src/openapi.ts',
};
/**
 * The effective document (190 kB) once per format: the `./openapi` entry carries it, and the modules of other entries
 * that read it (prism-handler.ts) import that entry by the package's own name instead of bundling a copy each
 * (CommonJS entries share no chunks: index, the globalSetup and the CLI would each hold one).
 */
const documentOnce = {
  name: 'document-once',
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { importer: string }) => object | undefined) => void }) {
    build.onResolve({ filter: /\/generated\/document\.gen$/ }, ({ importer }) =>
      importer.endsWith('openapi.ts') ? undefined : { path: '@realtimekit-meetings/mock/openapi', external: true },
    );
  },
};

const portable = { 'fake/index': 'src/fake/index.ts', msw: 'src/msw.ts' };

export default defineConfig([
  // Node: the mock server, the globalSetup, the CLI (code splitting between them). Its declaration build writes
  // the declarations of every entry, so the two builds, which run side by side, never clean each other's.
  {
    ...library,
    entry: node,
    dts: { entry: { ...node, ...portable } },
    clean: ['!fake/**', '!msw.*'],
    esbuildPlugins: [documentOnce],
  },
  // The fake and its MSW handlers, for Workers and browsers: bundled on their own, sharing no chunk with the Node
  // entries (esbuild turns modules a CommonJS-wrapped CLI reaches into lazily initialised ones, and an entry that
  // only imports from such a chunk never initialises them: the fake failed in workerd that way).
  { ...library, entry: portable, dts: false, clean: false },
]);
