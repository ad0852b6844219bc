import { createServer, type Server } from 'node:http';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { operationTable } from '@realtimekit-meetings/core';
import { createRealtimeKitFake, type MockServer, startMockServer } from '@realtimekit-meetings/mock';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingLifecycle } from '../../mock/test-support/lifecycle';
import { runContract } from './run-contract';

// Prism in proxy mode in front of the fake: Prism checks every request we send and every answer the fake gives
// against the spec, independently of the fake's own validators, and reports what breaks it in sl-violations.
const fake = createRealtimeKitFake({ seed: 7 });
const meetings = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;

/** The fake, with each new meeting made live (a session and a livestream), so every operation has something to act on. */
async function liveFake(request: Request): Promise<Response> {
  const response = await fake.fetch(request);
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith(meetings) && response.status === 201) {
    const { data } = await response.clone().json();
    fake.startSession(data.id);
    const auth = { authorization: 'Bearer setup' };
    await fake.fetch(
      new Request(`${request.url}/${data.id}/livestreams`, { method: 'POST', headers: auth, body: '{}' }),
    );
  }
  return response;
}

let upstream: Server;
let prism: MockServer;
beforeAll(async () => {
  // the fake on a plain node:http server, so that each creation can be made live before the answer leaves
  upstream = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? Buffer.concat(chunks) : undefined;
    const response = await liveFake(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as { port: number };
  prism = await startMockServer({ upstream: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await prism.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('the fake, cross-checked by Prism in proxy mode', () => {
  it('passes the whole contract suite: every operation, refusals and missing tokens, with zero violations', async () => {
    // a meeting with a participant for the reads that run before anything is created
    const rtk = createRealtimeKitClient({ baseUrl: prism.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
    const meeting = await rtk.meetings.create({ title: 'Cross-check' });
    await rtk.participants.add(meeting.id, { custom_participant_id: 'ada', preset_name: 'group_call_host' });

    const results = await runContract({
      baseUrl: prism.url,
      apiToken: 'contract-token',
      accountId: ACCOUNT,
      appId: APP,
      allowWrites: true,
      exactStatuses: false,
    });
    // a peer's ID and a livestream session's are listed by no operation: those two reads have none to use
    const failed = results
      .filter((r) => r.outcome !== 'pass' && !/^no (peerId|livestreamSessionId) to use: /.test(r.detail ?? ''))
      .map((r) => `${r.name}: ${r.outcome} ${r.detail}`);
    expect(failed).toEqual([]);
    const valid = results.filter((r) => r.kind === 'valid');
    expect(valid.map((r) => r.status ?? 'ok').filter((s) => s !== 'ok')).toEqual([]); // no conforming call met an error
    expect(valid.flatMap((r) => r.violations)).toEqual([]);
    // the refusals came from the fake's validation (400) or its token check (401), and its answers conform; the fake
    // implements every operation, so none is left to Prism's own mock (which would refuse with 422)
    const refusals = results.filter((r) => r.kind !== 'valid');
    expect(new Set(refusals.map((r) => r.status))).toEqual(new Set([400, 401]));
    const fromResponses = refusals.flatMap((r) =>
      r.violations.filter((v) => v.location[0] === 'response').map((v) => ({ ...v, operationId: r.operationId })),
    );
    expect(fromResponses.filter((v) => v.severity === 'Error')).toEqual([]);
    // Prism's only remark: the seven outside-core operations declare no 4xx answer at all (upstream's gap, the same
    // one spec/lint-known-warnings.yaml lists), so it warns that their 400 and 401 are not in the document
    for (const v of fromResponses) {
      expect(v.message).toMatch(/^Unable to match the returned status code with those defined in the document/);
      expect(operationTable[v.operationId].tag).not.toBe('Meetings');
    }
  });

  it('runs the user lifecycle with no violation in any request or answer', async () => {
    const seen: string[] = [];
    const rtk = createRealtimeKitClient({
      baseUrl: prism.url,
      apiToken: 't',
      accountId: ACCOUNT,
      appId: APP,
      maxRetries: 0,
      fetch: async (request) => {
        const response = await fetch(request);
        const header = response.headers.get('sl-violations');
        if (header) seen.push(`${request.method} ${new URL(request.url).pathname}: ${header}`);
        return response;
      },
    });
    await meetingLifecycle(rtk);
    expect(seen).toEqual([]);
  });
});
