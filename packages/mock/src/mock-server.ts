import type { Server } from 'node:http';
import { createRealtimeKitFake, type RealtimeKitFake, type RealtimeKitFakeOptions } from './fake/create-fake';
import { fakeCore } from './fake/fake-core';
import { createPrismHandler } from './prism-handler';
import { serveFake, serveFetch } from './serve-node';

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generate answers from the schemas (json-schema-faker) instead of serving the spec's examples. */
  dynamic?: boolean;
  /**
   * Prism's proxy mode: forward every request to this base URL (for example
   * `https://api.cloudflare.com/client/v4`) and report where the real answers break the spec, in `sl-violations`.
   */
  upstream?: string;
  /** Receives Prism's log lines; silent by default. */
  log?: (level: string, message: string) => void;
  /**
   * Serve the stateful fake instead of Prism: what you create you can get, list, change and delete; unknown IDs get
   * 404. Pass the fake's options (`{ seed, now, limits }`) or `true`. Not with `dynamic` or `upstream`.
   */
  stateful?: boolean | RealtimeKitFakeOptions;
  /**
   * Answer CORS preflights and add `access-control-allow-*` headers, for a page that calls the mock directly. Off by
   * default, as the API sends none: a browser app must reach it through a server (the proxy).
   */
  cors?: boolean;
}

export interface MockServer {
  /** `http://127.0.0.1:PORT`, ready to use as the client's `baseUrl`. */
  url: string;
  port: number;
  /**
   * Stops the server; with `stateful`, the fake's webhook deliveries too (pending ones end as failed, "the mock server
   * closed"), so nothing it started keeps the process alive. May be called more than once.
   */
  close(): Promise<void>;
  /** With `stateful`: the fake behind the server, for `reset()` between tests, `startSession()` and `settled()`. */
  fake?: RealtimeKitFake;
}

/**
 * Starts a mock of the API in this process on 127.0.0.1. By default Prism, serving the effective RealtimeKit
 * Meetings spec: requests and security are validated (no `Bearer` token: 401; a body that breaks the schema: 422,
 * with the violations in `error.message` and the `sl-violations` header), and answers come from the spec's
 * examples. With `stateful`, the fake (see {@link createRealtimeKitFake}).
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, dynamic = false, upstream, log, stateful, cors = false } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be a whole number from 0 to 65535, not ${port}`);
  }
  if (stateful) {
    if (dynamic || upstream !== undefined) {
      throw new TypeError('stateful serves the fake: it does not go with dynamic or upstream, which are Prism modes');
    }
    const fakeOptions = stateful === true ? {} : stateful;
    const fake = createRealtimeKitFake(fakeOptions);
    // node:http straight into the fake's core, the one its web handler calls: no web Request or Response per request
    const served = await serve(serveFake(fakeCore(fake), { cors }), port);
    const close = () => {
      fake.stopDeliveries('the mock server closed');
      return served.close();
    };
    return { ...served, close, fake };
  }
  let upstreamUrl: URL | undefined;
  if (upstream !== undefined) {
    upstreamUrl = URL.canParse(upstream) ? new URL(upstream) : undefined;
    if (!upstreamUrl || !/^https?:$/.test(upstreamUrl.protocol)) {
      throw new TypeError(
        `upstream must be an http(s) URL such as https://api.cloudflare.com/client/v4, not ${upstream}`,
      );
    }
  }
  // Prism loads (about 2 s, much more on a busy machine) while the port is taken, so a port in use fails at once;
  // a request that arrives before it is ready waits for it
  const ready = createPrismHandler({ dynamic, upstream: upstreamUrl, log });
  ready.catch(() => undefined); // reported below, once the port is ours
  const mock = await serve(
    serveFetch((request) => ready.then((handle) => handle(request)), { cors }),
    port,
  );
  try {
    await ready;
  } catch (error) {
    await mock.close();
    throw error;
  }
  return mock;
}

/** Serves on 127.0.0.1 until `close()`, which may be called more than once. */
async function serve(server: Server, port: number): Promise<MockServer> {
  const url = await listen(server, port);
  let closing: Promise<void> | undefined;
  return {
    url,
    port: Number(new URL(url).port),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listenError(port: number, error: unknown) {
  const message = String((error as Error)?.message ?? error);
  if (message.includes('EADDRINUSE')) {
    return new Error(`Port ${port} on 127.0.0.1 is already in use: choose another, or 0 for a free one`);
  }
  return new Error(`The mock server could not listen on 127.0.0.1:${port}: ${message}`);
}

/** Listens on 127.0.0.1 and answers the base URL, `http://127.0.0.1:PORT`. */
function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(listenError(port, error)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
    });
  });
}
