import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

const node = {
  index: 'src/index.ts',
  'vitest-global-setup': 'src/vitest-global-setup.ts',
  'cli/mock': 'src/cli/mock.ts',
};
const portable = { 'fake/index': 'src/fake/index.ts', msw: 'src/msw.ts' };

export default defineConfig([
  // Node: the mock server, the globalSetup, the CLI (code splitting between them). Its declaration build writes
  // the declarations of every entry, so the two builds, which run side by side, never clean each other's.
  { ...library, entry: node, dts: { entry: { ...node, ...portable } }, clean: ['!fake/**', '!msw.*'] },
  // The fake and its MSW handlers, for Workers and browsers: bundled on their own, sharing no chunk with the Node
  // entries (esbuild turns modules a CommonJS-wrapped CLI reaches into lazily initialised ones, and an entry that
  // only imports from such a chunk never initialises them: the fake failed in workerd that way).
  { ...library, entry: portable, dts: false, clean: false },
]);
