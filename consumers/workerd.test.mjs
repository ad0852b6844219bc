import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The client and the proxy from the tarballs, bundled into a Worker and run in workerd (the Cloudflare Workers
// runtime) through miniflare, serving a proxied get_all_meetings against the packed mock package's Prism mock.
const proxyWorker = `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
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

// The stateful fake from the tarball, in workerd, which forbids generating code from strings: its spec validators
// were compiled ahead of time. /lifecycle runs a user's scenario through the packed client; anything else is the
// fake serving the API as a Worker.
const fakeWorker = `import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock/fake';

const fake = createRealtimeKitFake({ seed: 9 });

async function lifecycle() {
  const rtk = createRealtimeKitClient({
    apiToken: 'worker-fake-token',
    accountId: '023e105f4ecef8ad9ca31a8372d0c353',
    appId: '14a396e7-ca44-4937-bf1f-050a69118543',
    fetch: fake.fetch,
  });
  const status = (promise) => promise.then(() => 200, (e) => (e instanceof RealtimeKitError ? e.status : String(e)));
  const meeting = await rtk.meetings.create({ title: 'In workerd' });
  const ada = await rtk.participants.add(meeting.id, { custom_participant_id: 'ada', preset_name: 'group_call_host', name: 'Ada' });
  const listed = (await rtk.participants.list(meeting.id)).data.map((p) => p.name);
  await rtk.participants.delete(meeting.id, ada.id);
  return {
    title: (await rtk.meetings.get(meeting.id)).title,
    listed,
    afterDelete: (await rtk.participants.list(meeting.id)).data.length,
    deletedGet: await status(rtk.participants.get(meeting.id, ada.id)),
    badBody: await status(rtk.request('add_participant', { params: { meeting_id: meeting.id }, body: { name: 'x' } })),
  };
}

export default {
  fetch: (request) => (new URL(request.url).pathname === '/lifecycle' ? lifecycle().then((r) => Response.json(r)) : fake.fetch(request)),
};
`;

/** Bundles a Worker's source against the tarballs installed in the consumer app, as wrangler would. */
async function bundleWorker(app, name, source) {
  writeFileSync(path.join(app, name), source);
  const bundle = await build({
    absWorkingDir: app,
    entryPoints: [name],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

let mock;
let mf;
let fakeMf;
beforeAll(async () => {
  const app = inject('consumerApp');
  const { startMockServer } = createRequire(path.join(app, 'package.json'))('@realtimekit-meetings/mock');
  mock = await startMockServer();
  fakeMf = new Miniflare({
    modules: true,
    script: await bundleWorker(app, 'fake-worker.js', fakeWorker),
    compatibilityDate: '2025-07-01',
  });
  mf = new Miniflare({
    modules: true,
    script: await bundleWorker(app, 'worker.js', proxyWorker),
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
  await fakeMf?.dispose();
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

describe('the stateful fake in workerd, from the tarball', () => {
  it('runs the lifecycle through the packed client: remembers, forgets on delete, refuses a bad body', async () => {
    const response = await fakeMf.dispatchFetch('http://fake.example/lifecycle');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      title: 'In workerd',
      listed: ['Ada'],
      afterDelete: 0,
      deletedGet: 404,
      badBody: 400,
    });
  });

  it('serves the API as a Worker: what is created can be read back', async () => {
    const meetings =
      'http://fake.example/client/v4/accounts/a1/realtime/kit/14a396e7-ca44-4937-bf1f-050a69118543/meetings';
    const headers = { authorization: 'Bearer w', 'content-type': 'application/json' };
    const created = await fakeMf.dispatchFetch(meetings, { method: 'POST', headers, body: '{"title":"Served"}' });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    const read = await fakeMf.dispatchFetch(`${meetings}/${data.id}`, { headers });
    expect((await read.json()).data).toEqual(data);
    expect((await fakeMf.dispatchFetch(meetings)).status).toBe(401);
  });
});
