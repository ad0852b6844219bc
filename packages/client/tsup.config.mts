import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig([
  { ...library, entry: ['src/index.ts'] },
  // The `browser` export condition: the same client without the Node-only fast path (see src/direct-fetch.ts).
  {
    ...library,
    entry: { 'index.browser': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __RTK_BROWSER__: 'true' },
  },
]);
