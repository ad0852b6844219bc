import { RealtimeKitError } from '@realtimekit-meetings/client';
import { describe, expect, it } from 'vitest';
import { upstreamErrorAnswer } from './responses';

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
      refusal(502, '502: bad gateway'),
    );
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
  it('an http error whose body is not a JSON object answers its own message in the RealtimeKit shape', () => {
    for (const body of [null, 'text', 0, undefined]) {
      expect(answer(new RealtimeKitError('http', 'down', { status: 503, body }))).toEqual(refusal(503, '503: down'));
    }
  });
});
