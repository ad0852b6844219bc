import path from 'node:path';
import { defineConfig } from 'tsup';
import { esmTypesOf, generatedDocsLeftOut, library } from '../../build.shared.mts';

type Build = {
  initialOptions: { format?: string };
  onResolve: (
    o: { filter: RegExp },
    f: (a: { path: string; resolveDir: string; importer: string; kind: string }) => object | undefined,
  ) => void;
};

/** Builds the `.browser.ts` sibling of each file named in `files` (`./raw-client` -> `./raw-client.browser.ts`). */
const browserFiles = (files: string[]) => ({
  name: 'browser-files',
  setup(build: Build) {
    build.onResolve({ filter: new RegExp(`^\\./(${files.join('|')})$`) }, (args) => ({
      path: path.join(args.resolveDir, `${args.path}.browser.ts`),
    }));
  },
});

/**
 * One RealtimeKitError for every entry of a format: each build imports `./errors.mjs` (ESM: the Node, browser and
 * worker builds, and the subpaths) or `./errors.js` (CommonJS) from dist instead of carrying its own copy, so that
 * `instanceof` holds across `require('@realtimekit-meetings/client')` and `require('…/webhooks')`, and across the
 * `worker` build and `…/presets`.
 */
const sharedErrors = {
  name: 'shared-errors',
  setup(build: Build) {
    const file = build.initialOptions.format === 'cjs' ? './errors.js' : './errors.mjs';
    build.onResolve({ filter: /^\.\.?\/(\.\.\/)?errors$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: file, external: true },
    );
  },
};

const ENTRIES = { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts', presets: 'src/presets/index.ts' };

/** The browser and worker builds' files: no openapi-fetch (raw), no node:http, no Attempt class. */
const withoutNode = ['raw-client', 'node-http', 'attempt'];

export default defineConfig([
  // `./webhooks` (server-side) and `./presets` (presets as code): subpaths of their own, so that the main entry (and
  // its browser bundle) carries none of them. `errors` is the class every entry imports (sharedErrors).
  {
    ...library,
    format: ['cjs'],
    entry: { ...ENTRIES, errors: 'src/errors.ts' },
    dts: { entry: ENTRIES },
    // the ESM run below empties dist/ when it starts; this one's would also delete esmTypesOf's .d.mts files once it ends
    clean: false,
    esbuildPlugins: [sharedErrors, generatedDocsLeftOut],
  },
  {
    ...library,
    format: ['esm'],
    entry: { ...ENTRIES, errors: 'src/errors.ts' },
    dts: false,
    esbuildPlugins: [sharedErrors, generatedDocsLeftOut],
    onSuccess: esmTypesOf(ENTRIES),
  },
  // The `browser` export condition: nothing of Node, nothing only a server needs (the rate budget, environment
  // variables, cutting the token out of errors), and no table of every operation (request() by operationId says what
  // to do instead)
  {
    ...library,
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __RTK_BROWSER__: 'true', __RTK_NO_NODE__: 'true' },
    entry: { 'index.browser': 'src/index.ts' },
    esbuildPlugins: [browserFiles([...withoutNode, 'request-by-id']), sharedErrors, generatedDocsLeftOut],
  },
  // The `worker` one (Cloudflare Workers, edge runtimes): a server without Node's modules, so everything a server
  // needs, the rate budget first, over fetch, and request() by operationId. Built apart from the browser's: sharing
  // its chunk left the budget and the token's redaction out of Workers.
  {
    ...library,
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __RTK_NO_NODE__: 'true' },
    entry: { 'index.worker': 'src/index.ts' },
    esbuildPlugins: [browserFiles(withoutNode), sharedErrors, generatedDocsLeftOut],
  },
]);
