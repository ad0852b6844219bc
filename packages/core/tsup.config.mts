import { defineConfig } from 'tsup';
import { esmTypesOf, generatedDocsLeftOut, library } from '../../build.shared.mts';

const entry = { index: 'src/index.ts' };

// CommonJS with the declarations, ESM whose .d.mts re-export them (one copy of the types). The two runs go side by
// side, so neither cleans: the build script empties dist/ before both.
export default defineConfig([
  { ...library, format: ['cjs'], entry, clean: false, esbuildPlugins: [generatedDocsLeftOut] },
  {
    ...library,
    format: ['esm'],
    entry,
    dts: false,
    clean: false,
    esbuildPlugins: [generatedDocsLeftOut],
    onSuccess: esmTypesOf(entry),
  },
]);
