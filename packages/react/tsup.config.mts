import { defineConfig } from 'tsup';
import { esmTypesOf, generatedDocsLeftOut, library } from '../../build.shared.mts';

// The hooks run in the browser: the entry is marked for the Next.js app router. Keys and query options, for server
// code too (prefetch in a Server Component), have no directive. Each in CommonJS with the declarations and in ESM
// whose .d.mts re-export them (one copy of the types). The runs go side by side, so none cleans: the build script
// empties dist/ before them.
const hooks = { index: 'src/index.ts' };
const queries = { queries: 'src/queries.ts' };
const common = { ...library, clean: false, esbuildPlugins: [generatedDocsLeftOut] };

export default defineConfig([
  { ...common, format: ['cjs'], entry: hooks, banner: { js: "'use client';" } },
  {
    ...common,
    format: ['esm'],
    entry: hooks,
    banner: { js: "'use client';" },
    dts: false,
    onSuccess: esmTypesOf(hooks),
  },
  { ...common, format: ['cjs'], entry: queries },
  { ...common, format: ['esm'], entry: queries, dts: false, onSuccess: esmTypesOf(queries) },
]);
