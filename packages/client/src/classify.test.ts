import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

// What a failure to get an answer reads as: each network code a sentence about the host, the rest named as they are.
const failing = (thrown: unknown) =>
  createRealtimeKitClient({
    baseUrl: 'https://api.example.test/client/v4',
    apiToken: 't',
    accountId: 'a',
    appId: 'b',
    maxRetries: 0,
    fetch: () => Promise.reject(thrown),
  });
const withCode = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('a network failure says what happened to which host', () => {
  it.each([
    ['ECONNREFUSED', 'connection refused by api.example.test'],
    ['ENOTFOUND', 'api.example.test was not found (DNS)'],
    ['EAI_AGAIN', 'api.example.test could not be looked up (DNS)'],
    ['ECONNRESET', 'the connection to api.example.test was reset'],
    ['UND_ERR_SOCKET', 'the connection to api.example.test closed before the answer'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connecting to api.example.test timed out'],
    ['EHOSTUNREACH', 'EHOSTUNREACH talking to api.example.test'],
  ])('%s', async (code, detail) => {
    const error = await rejection(failing(withCode(code)).meetings.list());
    expect([error.kind, error.message]).toEqual(['network', `network get_all_meetings: ${detail}`]);
  });

  it('without a code, the error’s name, never its message (it may quote a header); without one, "failed"', async () => {
    const thrown = new TypeError('Headers.append: "Bearer secret\n" is an invalid header value');
    const error = await rejection(failing(thrown).meetings.list());
    expect(error.message).toBe('network get_all_meetings: TypeError (see cause) talking to api.example.test');
    expect(error.cause).toBe(thrown);
    for (const thrown of [{}, undefined]) {
      expect((await rejection(failing(thrown).meetings.list())).message).toBe(
        'network get_all_meetings: failed talking to api.example.test',
      );
    }
  });
});

describe('an answer that is not what the API sends', () => {
  it('a 2xx whose body is not a JSON object: invalid_response, with the request ID', async () => {
    const { fetch } = recordingFetch(() => Response.json([1, 2], { headers: { 'cf-ray': 'ray-9' } }));
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', maxRetries: 0, fetch });
    const error = await rejection(rtk.meetings.list());
    expect([error.kind, error.message, error.requestId]).toEqual([
      'invalid_response',
      'invalid_response get_all_meetings: the API answered with a body that is not a JSON object',
      'ray-9',
    ]);
  });
});
