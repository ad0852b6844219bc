import http from 'node:http';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../test-support/fault-server';
import { createRealtimeKitClient } from './create-client';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

it('sends through http.request as it is at call time, so interceptors installed later (MSW, nock) see the call', async () => {
  const rtk = createRealtimeKitClient({ baseUrl: server.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
  const original = http.request;
  const seen: string[] = [];
  // what MSW's setupServer().listen() does after the client's module has loaded: replace the module's property
  http.request = ((...args: Parameters<typeof http.request>) => {
    seen.push(String(args[0]));
    return original(...args);
  }) as typeof http.request;
  try {
    server.reply({
      status: 200,
      body: { success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } },
    });
    await rtk.meetings.list();
  } finally {
    http.request = original;
  }
  expect(seen).toEqual([`${server.url}/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`]);
});
