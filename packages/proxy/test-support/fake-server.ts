import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock/fake';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';

export type Fault = 'none' | 'timeout' | '502';

/**
 * The stateful fake on a real node:http server on 127.0.0.1, with faults for adds: each add the fake created takes
 * the next of `faults`: `timeout` is never answered, `502` is answered 502, as a gateway that lost the answer.
 */
export async function startFakeServer() {
  const fake = createRealtimeKitFake({ limits: { participantsPerMeeting: 1_000 } });
  const held: ServerResponse[] = [];
  const state = { faults: [] as Fault[] };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)]) as [string, string][],
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const response = await fake.fetch(request);
    const isAdd = req.method === 'POST' && /\/participants$/.test(new URL(request.url).pathname);
    const fault = isAdd && response.status === 201 ? (state.faults.shift() ?? 'none') : 'none';
    if (fault === 'timeout') return void held.push(res);
    if (fault === '502') {
      res.writeHead(502, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ success: false, errors: [{ code: 502, message: 'Bad gateway' }] }));
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 65_000; // as the contract's servers: a reused idle connection is never reset under a test
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** A server-side client of the fake; the fault runs use a short timeout so that a held add times out soon. */
  const client = (timeoutMs = 30_000) =>
    createRealtimeKitClient({ baseUrl: url, apiToken: 'server-token', accountId: ACCOUNT, appId: APP, timeoutMs });
  return {
    url,
    state,
    client,
    newMeeting: async () => (await client().meetings.create({ title: 'Webinar' })).id as string,
    async participants(meetingId: string) {
      const all: { id: string; custom_participant_id: string }[] = [];
      for await (const p of client().participants.listAll(meetingId, { per_page: 100 })) all.push(p as never);
      return all;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
