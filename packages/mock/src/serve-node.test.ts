import { type AddressInfo, connect } from 'node:net';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { createRealtimeKitFake, type RealtimeKitFakeOptions } from './fake/create-fake';
import { startMockServer } from './mock-server';
import { serveFetch } from './serve-node';

const APP_PATH = `/accounts/${ACCOUNT}/realtime/kit/${APP}`;
const MEETINGS = `${APP_PATH}/meetings`;
/** What node:http adds of its own to any answer; everything else must be the core's, the same on both paths. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const headersOf = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => !TRANSPORT.has(name)));

/**
 * Two fakes made alike (the same seed, clock and limits), one behind `startMockServer` (node:http straight into the
 * core), one called as the web handler (`fake.fetch`, what MSW and workerd call): every request goes to both, in the
 * same order, and the answers are compared whole.
 */
async function pair(options: RealtimeKitFakeOptions) {
  const mock = await startMockServer({ stateful: options });
  const web = createRealtimeKitFake(options);
  const send = async (path: string, init: RequestInit = {}): Promise<[Exchange, Exchange]> => {
    const overHttp = await fetch(`${mock.url}${path}`, init);
    const body = await overHttp.text();
    // the node path says how long its answer is, and is not chunked
    expect(overHttp.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(overHttp.headers.get('transfer-encoding')).toBeNull();
    const inProcess = await web.fetch(new Request(`${mock.url}${path}`, init));
    return [
      { status: overHttp.status, headers: headersOf(overHttp), body },
      { status: inProcess.status, headers: headersOf(inProcess), body: await inProcess.text() },
    ];
  };
  return { mock, send };
}

const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
const clock = () => new Date('2026-11-25T09:00:00.000Z');

describe('the fake served by node:http', () => {
  it('answers exactly as its web handler: status, headers and body of successes, refusals, 404s and control routes', async () => {
    const { mock, send } = await pair({ seed: 5, now: clock, limits: { bodyBytes: 1024 } });
    const answers: [Exchange, Exchange][] = [];
    const both = async (path: string, init: RequestInit = {}) => {
      const exchange = await send(path, init);
      answers.push(exchange);
      return exchange[0];
    };
    try {
      const created = await both(MEETINGS, { method: 'POST', headers: auth, body: '{"title":"Standup","titel":"x"}' });
      expect(created.status).toBe(201);
      expect(created.headers['x-realtimekit-fake-ignored']).toBe('titel');
      const meetingId = JSON.parse(created.body).data.id as string;
      await both(`${MEETINGS}/${meetingId}`, { headers: auth });
      await both(`${MEETINGS}?page_no=1&per_page=5&search=Stand`, { headers: auth });
      await both(`${MEETINGS}?page_no=x`, { headers: auth }); // 400, the query named
      const ada = await both(`${MEETINGS}/${meetingId}/participants`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ custom_participant_id: 'ada', preset_name: 'group_call_host' }),
      });
      const adaId = JSON.parse(ada.body).data.id as string;
      await both(`${MEETINGS}/${meetingId}/participants`, { method: 'POST', headers: auth, body: '{"name":"x"}' });
      await both(`${MEETINGS}/${meetingId}/participants/${adaId}`, { method: 'PATCH', headers: auth, body: '{' });
      await both(`${MEETINGS}/00000000-0000-4000-8000-000000000000`, { headers: auth }); // 404
      await both(MEETINGS); // 401, no token
      await both('/accounts/x/nowhere', { headers: auth }); // 404, no route
      await both(`/accounts/%E0%A4%A/realtime/kit/${APP}/meetings`, { headers: auth }); // 400, malformed escape
      const tooLarge = await both(MEETINGS, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: 'x'.repeat(2048) }),
      });
      expect(tooLarge.status).toBe(413);
      // the control routes, over HTTP as from any language
      await both('/__fake/sessions', { method: 'GET' }); // 405
      await both('/__fake/sessions', { method: 'POST', body: '{}' }); // 400
      const session = await both('/__fake/sessions/join', {
        method: 'POST',
        body: JSON.stringify({ meeting_id: meetingId, participant_id: adaId }),
      });
      expect(session.status).toBe(201);
      await both(`${MEETINGS}/${meetingId}/active-session`, { headers: auth });
      await both('/__fake/sessions/end', { method: 'POST', body: JSON.stringify({ meeting_id: meetingId }) });
      await both(`${MEETINGS}/${meetingId}/participants/${adaId}`, { method: 'DELETE', headers: auth });

      expect(answers.map(([overHttp]) => overHttp.status)).toEqual([
        201, 200, 200, 400, 201, 400, 400, 404, 401, 404, 400, 413, 405, 400, 201, 200, 200, 200,
      ]);
      for (const [overHttp, inProcess] of answers) {
        expect(overHttp.headers['x-realtimekit-fake']).toBe('/__fake');
        expect(overHttp).toEqual(inProcess);
      }
    } finally {
      await mock.close();
    }
  });

  it("answers the rate limit's headers and its 429 exactly as the web handler does", async () => {
    const { mock, send } = await pair({ seed: 5, now: clock, rateLimit: { requests: 2, windowSeconds: 60 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const [overHttp, inProcess] = await send(MEETINGS, { headers: auth });
        expect(overHttp).toEqual(inProcess);
        expect(overHttp.headers.ratelimit).toMatch(/^"default";r=\d;t=\d+$/);
        statuses.push(overHttp.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await mock.close();
    }
  });

  it('reads a chunked body past the limit to its end, then answers 413 as the web handler does, and stores nothing', async () => {
    const { mock, send } = await pair({ seed: 5, now: clock, limits: { bodyBytes: 64 } });
    try {
      const part = `{"title":"${'y'.repeat(100)}"}`;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(mock.port, '127.0.0.1', () =>
          socket.end(
            `POST ${MEETINGS} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nConnection: close\r\n` +
              `Transfer-Encoding: chunked\r\n\r\n${part.length.toString(16)}\r\n${part}\r\n0\r\n\r\n`,
          ),
        );
        let text = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
        });
        socket.on('end', () => resolve(text)).on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      const [, inProcess] = await send(MEETINGS, { method: 'POST', headers: auth, body: part });
      expect(inProcess.status).toBe(413);
      expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(inProcess.body);
      const [list] = await send(MEETINGS, { headers: auth });
      expect(JSON.parse(list.body).data).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('answers a web handler that throws with a 500 in the envelope, never a hung request', async () => {
    const server = serveFetch(() => Promise.reject(new Error('the handler broke')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${MEETINGS}`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ success: false, error: { code: 500, message: 'the handler broke' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
