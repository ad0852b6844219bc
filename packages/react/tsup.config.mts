import { defineConfig } from 'tsup';
import { generatedDocsLeftOut, library } from '../../build.shared.mts';

// The hooks run in the browser: the entry is marked for the Next.js app router. Keys and query options, for server
// code too (prefetch in a Server Component), have no directive. Each format keeps its own declarations (unlike core's
// and the client's ESM ones, which re-export the CommonJS ones): they name TanStack Query's types, whose unique
// symbols (dataTagSymbol) differ between its ESM and CommonJS declarations, so an ESM consumer's QueryClient would
// not take options typed through the CommonJS ones. The two runs go side by side, so neither cleans: the build
// script empties dist/ before both.
const common = { ...library, clean: false, esbuildPlugins: [generatedDocsLeftOut] };

export default defineConfig([
  { ...common, entry: ['src/index.ts'], banner: { js: "'use client';" } },
  { ...common, entry: ['src/queries.ts'] },
]);
