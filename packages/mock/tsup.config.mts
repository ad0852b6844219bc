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

/**
 * The fake (its validators are 2.6 MB of generated code) once per format: the Node entries import it by the package's
 * own name, `@realtimekit-meetings/mock/fake`, the portable build's entry, instead of bundling it (the CommonJS entries
 * share no chunks: index, the globalSetup and the CLI each held a copy, six in all). What a Node module reads of the
 * fake is what that entry exports, but for its core (fake-core.ts, which finds it by a registered symbol) and the
 * limits (state.ts: values only), which stay bundled.
 */
const fakeOnce = {
  name: 'fake-once',
  setup(build: {
    onResolve: (
      o: { filter: RegExp },
      f: (a: { path: string; importer: string; resolveDir: string }) => object | undefined,
    ) => void;
  }) {
    build.onResolve({ filter: /fake\/(index|create-fake)$/ }, ({ path: file, importer, resolveDir }) => {
      const target = path.resolve(resolveDir, file);
      const inFake = path.dirname(importer) === path.dirname(target);
      return inFake ? undefined : { path: '@realtimekit-meetings/mock/fake', external: true };
    });
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
    esbuildPlugins: [documentOnce, fakeOnce],
  },
  // The fake and its MSW handlers, for Workers and browsers: bundled on their own, sharing no chunk with the Node
  // entries (esbuild turns modules a CommonJS-wrapped CLI reaches into lazily initialised ones, and an entry that
  // only imports from such a chunk never initialises them: the fake failed in workerd that way).
  { ...library, entry: portable, dts: false, clean: false },
]);
