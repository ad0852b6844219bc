import { afterEach, describe, expect, it, vi } from 'vitest';
import { MEETING, neverAnswers, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

const PROXY = 'https://app.example.test/api/realtimekit';
const browser = (fetch: (r: Request) => Promise<Response>, extra = {}) =>
  createRealtimeKitClient({ proxyUrl: PROXY, fetch, maxRetries: 0, ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('joinMeeting: this user’s join token, from the proxy’s join route', () => {
  it('posts an empty body to {proxyUrl}/meetings/{id}/join, once, and answers { token, participantId }', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ token: 'join-token', participant_id: 'p-1' }));
    expect(await browser(fetch).joinMeeting(MEETING)).toEqual({ token: 'join-token', participantId: 'p-1' });
    expect(requests.map((r) => [r.method, r.url])).toEqual([['POST', `${PROXY}/meetings/${MEETING}/join`]]);
    expect(await requests[0]?.text()).toBe('{}');
    // the proxy takes a join only as JSON, which a form on another site cannot send
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.headers.get('authorization')).toBeNull();
  });

  it('refuses on a server client, and a bad meeting ID, before sending anything', async () => {
    const { fetch, requests } = recordingFetch();
    const server = createRealtimeKitClient({ apiToken: TOKEN, accountId: 'a', appId: 'b', fetch });
    expect((await rejection(server.joinMeeting(MEETING))).message).toBe(
      'invalid_argument: joinMeeting is for a browser client behind the proxy (proxyUrl); on a server, use createJoinTokens',
    );
    for (const [id, after] of [
      ['', ''],
      ['..', ''],
      [7 as never, ', not number'],
    ] as [string, string][]) {
      expect((await rejection(browser(fetch).joinMeeting(id))).message).toBe(
        `invalid_argument join: meetingId must be a non-empty string other than "." or ".."${after}`,
      );
    }
    expect(requests).toHaveLength(0);
  });

  it('a refusal of the route is an http error of the join operation, with its status', async () => {
    const { fetch } = recordingFetch(() =>
      Response.json({ success: false, error: { code: 401, message: 'Sign in to join this meeting' } }, { status: 401 }),
    );
    const error = await rejection(browser(fetch).joinMeeting(MEETING));
    expect(error).toMatchObject({ kind: 'http', status: 401, operationId: 'join' });
    expect(error.message).toBe('401 join: Sign in to join this meeting');
  });

  it('an answer without the token or the participant is an invalid_response', async () => {
    for (const body of [{ token: 't' }, { participant_id: 'p' }, { token: 1, participant_id: 'p' }]) {
      const { fetch } = recordingFetch(() => Response.json(body));
      const error = await rejection(browser(fetch).joinMeeting(MEETING));
      expect([error.kind, error.message]).toEqual([
        'invalid_response',
        'invalid_response join: the join route answered without token and participant_id',
      ]);
    }
  });

  it("the caller's abort is 'aborted', its reason the cause, as a request's; its own timeout is 'timeout', after timeoutMs and not before", async () => {
    const controller = new AbortController();
    const aborted = rejection(browser(neverAnswers).joinMeeting(MEETING, { signal: controller.signal }));
    const reason = new Error('the user left the page');
    controller.abort(reason);
    const error = await aborted;
    expect([error.message, error.cause]).toEqual(["aborted join: the caller's signal aborted it", reason]);

    vi.useFakeTimers();
    let settled = false;
    const timedOut = rejection(browser(neverAnswers, { timeoutMs: 1000 }).joinMeeting(MEETING)).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await timedOut).message).toBe('timeout join: no answer within 1000 ms from app.example.test');
  });

  it('a failure to reach the proxy is a network error naming the host', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const error = await rejection(browser(() => Promise.reject(refused)).joinMeeting(MEETING));
    expect([error.kind, error.message]).toEqual(['network', 'network join: connection refused by app.example.test']);
  });
});
