import path from 'node:path';
import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

/** Builds a file's `.browser.ts` sibling where there is one: no openapi-fetch, no node:http, no Attempt class. */
const browserFiles = {
  name: 'browser-files',
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { path: string; resolveDir: string }) => object) => void }) {
    build.onResolve({ filter: /^\.\/(raw-client|node-http|attempt)$/ }, (args) => ({
      path: path.join(args.resolveDir, `${args.path}.browser.ts`),
    }));
  },
};

export default defineConfig([
  // `./webhooks` (server-side) and `./presets` (presets as code): subpaths of their own, so that the main entry (and
  // its browser bundle) carries none of them
  {
    ...library,
    entry: { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts', presets: 'src/presets/index.ts' },
  },
  // The `browser` export condition: no openapi-fetch (raw), no environment variables, no Node-only error codes.
  {
    ...library,
    entry: { 'index.browser': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __RTK_BROWSER__: 'true' },
    esbuildPlugins: [browserFiles],
  },
]);
