import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { clearWebhookKeyCache, verifyWebhook, type WebhookEvent } from '@realtimekit-meetings/client/webhooks';
import { ACCOUNT, APP, MEETING } from '@realtimekit-meetings/test-fixtures/ids';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingLifecycle } from '../test-support/lifecycle';
import { createRealtimeKitFake, internalContext } from './fake/create-fake';
import { realtimeKitHandlers } from './msw';

const fake = createRealtimeKitFake({ seed: 5 });
const msw = setupServer(...realtimeKitHandlers({ fake }));
beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
afterAll(() => msw.close());

describe('realtimeKitHandlers', () => {
  it('answers a server-side client on the default base URL from the fake: the lifecycle runs in-process', async () => {
    // no baseUrl: Cloudflare's own, which MSW intercepts before anything leaves the process
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, maxRetries: 0 });
    await meetingLifecycle(rtk);
  });

  it('answers through a proxyUrl whose mount itself holds /meetings', async () => {
    const proxyUrl = 'http://localhost:3000/meetings-app/api/meetings/realtimekit';
    const mounted = setupServer(...realtimeKitHandlers({ fake, proxyUrl, accountId: ACCOUNT, appId: APP }));
    msw.close();
    mounted.listen({ onUnhandledRequest: 'error' });
    try {
      const rtk = createRealtimeKitClient({ proxyUrl, maxRetries: 0 });
      const meeting = await rtk.meetings.create({ title: 'Through the proxy' });
      expect((await rtk.meetings.get(meeting.id)).title).toBe('Through the proxy');
      // every resource below the app, as the proxy mirrors them, not only meetings
      const url = 'https://app.example.com/hooks';
      await rtk.webhooks.create({ name: 'ended', url, events: ['meeting.ended'] });
      expect((await rtk.webhooks.list()).map((w) => w.url)).toEqual([url]);
      expect((await rtk.recordings.list()).data).toEqual([]);
      // the proxy's join route and the app's own routes under the mount are not the fake's: left unhandled
      await expect(fetch(`${proxyUrl}/meetings/${meeting.id}/join`, { method: 'POST' })).rejects.toThrow();
      await expect(fetch(`${proxyUrl}/health`)).rejects.toThrow();
    } finally {
      mounted.close();
      msw.listen({ onUnhandledRequest: 'error' });
    }
  });

  it('refuses a base URL that is not absolute', () => {
    expect(() => realtimeKitHandlers({ fake, baseUrl: 'api.cloudflare.com' })).toThrow(
      'baseUrl must be an absolute URL',
    );
  });
});

describe('webhooks from the fake under MSW', () => {
  /** Runs `body` with only `handlers` listening (the file's own server closed meanwhile). */
  async function withHandlers(handlers: RequestHandler[], body: () => Promise<void>) {
    const server = setupServer(...handlers);
    msw.close();
    server.listen({ onUnhandledRequest: 'error' });
    try {
      await body();
    } finally {
      server.close();
      msw.listen({ onUnhandledRequest: 'error' });
    }
  }
  const started = { event: 'meeting.started', meeting: { id: MEETING, title: 'Standup' } } as const;

  it("reaches the app's receiver, an MSW handler that verifies with the key MSW publishes as Cloudflare's", async () => {
    clearWebhookKeyCache();
    const fake = createRealtimeKitFake({ seed: 6, webhookDelivery: { retryDelays: [] } });
    const received: WebhookEvent[] = [];
    // the app's receiver as it is written for production: no key given, so Cloudflare's published one is fetched
    const receiver = http.post('https://app.example.test/webhooks', async ({ request }) => {
      received.push(await verifyWebhook(await request.arrayBuffer(), request.headers));
      return new HttpResponse(null, { status: 204 });
    });
    await withHandlers([...realtimeKitHandlers({ fake }), receiver], async () => {
      const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, maxRetries: 0 });
      const hook = await rtk.webhooks.create({
        name: 'app',
        url: 'https://app.example.test/webhooks',
        events: ['meeting.started'],
      });
      internalContext(fake).emit({ accountId: ACCOUNT, appId: APP }, started);
      expect(await fake.settled()).toEqual([
        expect.objectContaining({ webhookId: hook.id, outcome: 'delivered', attempts: 1, status: 204 }),
      ]);
      const key = await fetch('https://api.cloudflare.com/client/v4/.well-known/webhooks.json').then((r) => r.json());
      expect(key.data.publicKey).toBe(await fake.webhookPublicKey());
    });
    expect(received).toEqual([started]);
  });

  it('does not loop: a delivery aimed at the fake itself is refused 401, once, and changes nothing', async () => {
    const emitted: string[] = [];
    const fake = createRealtimeKitFake({ seed: 7, onEvent: (_, event) => emitted.push(event.event) });
    await withHandlers(realtimeKitHandlers({ fake }), async () => {
      const rtk = createRealtimeKitClient({ apiToken: 't', accountId: ACCOUNT, appId: APP, maxRetries: 0 });
      const meetings = `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;
      await rtk.webhooks.create({ name: 'self', url: meetings, events: ['meeting.started'] });
      internalContext(fake).emit({ accountId: ACCOUNT, appId: APP }, started);
      expect(await fake.settled()).toEqual([expect.objectContaining({ outcome: 'failed', attempts: 1, status: 401 })]);
      expect((await rtk.meetings.list()).data).toEqual([]);
    });
    expect(emitted).toEqual(['meeting.started']);
  });
});
