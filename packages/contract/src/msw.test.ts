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

  it('refuses a base URL that is not absolute', () => {
    expect(() => realtimeKitHandlers({ fake, baseUrl: 'api.cloudflare.com' })).toThrow(
      'baseUrl must be an absolute URL',
    );
  });
});
