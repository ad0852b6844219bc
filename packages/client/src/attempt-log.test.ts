import { afterEach, expect, it, vi } from 'vitest';
import { ACCOUNT, APP, MEETING, neverAnswers, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('logs one line per attempt: method, path without the host, status, attempt, time, the retry, never the token', async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const lines: string[] = [];
  let calls = 0;
  const { fetch } = recordingFetch(async () => {
    await new Promise((resolve) => setTimeout(resolve, 40)); // each answer takes 40 ms
    return ++calls === 1
      ? new Response('{}', { status: 503 })
      : Response.json({ success: true, data: { id: MEETING } });
  });
  const rtk = createRealtimeKitClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    appId: APP,
    baseUrl: 'https://api.example.test/client/v4',
    maxRetries: 1,
    fetch,
    logger: { debug: (line) => lines.push(line) },
  });
  const pending = rtk.meetings.get(MEETING);
  await vi.advanceTimersByTimeAsync(40 + 250 + 40);
  await pending;
  const path = `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`;
  expect(lines).toEqual([
    `[realtimekit] GET ${path} 503 (attempt 1/2, 40 ms, retrying in 250 ms) Authorization: [redacted]`,
    `[realtimekit] GET ${path} 200 (attempt 2/2, 40 ms) Authorization: [redacted]`,
  ]);
});

it('a proxy client logs no Authorization at all, and a failed call says how long it took in all', async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const lines: string[] = [];
  const { fetch } = recordingFetch(async () => {
    await new Promise((resolve) => setTimeout(resolve, 40));
    return new Response('{}', { status: 503 });
  });
  const rtk = createRealtimeKitClient({
    proxyUrl: 'https://app.example.test/api/realtimekit',
    maxRetries: 1,
    fetch,
    logger: { debug: (line) => lines.push(line) },
  });
  const pending = rejection(rtk.meetings.get(MEETING));
  await vi.advanceTimersByTimeAsync(40 + 250 + 40);
  expect((await pending).message).toBe('503 get_meeting: the answer has no error message (2 attempts, 330 ms in all)');
  expect(lines[1]).toBe(`[realtimekit] GET /api/realtimekit/meetings/${MEETING} 503 (attempt 2/2, 40 ms)`);
});

it("an attempt the caller's signal ends gets its line too, as aborted", async () => {
  const lines: string[] = [];
  const { fetch, requests } = recordingFetch(neverAnswers);
  const rtk = createRealtimeKitClient({
    proxyUrl: 'https://app.example.test/api/realtimekit',
    fetch,
    logger: { debug: (line) => lines.push(line) },
  });
  const controller = new AbortController();
  const pending = rejection(rtk.meetings.get(MEETING, { signal: controller.signal }));
  await vi.waitFor(() => expect(requests).toHaveLength(1));
  controller.abort();
  expect((await pending).kind).toBe('aborted');
  expect(lines).toEqual([
    expect.stringMatching(
      new RegExp(`^\\[realtimekit\\] GET /api/realtimekit/meetings/${MEETING} aborted \\(attempt 1/3, \\d+ ms\\)$`),
    ),
  ]);
});
