import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, inject, it } from 'vitest';
import { MEETING } from '../test-support/render';
import { RealtimeKitProvider, useMeeting } from './index';
import { realtimeKitQueries } from './queries';

function Title() {
  const meeting = useMeeting(MEETING);
  return <h1>{meeting.data ? `title: ${meeting.data.title}` : 'loading'}</h1>;
}

// The recipe the README gives: prefetch on the server with the directive-free entry, dehydrate, render; hydrate in the
// browser with a client in proxy mode whose scope is the server's, so the prefetched data is used as it is.
describe('server rendering', () => {
  it('hydrates what the server prefetched, with zero requests from the browser', async () => {
    const server = createRealtimeKitClient({
      baseUrl: inject('realtimekitMockUrl'),
      apiToken: 'server-side-token',
      accountId: ACCOUNT,
      appId: APP,
      dangerouslyAllowBrowser: true, // this test's "server" shares jsdom's window; a real server has none
    });
    const serverQueries = new QueryClient();
    await serverQueries.prefetchQuery(realtimeKitQueries(server).meeting(MEETING));
    const html = renderToString(
      <QueryClientProvider client={serverQueries}>
        <RealtimeKitProvider client={server}>
          <Title />
        </RealtimeKitProvider>
      </QueryClientProvider>,
    );
    expect(html).toMatch(/title: \w+/);
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueries))); // as it crosses to the page

    const requests: string[] = [];
    const browser = createRealtimeKitClient({
      proxyUrl: inject('realtimekitProxyUrl'),
      scope: server.scope, // the server's, handed to the page: not a secret
      fetch: (request) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      },
    });
    const browserQueries = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(
        container,
        <QueryClientProvider client={browserQueries}>
          <HydrationBoundary state={state}>
            <RealtimeKitProvider client={browser}>
              <Title />
            </RealtimeKitProvider>
          </HydrationBoundary>
        </QueryClientProvider>,
        { onRecoverableError: (error) => errors.push(error) },
      );
    });
    await waitFor(() => expect(container.textContent).toMatch(/^title: \w+$/));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
    expect(errors).toEqual([]); // no hydration mismatch
    expect(container.innerHTML).toBe(html);
  });
});
