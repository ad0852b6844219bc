import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { BASE, browserRequest, MEETING, PARTICIPANT, proxyWith } from '../test-support/setup';
import { toNodeListener } from './node';

/** Every write of an app that takes no body: regenerate_token, KickAllParticipants, stop_livestreaming, deletes... */
const BODY_LESS_WRITES = (Object.keys(operationTable) as OperationId[]).filter((id) => {
  const { method, path, hasBody } = operationTable[id];
  return method !== 'GET' && !hasBody && path.startsWith(`${APP_PATH_PREFIX}/`);
});
const OTHER_ID = '0e3b4a2f-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const below = (id: OperationId) =>
  operationTable[id].path
    .slice(APP_PATH_PREFIX.length)
    .replace(/\{([\w-]+)\}/g, (_, name: string) =>
      name === 'meeting_id' ? MEETING : name === 'participant_id' ? PARTICIPANT : OTHER_ID,
    );
const MESSAGE = 'Send this request with Content-Type: application/json, even without a body';

describe('a write without a body is refused unless sent as application/json (what a cross-site form cannot send)', () => {
  it('lists the body-less writes it covers', () => {
    expect(BODY_LESS_WRITES).toEqual(
      expect.arrayContaining([
        'regenerate_token',
        'KickAllParticipants',
        'stop_livestreaming',
        'post-sessions-session_id-summary',
        'delete_meeting_participant',
      ]),
    );
  });

  it.each(BODY_LESS_WRITES)('%s: no type, a form or text/plain: 415, nothing sent', async (operationId) => {
    const { handle, sent } = proxyWith();
    const { method } = operationTable[operationId];
    const forms: Record<string, string>[] = [
      {},
      { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-site' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'application/jsonx' },
    ];
    for (const headers of forms) {
      const response = await handle(browserRequest(below(operationId), { method, headers }));
      expect([JSON.stringify(headers), response.status, await response.json()]).toEqual([
        JSON.stringify(headers),
        415,
        { success: false, error: { code: 415, message: MESSAGE } },
      ]);
    }
    expect(sent).toHaveLength(0);
  });

  it('a write refused for its content type never reaches authorize (its logging, its counting)', async () => {
    const authorize = vi.fn(() => true);
    const { handle, sent } = proxyWith({ authorize });
    const operationId = BODY_LESS_WRITES[0] as OperationId;
    const { method } = operationTable[operationId];
    const response = await handle(
      browserRequest(below(operationId), { method, headers: { 'content-type': 'text/plain' } }),
    );
    expect([response.status, authorize.mock.calls.length, sent.length]).toEqual([415, 0, 0]);
    const create = await handle(
      browserRequest('/meetings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
    );
    expect([create.status, authorize.mock.calls.length, sent.length]).toEqual([415, 0, 0]);
  });

  it.each(BODY_LESS_WRITES)('%s: application/json with no body goes through', async (operationId) => {
    const { handle, sent } = proxyWith();
    const { method, successStatus } = operationTable[operationId];
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const response = await handle(browserRequest(below(operationId), { method, headers: { 'content-type': type } }));
      expect([type, response.status]).toEqual([type, successStatus]);
    }
    expect(sent).toHaveLength(2);
  });

  it('a body sent with a body-less write as application/json is not read, and not sent on (as before)', async () => {
    const { handle, sent } = proxyWith({ allow: ['regenerate_token'] });
    const response = await handle(
      browserRequest(below('regenerate_token'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"custom_participant_id":"someone"}',
      }),
    );
    expect(response.status).toBe(200);
    expect(sent.map((s) => s.body)).toEqual(['']);
  });

  it('over real HTTP: a same-site form POST to regenerate_token is 415; the JSON one is 200', async () => {
    const { handle, sent } = proxyWith({ allow: ['regenerate_token'] });
    const server = createServer(toNodeListener(handle));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as AddressInfo;
    const post = (headers: Record<string, string>, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: `${BASE}${below('regenerate_token')}`, headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-site', cookie: 's=1' };
    expect(await post(form, 'a=b')).toBe(415);
    expect(await post({ cookie: 's=1' })).toBe(415);
    expect(sent).toHaveLength(0);
    expect(await post({ 'content-type': 'application/json' })).toBe(200);
    expect(sent).toHaveLength(1);
  });
});
