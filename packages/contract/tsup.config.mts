import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

// The compiled response validators are most of the code: whitespace out, names kept for stack traces. ESM: the
// library and the CLI (which the launcher imports) share one chunk; CommonJS: the library alone. One copy each.
const minified = { minifyWhitespace: true, minifySyntax: true };

export default defineConfig([
  { ...library, ...minified, format: ['esm'], entry: { index: 'src/index.ts', 'cli/contract': 'src/cli/contract.ts' } },
  { ...library, ...minified, format: ['cjs'], entry: { index: 'src/index.ts' }, clean: false },
]);
