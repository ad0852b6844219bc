import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING } from '../test-support/render';
import {
  MAX_QUERY_RETRIES,
  RealtimeKitProvider,
  realtimeKitRetry,
  useInfiniteMeetings,
  useMeeting,
  useRealtimeKitQueries,
} from './index';

// A real server that answers every request with the status of the test, counting what it is asked.
let status = 200;
let asked = 0;
let server: Server;
let proxyUrl = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    asked++;
    request.resume();
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ success: false, errors: [{ code: status, message: `answered ${status}` }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/realtimekit`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A fresh QueryClient as an app makes it (TanStack's defaults unless given), and a client that retries nothing. */
function render<T>(answer: number, hook: () => T, queryClient = new QueryClient()) {
  status = answer;
  asked = 0;
  const client = createRealtimeKitClient({ proxyUrl, maxRetries: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RealtimeKitProvider client={client}>{children}</RealtimeKitProvider>
    </QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

describe('the hooks retry what may pass, and only that', () => {
  it('a 403 fails at once: one request, not TanStack default of 3 retries seconds apart', async () => {
    const { result } = render(403, () => useMeeting(MEETING));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(RealtimeKitError);
    expect(result.current.error?.status).toBe(403);
    expect([asked, result.current.failureCount]).toEqual([1, 1]);
  });

  it('a 404 on an infinite list fails at once too', async () => {
    const { result } = render(404, () => useInfiniteMeetings());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect([asked, result.current.error?.status]).toEqual([1, 404]);
  });

  it(`a 503 is asked again, ${MAX_QUERY_RETRIES} more times and no more`, async () => {
    const { result } = render(503, () => useMeeting(MEETING, { retryDelay: 0 }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect([asked, result.current.error?.status]).toEqual([1 + MAX_QUERY_RETRIES, 503]);
  });

  it("a retry the app chose wins: the QueryClient's retry: false, and a hook's own retry", async () => {
    const noRetries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const quiet = render(503, () => useMeeting(MEETING), noRetries);
    await waitFor(() => expect(quiet.result.current.status).toBe('error'));
    expect(asked).toBe(1);

    const insistent = render(403, () => useMeeting(MEETING, { retry: 1, retryDelay: 0 }));
    await waitFor(() => expect(insistent.result.current.status).toBe('error'));
    expect(asked).toBe(2);
  });

  it("realtimeKitRetry is there for TanStack's own hooks over useRealtimeKitQueries()", async () => {
    const { result } = render(401, () =>
      useQuery({ ...useRealtimeKitQueries().meeting(MEETING), retry: realtimeKitRetry }),
    );
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect([asked, result.current.error?.status]).toEqual([1, 401]);
  });
});

describe('realtimeKitRetry', () => {
  const http = (code: number) => new RealtimeKitError('http', `answered ${code}`, { status: code });
  it.each([400, 401, 403, 404, 409, 422])('does not retry a %i', (code) => {
    expect(realtimeKitRetry(0, http(code))).toBe(false);
  });
  it.each([408, 429, 500, 502, 503, 504])('retries a %i', (code) => {
    expect(realtimeKitRetry(0, http(code))).toBe(true);
    expect(realtimeKitRetry(MAX_QUERY_RETRIES - 1, http(code))).toBe(true);
    expect(realtimeKitRetry(MAX_QUERY_RETRIES, http(code))).toBe(false);
  });
  it.each([
    ['timeout', true],
    ['network', true],
    ['aborted', false],
    ['invalid_argument', false],
    ['invalid_response', false],
  ] as const)('a %s error: %s', (kind, retried) => {
    expect(realtimeKitRetry(0, new RealtimeKitError(kind, 'what happened'))).toBe(retried);
  });
  it('an error from elsewhere (a throw in select) is retried within the bound', () => {
    expect(realtimeKitRetry(0, new TypeError('x'))).toBe(true);
    expect(realtimeKitRetry(MAX_QUERY_RETRIES, new TypeError('x'))).toBe(false);
  });
});
