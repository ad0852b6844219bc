import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { setupServer } from 'msw/node';
import { describe, expect, it, onTestFinished } from 'vitest';
import { realtimeKitHandlers } from '../msw';
import { createRealtimeKitFake, type RealtimeKitFakeOptions } from './create-fake';
import { serveFetch } from './serve-node';

const BASE = 'https://api.cloudflare.com/client/v4';
const APP_ROOT = `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}`;

function setup(options: RealtimeKitFakeOptions = {}) {
  const fake = createRealtimeKitFake({ seed: 7, ...options });
  const send = (method: string, path: string, body?: unknown, root = APP_ROOT) =>
    fake.fetch(
      new Request(`${root}${path}`, {
        method,
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return { fake, send };
}
const created = async (send: ReturnType<typeof setup>['send']) =>
  (await (await send('POST', '/meetings', { title: 'Standup' })).json()).data as { id: string; created_at: string };

describe('a client never writes what the server owns', () => {
  it('PATCH with id, created_at or token changes none of them, says it ignored them, and every list still answers', async () => {
    const { send } = setup();
    const meeting = await created(send);
    const patched = await send('PATCH', `/meetings/${meeting.id}`, {
      id: 'other',
      created_at: '2001-01-01T00:00:00.000Z',
      token: 'chosen',
      title: 'Renamed',
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('x-realtimekit-fake-ignored')).toBe('id, created_at, token');
    const { data } = await patched.json();
    expect(data).toMatchObject({ id: meeting.id, created_at: meeting.created_at, title: 'Renamed' });
    const list = await send('GET', '/meetings');
    expect(list.status).toBe(200);
    expect((await list.json()).data.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
  });

  it('a participant cannot choose its token or ID', async () => {
    const { send } = setup();
    const meeting = await created(send);
    const added = await send('POST', `/meetings/${meeting.id}/participants`, {
      custom_participant_id: 'u1',
      preset_name: 'group_call_participant',
      token: 'chosen',
      id: 'mine',
    });
    expect(added.status).toBe(201);
    const { data } = await added.json();
    expect(data.token).not.toBe('chosen');
    expect(data.id).not.toBe('mine');
    const edited = await send('PATCH', `/meetings/${meeting.id}/participants/${data.id}`, { token: 'chosen' });
    expect((await edited.json()).data.token).not.toBe('chosen');
  });
});

describe('what the fake refuses in the API’s error shape', () => {
  it('a malformed escape in the account or app segment is 400, not 500', async () => {
    const { send } = setup();
    for (const root of [
      `${BASE}/accounts/%E0%A4%A/realtime/kit/${APP}`,
      `${BASE}/accounts/${ACCOUNT}/realtime/kit/%zz`,
    ]) {
      const response = await send('GET', '/meetings', undefined, root);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        success: false,
        error: { code: 400, message: 'the account or app ID in the path is not a well-formed percent-encoding' },
      });
    }
  });

  it('a body over maxBodyBytes is 413 and nothing is stored', async () => {
    const { send } = setup({ maxBodyBytes: 1024 });
    const response = await send('POST', '/meetings', { title: 'x'.repeat(2000) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe('the body is larger than 1024 bytes');
    expect((await (await send('GET', '/meetings')).json()).data).toEqual([]);
    expect(() => createRealtimeKitFake({ maxBodyBytes: 0 })).toThrow(
      'createRealtimeKitFake: maxBodyBytes must be a positive whole number, not 0',
    );
  });

  it('the default cap refuses a 50 MB title', async () => {
    const { send } = setup();
    expect((await send('POST', '/meetings', { title: 'x'.repeat(50 * 1024 * 1024) })).status).toBe(413);
  });

  it('no participant joins an INACTIVE meeting (the spec: "Users will not be able to join")', async () => {
    const { send } = setup();
    const meeting = await created(send);
    await send('PATCH', `/meetings/${meeting.id}`, { status: 'INACTIVE' });
    const added = await send('POST', `/meetings/${meeting.id}/participants`, {
      custom_participant_id: 'u1',
      preset_name: 'group_call_participant',
    });
    expect(added.status).toBe(400);
    expect((await added.json()).error.message).toBe(
      `meeting ${meeting.id} is INACTIVE: users cannot join it; set its status to ACTIVE first (update_meeting)`,
    );
    expect((await (await send('GET', `/meetings/${meeting.id}/participants`)).json()).data).toEqual([]);
  });

  it('over HTTP, a Host that makes no URL is 400 in the error shape, not 500', async () => {
    const { fake } = setup();
    const server = serveFetch(fake.fetch);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/meetings', headers: { host: 'bad host:x' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      success: false,
      error: { code: 400, message: 'the Host header or the request target is not a valid URL' },
    });
  });
});

describe('MSW behind a proxy mount', () => {
  it('a mount whose own path holds /meetings still routes', async () => {
    const fake = createRealtimeKitFake({ seed: 3 });
    const mount = 'https://app.example.test/meetings/api/realtimekit';
    const msw = setupServer(...realtimeKitHandlers({ fake, proxyUrl: mount }));
    msw.listen({ onUnhandledRequest: 'error' });
    onTestFinished(() => msw.close());
    const browser = createRealtimeKitClient({ proxyUrl: mount, maxRetries: 0 });
    const meeting = await browser.meetings.create({ title: 'Through the mount' });
    expect(await browser.meetings.get(meeting.id)).toMatchObject({ id: meeting.id, title: 'Through the mount' });
  });
});

describe('given who it serves, the fake refuses everyone else as Cloudflare does', () => {
  const OTHER_ACCOUNT = '0123456789abcdef0123456789abcdef';
  const OTHER_APP = '00000000-0000-4000-8000-00000000a99a';
  const strict = () => createRealtimeKitFake({ seed: 1, apiToken: 'the-token', accountId: ACCOUNT, appId: APP });
  const call = (fake: ReturnType<typeof strict>, token: string, account = ACCOUNT, app = APP) =>
    fake.fetch(
      new Request(`${BASE}/accounts/${account}/realtime/kit/${app}/meetings`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
  const cloudflare403 = {
    success: false,
    errors: [{ code: 10000, message: 'Authentication error' }],
    messages: [],
    result: null,
  };

  it('another token: 403 Authentication error, in Cloudflare’s envelope', async () => {
    const fake = strict();
    expect((await call(fake, 'the-token')).status).toBe(200);
    const refused = await call(fake, 'someone-elses');
    expect([refused.status, await refused.json()]).toEqual([403, cloudflare403]);
  });

  it('another account: 403, never an empty list', async () => {
    const refused = await call(strict(), 'the-token', OTHER_ACCOUNT);
    expect([refused.status, await refused.json()]).toEqual([403, cloudflare403]);
  });

  it('an unknown app: 404 naming it, never an empty list', async () => {
    const refused = await call(strict(), 'the-token', ACCOUNT, OTHER_APP);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toBe(
      `No app ${OTHER_APP} in this account: create it, or check REALTIMEKIT_APP_ID`,
    );
  });

  it('the client sees a typed http error it can act on', async () => {
    const fake = strict();
    const rtk = createRealtimeKitClient({
      apiToken: 'revoked',
      accountId: ACCOUNT,
      appId: APP,
      baseUrl: BASE,
      maxRetries: 0,
      fetch: fake.fetch,
    });
    await expect(rtk.meetings.list()).rejects.toMatchObject({ kind: 'http', status: 403, code: 10000 });
  });
});
