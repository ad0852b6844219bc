#!/usr/bin/env node
// Where the bytes of a browser bundle that makes one call go (issues #27, #29): packages/client/size/one-call.mjs
// and one-resource.mjs bundled as size-limit bundles them (esbuild, minified, gzip), but from the client's and
// core's sources, built as tsup builds the `browser` condition, so esbuild's metafile gives the minified bytes of
// each module. A module's gzip share is its part of the minified bytes times the bundle's gzip size: gzip has no
// per-module figure. `pnpm size` in packages/client gives the enforced figures, from dist/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const client = path.join(root, 'packages/client');
// as packages/client/tsup.config.mts builds the `browser` condition: these files replaced by their .browser.ts
const BROWSER_FILES = /^\.\/(raw-client|node-http|attempt|request-by-id)$/;
const fromSource = {
  name: 'from-source',
  setup(b) {
    b.onResolve({ filter: BROWSER_FILES }, (args) => ({ path: path.join(args.resolveDir, `${args.path}.browser.ts`) }));
    b.onResolve({ filter: /^@realtimekit-meetings\/(client|core)$/ }, (args) => ({
      path: path.join(root, 'packages', args.path.split('/')[1], 'src/index.ts'),
    }));
  },
};

for (const entry of process.argv.slice(2).length ? process.argv.slice(2) : ['one-call.mjs', 'one-resource.mjs']) {
  const file = path.join(client, 'size', entry);
  const result = await build({
    stdin: { contents: readFileSync(file, 'utf8'), resolveDir: path.dirname(file), sourcefile: entry },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    define: { __RTK_BROWSER__: 'true' },
    plugins: [fromSource],
    metafile: true,
    write: false,
    outdir: 'out',
    logLevel: 'error',
  });
  const js = result.outputFiles[0].contents;
  const gzip = gzipSync(js).length;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([name, { bytesInOutput }]) => [path.relative(root, path.resolve(name)), bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  console.log(`\n${entry}: ${js.length} B minified, ${gzip} B gzip (from source)`);
  console.log('| module | minified B | gzip share B |\n| --- | ---: | ---: |');
  for (const [name, bytes] of inputs) console.log(`| ${name} | ${bytes} | ${Math.round((bytes / js.length) * gzip)} |`);
}
