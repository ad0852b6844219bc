import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The client and the proxy from the tarballs, bundled into a Worker and run in workerd (the Cloudflare Workers
// runtime) through miniflare, serving a proxied get_all_meetings against the packed contract package's mock.
const worker = `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';

export default {
  fetch(request, env) {
    const client = createRealtimeKitClient({
      baseUrl: env.UPSTREAM,
      apiToken: env.CLOUDFLARE_API_TOKEN,
      accountId: env.CLOUDFLARE_ACCOUNT_ID,
      appId: env.REALTIMEKIT_APP_ID,
    });
    const handle = createRealtimeKitProxy({
      client,
      basePath: '/api/realtimekit',
      allow: ['get_all_meetings'],
      authorize: (req) => req.headers.get('x-user') === 'ada',
    });
    return handle(request);
  },
};
`;

let mock;
let mf;
beforeAll(async () => {
  const app = inject('consumerApp');
  writeFileSync(path.join(app, 'worker.js'), worker);
  const bundle = await build({
    absWorkingDir: app,
    entryPoints: ['worker.js'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  const { startMockServer } = createRequire(path.join(app, 'package.json'))('@realtimekit-meetings/contract');
  mock = await startMockServer();
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0].text,
    compatibilityDate: '2025-07-01',
    bindings: {
      UPSTREAM: mock.url,
      CLOUDFLARE_API_TOKEN: 'worker-secret-token',
      CLOUDFLARE_ACCOUNT_ID: '023e105f4ecef8ad9ca31a8372d0c353',
      REALTIMEKIT_APP_ID: '14a396e7-ca44-4937-bf1f-050a69118543',
    },
  });
});
afterAll(async () => {
  await mf?.dispose();
  await mock?.close();
});

describe('Cloudflare Workers runtime (workerd), from the tarballs', () => {
  it('serves a proxied get_all_meetings', async () => {
    const response = await mf.dispatchFetch('http://app.example/api/realtimekit/meetings?per_page=5', {
      headers: { 'x-user': 'ada' },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ success: true, paging: { total_count: expect.any(Number) } });
    expect(Array.isArray(body.data)).toBe(true);
  });

  it('refuses what it must, and never shows the token', async () => {
    const unauthorized = await mf.dispatchFetch('http://app.example/api/realtimekit/meetings');
    expect(unauthorized.status).toBe(403);
    const notAllowed = await mf.dispatchFetch('http://app.example/api/realtimekit/meetings', {
      method: 'POST',
      headers: { 'x-user': 'ada' },
      body: '{}',
    });
    expect(notAllowed.status).toBe(403);
    for (const response of [unauthorized, notAllowed])
      expect(await response.text()).not.toContain('worker-secret-token');
  });
});
