import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { contractCases, startMockServer } from '@realtimekit-meetings/contract';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';

declare module 'vitest' {
  export interface ProvidedContext {
    realtimekitProxyUrl: string;
  }
}

/** The Prism mock, and in front of it the proxy a browser app would call; provides the proxy's URL. */
export default async function setup(project: { provide(key: 'realtimekitProxyUrl', value: string): void }) {
  const mock = await startMockServer();
  const client = createRealtimeKitClient({
    baseUrl: mock.url,
    apiToken: 'server-side-token',
    accountId: '023e105f4ecef8ad9ca31a8372d0c353',
    appId: '14a396e7-ca44-4937-bf1f-050a69118543',
    maxRetries: 0,
  });
  const allow = contractCases.map((c) => c.operationId); // every operation
  const handle = createRealtimeKitProxy({ client, basePath: '/api/realtimekit', allow, authorize: () => true });
  const server = createServer(toNodeListener(handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('realtimekitProxyUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/realtimekit`);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mock.close();
  };
}
