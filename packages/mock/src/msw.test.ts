import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingLifecycle } from '../test-support/lifecycle';
import { createRealtimeKitFake } from './fake/create-fake';
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
