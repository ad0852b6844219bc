import path from 'node:path';
import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

/** Builds the `.browser.ts` sibling of each file named in `files` (`./raw-client` -> `./raw-client.browser.ts`). */
const browserFiles = (files: string[]) => ({
  name: 'browser-files',
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { path: string; resolveDir: string }) => object) => void }) {
    build.onResolve({ filter: new RegExp(`^\\./(${files.join('|')})$`) }, (args) => ({
      path: path.join(args.resolveDir, `${args.path}.browser.ts`),
    }));
  },
});

/** No openapi-fetch (raw), no node:http, no Attempt class, no environment variables, no Node-only error codes. */
const withoutNode = ['raw-client', 'node-http', 'attempt'];
const fetchOnly = {
  ...library,
  format: ['esm' as const],
  dts: false,
  clean: false,
  define: { __RTK_BROWSER__: 'true' },
};

export default defineConfig([
  // `./webhooks` (server-side) and `./presets` (presets as code): subpaths of their own, so that the main entry (and
  // its browser bundle) carries none of them
  {
    ...library,
    entry: { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts', presets: 'src/presets/index.ts' },
  },
  // The `browser` export condition: nothing of Node, and no table of every operation (request() by operationId)
  {
    ...fetchOnly,
    entry: { 'index.browser': 'src/index.ts' },
    esbuildPlugins: [browserFiles([...withoutNode, 'request-by-id'])],
  },
  // The `worker` export condition (Cloudflare Workers, edge runtimes: servers without Node's modules): nothing of
  // Node, and request() by operationId
  { ...fetchOnly, entry: { 'index.worker': 'src/index.ts' }, esbuildPlugins: [browserFiles(withoutNode)] },
]);
