import { cpSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';

// The React example's entry, copied into the consumer app so that every package import resolves to the
// installed tarballs, bundled for the browser by esbuild.
describe('a browser bundle, from the tarballs', () => {
  it("bundles the React dashboard's entry for the browser, with no Node built-in and no token", async () => {
    const app = inject('consumerApp');
    cpSync(path.join(import.meta.dirname, '../examples/react-dashboard/src'), path.join(app, 'dashboard'), {
      recursive: true,
    });
    const result = await build({
      absWorkingDir: app,
      entryPoints: ['dashboard/main.tsx'],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.css': 'css' },
      outdir: 'bundle',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/@realtimekit-meetings/react/dist/index.mjs'))).toBe(true);
    // the browser build (the `browser` export condition): no Node-only fast path, no environment reading
    expect(inputs.some((i) => i.includes('node_modules/@realtimekit-meetings/client/dist/index.browser.mjs'))).toBe(
      true,
    );
    expect(inputs.some((i) => /(^|\/)packages\//.test(i))).toBe(false);
    // the client's own transport: no byte of openapi-fetch in a browser bundle
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
    const fetchBytes = Object.entries(output.inputs).filter(([input]) => input.includes('openapi-fetch'));
    expect(fetchBytes.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0)).toBe(0);
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
    expect(js.text).not.toMatch(/require\("node:|from"node:/);
    expect(js.text).not.toContain('CLOUDFLARE_API_TOKEN=');
    console.log(
      `dashboard bundle: ${(js.contents.length / 1000).toFixed(1)} kB minified, ${(gzipSync(js.contents).length / 1000).toFixed(1)} kB gzipped`,
    );
  });
});
