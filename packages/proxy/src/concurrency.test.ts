import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, MEETING, proxyWith } from '../test-support/setup';
import { toNodeListener } from './node';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

// An upstream that answers each participant request with that participant, after a random delay, so answers
// come back out of order and any mix-up shows.
let upstream: Server;
let proxyServer: Server;
let proxyOrigin: string;
let mockProxyOrigin: string;
let mockProxyServer: Server;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    const id = decodeURIComponent(req.url?.split('/').at(-1) ?? '');
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: true,
          data: { id, custom_participant_id: `c-${id}`, preset_name: 'p', created_at: 'c', updated_at: 'u' },
        }),
      );
    }, Math.random() * 40);
  });
  const { handle } = proxyWith({ upstream: await listen(upstream) });
  proxyServer = createServer(toNodeListener(handle));
  proxyOrigin = await listen(proxyServer);
  mockProxyServer = createServer(toNodeListener(proxyWith().handle));
  mockProxyOrigin = await listen(mockProxyServer);
});
afterAll(async () => {
  for (const server of [proxyServer, upstream, mockProxyServer])
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('concurrency', () => {
  it('200 requests in flight each get their own answer', async () => {
    const rtk = createRealtimeKitClient({ proxyUrl: `${proxyOrigin}${BASE}`, maxRetries: 0 });
    const ids = Array.from({ length: 200 }, (_, i) => `participant-${i}`);
    const answers = await Promise.all(ids.map((id) => rtk.participants.get(MEETING, id)));
    expect(answers.map((p) => p.id)).toEqual(ids);
    expect(answers.map((p) => p.custom_participant_id)).toEqual(ids.map((id) => `c-${id}`));
  });

  it('200 mixed operations in flight against the Prism mock all answer as their operation should', async () => {
    const rtk = createRealtimeKitClient({ proxyUrl: `${mockProxyOrigin}${BASE}`, maxRetries: 0 });
    const calls = Array.from({ length: 200 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return rtk.meetings.list().then((r) => ['list', 'paging' in r]);
        case 1:
          return rtk.participants
            .add(MEETING, { custom_participant_id: `u${i}`, preset_name: 'p' })
            .then((r) => ['add', typeof r.token === 'string']);
        case 2:
          return rtk.participants
            .refreshToken(MEETING, `p${i}`)
            .then((r) => ['token', Object.keys(r).join() === 'token']);
        default:
          return rtk.meetings.get(MEETING).then((r) => ['get', typeof r.id === 'string' && !('paging' in r)]);
      }
    });
    const results = await Promise.all(calls);
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => [['list', 'add', 'token', 'get'][i % 4], true]));
  });
});
