import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

// The compiled response validators are most of the code: whitespace out, names kept for stack traces. ESM: the
// library and the CLI (which the launcher imports) share one chunk; CommonJS: the library alone. One copy each.
const minified = { minifyWhitespace: true, minifySyntax: true };

export default defineConfig([
  // the two runs go side by side, so neither cleans (one's clean raced the other's declarations): the build script
  // empties dist/ before both
  {
    ...library,
    ...minified,
    format: ['esm'],
    entry: { index: 'src/index.ts', 'cli/contract': 'src/cli/contract.ts' },
    clean: false,
  },
  { ...library, ...minified, format: ['cjs'], entry: { index: 'src/index.ts' }, clean: false },
]);
