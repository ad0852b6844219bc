import { RealtimeKitError } from '@realtimekit-meetings/client';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE, upstreamErrorAnswer } from './responses';

const answer = (error: unknown) => {
  const { status, headers, body } = upstreamErrorAnswer(error);
  return { status, body: JSON.parse(body), cacheControl: headers['cache-control'] };
};
const refusal = (status: number, message: string) => ({
  status,
  body: { success: false, error: { code: status, message } },
  cacheControl: 'no-store',
});

describe('upstreamErrorAnswer: what the server client threw, as the browser sees it', () => {
  it('an upstream error keeps its status and its JSON body', () => {
    const body = { success: false, error: { code: 404, message: 'No meeting' } };
    expect(answer(new RealtimeKitError('http', 'gone', { status: 404, body }))).toEqual({
      status: 404,
      body,
      cacheControl: 'no-store',
    });
    expect(answer(new RealtimeKitError('http', 'bad gateway', { status: 502 }))).toEqual(
      refusal(502, 'RealtimeKit answered 502'),
    );
  });

  it('of an upstream body, only the error code and message go on: nothing else it holds', () => {
    const echoed = { authorization: 'Bearer cf-token', request: { headers: { cookie: 'session=abc' } } };
    for (const [body, code, message] of [
      [{ success: false, error: { code: 404, message: 'No meeting' }, debug: echoed }, 404, 'No meeting'],
      [{ success: false, errors: [{ code: 1, message: 'bad', detail: echoed }], debug: echoed }, 1, 'bad'],
      [{ error: { code: '7', message: 'code not a number' } }, 400, 'code not a number'],
      [{ error: { code: 1.5, message: 'code not whole' } }, 400, 'code not whole'],
    ] as const) {
      expect(answer(new RealtimeKitError('http', 'x', { status: 400, body }))).toEqual({
        status: 400,
        body: { success: false, error: { code, message } },
        cacheControl: 'no-store',
      });
    }
  });

  it('an upstream message that mentions a credential, is too long or is not a string is replaced', () => {
    for (const message of [
      'invalid header Authorization: Bearer cf-token',
      'got bearer cf-token',
      'x'.repeat(MAX_MESSAGE + 1),
      '',
      42,
      { text: 'Bearer cf-token' },
    ]) {
      const body = { success: false, error: { code: 400, message } };
      expect(answer(new RealtimeKitError('http', 'x', { status: 400, body }))).toEqual(
        refusal(400, 'RealtimeKit answered 400'),
      );
    }
    const longest = { error: { code: 400, message: 'y'.repeat(MAX_MESSAGE) } };
    expect(answer(new RealtimeKitError('http', 'x', { status: 400, body: longest })).body.error.message).toHaveLength(
      MAX_MESSAGE,
    );
  });

  it('an answer under 400 with success: false (the API answered something unreadable): 502', () => {
    for (const status of [200, 201, 204]) {
      const body = { success: false, error: { code: status, message: 'odd' } };
      expect(answer(new RealtimeKitError('http', 'odd', { status, body }))).toEqual(
        refusal(502, `RealtimeKit answered ${status} with success: false`),
      );
    }
  });

  it.each([
    ['timeout', 504, 'RealtimeKit did not answer in time'],
    ['aborted', 499, 'The request was aborted'],
    ['network', 502, 'RealtimeKit could not be reached or answered something unreadable'],
    ['invalid_response', 502, 'RealtimeKit could not be reached or answered something unreadable'],
  ] as const)('%s: %s', (kind, status, message) => {
    expect(answer(new RealtimeKitError(kind, 'detail'))).toEqual(refusal(status, message));
  });

  it('a refusal of the client before sending is a 400 with its reason', () => {
    const error = new RealtimeKitError('invalid_argument', 'meeting_id must not be empty');
    expect(answer(error)).toEqual(refusal(400, 'invalid_argument: meeting_id must not be empty'));
  });

  it('anything else is a 500 that says nothing of it', () => {
    expect(answer(new Error('token abc leaked'))).toEqual(refusal(500, 'The proxy failed'));
    expect(answer(undefined)).toEqual(refusal(500, 'The proxy failed'));
  });
});

describe('upstreamErrorAnswer edge cases', () => {
  it('an http error whose body is not a JSON object answers its status in the RealtimeKit shape, not its text', () => {
    for (const body of [null, 'Authorization: Bearer cf-token', 0, undefined, ['x']]) {
      expect(answer(new RealtimeKitError('http', `down ${body}`, { status: 503, body }))).toEqual(
        refusal(503, 'RealtimeKit answered 503'),
      );
    }
  });
  it('a status past 599 from upstream is a 502: no Response and no browser takes it', () => {
    for (const status of [600, 999]) {
      expect(answer(new RealtimeKitError('http', 'odd', { status, body: { error: { message: 'odd' } } }))).toEqual(
        refusal(502, `RealtimeKit answered ${status}, which is no HTTP status`),
      );
    }
  });

  it("a spent rate budget is a 429 with Retry-After that names neither the server's budget nor the operation", () => {
    const error = new RealtimeKitError(
      'rate_limited',
      'not sent: the rate budget (30 calls per 300 s) is spent; retry after 2026-12-01T12:05:00.000Z (in 42 s)',
      { operationId: 'get_meeting_participants', retryAfter: 42 },
    );
    const { status, headers, body } = upstreamErrorAnswer(error);
    expect([status, headers['retry-after'], JSON.parse(body)]).toEqual([
      429,
      '42',
      { success: false, error: { code: 429, message: 'Too many requests: retry after 42 s' } },
    ]);
  });
  it("an upstream 429 keeps the API's Retry-After", () => {
    const body = { success: false, error: { code: 429, message: 'Too many requests' } };
    const { status, headers } = upstreamErrorAnswer(
      new RealtimeKitError('http', 'x', { status: 429, body, retryAfter: 7 }),
    );
    expect([status, headers['retry-after']]).toEqual([429, '7']);
    expect(upstreamErrorAnswer(new RealtimeKitError('http', 'x', { status: 404, body })).headers['retry-after']).toBe(
      undefined,
    );
  });
});
