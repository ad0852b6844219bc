// The mock package's stateful fake, imported from its source. The client cannot list @realtimekit-meetings/mock as a
// dependency: the mock's own tests depend on the client, and that cycle breaks turbo's package graph. Its imports
// resolve from packages/mock, so nothing of the mock is installed into the client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitFake, type RealtimeKitFake } from '../../mock/src/fake/index';
import { createRealtimeKitClient } from '../src/create-client';
import { ACCOUNT, APP, TOKEN } from './recording-fetch';

export { createRealtimeKitFake };

/** `METHOD /path` after the app's prefix, with the query: `GET /presets?page_no=2&per_page=100`. */
const callOf = (request: Request) => {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname.replace(/^.*\/realtime\/kit\/[^/]+/, '')}${url.search}`;
};

/**
 * A client of a fresh fake whose every request is counted (`calls`, in order), and a second client of the same fake
 * (`other`) whose requests are not: what another deploy, or a person in the dashboard, does meanwhile. `before` runs
 * before each counted request reaches the fake, for a test that changes the state between two calls.
 */
export function countedFake() {
  const fake = createRealtimeKitFake({ seed: 7, apiToken: TOKEN, accountId: ACCOUNT, appId: APP });
  const calls: string[] = [];
  const hooks = {
    before: (_call: string, _n: number): void | Promise<void> => {},
    /** Where a counted request goes: the fake in process, or {@link via} a server. */
    send: (request: Request) => fake.fetch(request),
  };
  const counting = async (request: Request) => {
    const call = callOf(request);
    calls.push(call);
    await hooks.before(call, calls.length);
    return hooks.send(request);
  };
  const options = { apiToken: TOKEN, accountId: ACCOUNT, appId: APP, maxRetries: 0, rateBudget: false } as const;
  const rtk = createRealtimeKitClient({ ...options, fetch: counting });
  const other = createRealtimeKitClient({ ...options, fetch: fake.fetch });
  /** Only the writes: POST, PUT, PATCH, DELETE. */
  const writes = () => calls.filter((c) => !c.startsWith('GET '));
  /** Sends the counted requests to `baseUrl` over the network instead. */
  const via = (baseUrl: string) => {
    hooks.send = async (request) => {
      const { pathname, search } = new URL(request.url);
      const body = request.method === 'GET' ? undefined : await request.text();
      return fetch(`${baseUrl}${pathname}${search}`, { method: request.method, headers: request.headers, body });
    };
  };
  /** Answers the counted requests for which `answer` returns a Response itself; the others reach the fake. */
  const answerSome = (
    answer: (call: string, request: Request) => Response | undefined | Promise<Response | undefined>,
  ) => {
    hooks.send = async (request) => (await answer(callOf(request), request)) ?? fake.fetch(request);
  };
  return { fake, rtk, other, calls, writes, hooks, via, answerSome };
}

/**
 * The fake on a real node:http server on 127.0.0.1, with `intercept` in front: it answers each request, itself or
 * with what `forward()` (the fake) answers, or returns undefined to pass the request to the fake.
 */
export async function startFakeServer(
  fake: RealtimeKitFake,
  intercept: (
    request: Request,
    forward: () => Promise<Response>,
  ) => Response | undefined | Promise<Response | undefined>,
) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const init = {
      method: req.method ?? 'GET',
      headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)]) as [string, string][],
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    };
    const url = `http://127.0.0.1${req.url}`;
    const forward = () => fake.fetch(new Request(url, init));
    const response = (await intercept(new Request(url, init), forward)) ?? (await forward());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
