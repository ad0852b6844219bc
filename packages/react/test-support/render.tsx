import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, inject } from 'vitest';
import { RealtimeKitProvider } from '../src/index';

/**
 * Renders hooks as a browser app would run them: a fresh QueryClient (retries off), a proxy-mode client whose
 * requests go to the proxy in front of the Prism mock, and a log of those requests ("GET /meetings").
 */
export function setup({ delayMs }: { delayMs?: (request: Request) => number } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  const requests: string[] = [];
  /** Each request as sent, with its signal: what the hooks abort shows there. */
  const sent: Request[] = [];
  const proxyUrl = inject('realtimekitProxyUrl');
  const client = createRealtimeKitClient({
    proxyUrl,
    maxRetries: 0,
    fetch: (request) => {
      const url = new URL(request.url);
      sent.push(request);
      requests.push(`${request.method} ${url.pathname.slice(new URL(proxyUrl).pathname.length)}${url.search}`);
      const wait = delayMs?.(request) ?? 0;
      return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)).then(() => fetch(request)) : fetch(request);
    },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RealtimeKitProvider client={client}>{children}</RealtimeKitProvider>
    </QueryClientProvider>
  );
  const render = <T,>(hook: () => T) => renderHook(hook, { wrapper });
  /** How many requests were exactly `request` ("GET /meetings?status=ACTIVE"). */
  const count = (request: string) => requests.filter((r) => r === request).length;
  return { queryClient, client, requests, sent, render, count };
}

export { MEETING, OTHER_MEETING } from '@realtimekit-meetings/test-fixtures/ids';
/** The participant ID of the spec's examples, which the mock answers with. */
export const PARTICIPANT = '497f6eca-6276-4993-bfeb-53cbbbba6f08';

/** Waits until every query in `views` has succeeded; a timeout names each view with its status or its error. */
export async function untilLoaded(views: { result: { current: Record<string, { status: string; error: unknown }> } }) {
  const states = () =>
    Object.fromEntries(
      Object.entries(views.result.current).map(([name, q]) => [name, q.error ? String(q.error) : q.status]),
    );
  const success = Object.fromEntries(Object.keys(views.result.current).map((name) => [name, 'success']));
  await waitFor(() => expect(states()).toEqual(success));
}
