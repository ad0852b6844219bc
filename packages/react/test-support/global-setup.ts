import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { startMockServer } from '@realtimekit-meetings/mock';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';

declare module 'vitest' {
  export interface ProvidedContext {
    realtimekitProxyUrl: string;
    realtimekitMockUrl: string;
  }
}

/** The Prism mock, and in front of it the proxy a browser app would call; provides the proxy's URL. */
export default async function setup(project: {
  provide(key: 'realtimekitProxyUrl' | 'realtimekitMockUrl', value: string): void;
}) {
  const mock = await startMockServer();
  const client = createRealtimeKitClient({
    baseUrl: mock.url,
    apiToken: 'server-side-token',
    accountId: ACCOUNT,
    appId: APP,
    maxRetries: 0,
  });
  // every operation of the app (the account's own, apps, are no proxy's: createRealtimeKitProxy refuses them)
  const allow = (Object.keys(operationTable) as OperationId[]).filter((id) =>
    operationTable[id].path.startsWith(`${APP_PATH_PREFIX}/`),
  );
  const handle = createRealtimeKitProxy({
    client,
    basePath: '/api/realtimekit',
    allow,
    authorize: () => true,
    // the tests send the participant's preset and identity themselves
    decideParticipant: (_request, _operation, body) => ({
      preset_name: body.preset_name as string | undefined,
      custom_participant_id: body.custom_participant_id as string | undefined,
    }),
    join: { identify: () => ({ id: 'react-test-user', name: 'React Test' }), authorize: () => true },
  });
  const server = createServer(toNodeListener(handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('realtimekitMockUrl', mock.url);
  project.provide('realtimekitProxyUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/realtimekit`);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mock.close();
  };
}
