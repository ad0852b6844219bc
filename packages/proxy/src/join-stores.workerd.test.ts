import { createRequire } from 'node:module';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer } from '../test-support/fake-server';

// esbuild as tsup brings it (a direct dependency would change which vite, and so which vitest, the package gets)
const { build } = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

/** A Worker serving the proxy's join route on a shared store (D1, or the coordinator), as an app would write it. */
const worker = `
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitProxy } from './create-proxy';
import { d1JoinTokenStore, durableObjectJoinTokenStore, JoinTokenCoordinator } from './join-stores';
export { JoinTokenCoordinator };
let handle;
export default {
  fetch(request, env) {
    handle ??= createRealtimeKitProxy({
      client: createRealtimeKitClient({ baseUrl: env.UPSTREAM, apiToken: 't', accountId: env.ACCOUNT, appId: env.APP }),
      basePath: '/api',
      join: {
        identify: (r) => ({ id: r.headers.get('x-test-user') }),
        authorize: () => true,
        store: env.STORE === 'd1' ? d1JoinTokenStore(env.DB) : durableObjectJoinTokenStore(env.JOIN_TOKENS),
      },
    });
    return handle(request);
  },
};
`;

let fake: Awaited<ReturnType<typeof startFakeServer>>;
let mf: Miniflare;
const WORKERS = 4;
beforeAll(async () => {
  fake = await startFakeServer();
  const bundle = await build({
    stdin: { contents: worker, resolveDir: path.join(import.meta.dirname), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const { ACCOUNT, APP } = await import('@realtimekit-meetings/test-fixtures/ids');
  mf = new Miniflare({
    workers: Array.from({ length: WORKERS * 2 }, (_, i) => ({
      name: `app-${i}`,
      modules: true,
      script,
      compatibilityDate: '2025-07-01',
      // the first half on the coordinator, the second on one D1 database
      bindings: { UPSTREAM: fake.url, ACCOUNT, APP, STORE: i < WORKERS ? 'do' : 'd1' },
      d1Databases: { DB: 'shared-join-tokens' },
      // every Worker binds the one coordinator class, defined by the first
      durableObjects: { JOIN_TOKENS: { className: 'JoinTokenCoordinator', scriptName: 'app-0' } },
    })),
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
  await fake.close();
});

describe.each([
  ['the JoinTokenCoordinator Durable Object', 0],
  ['one D1 database', WORKERS],
])('the join route on several Workers in workerd sharing %s', (_store, first) => {
  it(`200 concurrent joins for 40 users over ${WORKERS} Workers: exactly 40 participants`, async () => {
    const meetingId = await fake.newMeeting();
    const workers = (await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => mf.getWorker(`app-${first + i}`)),
    )) as unknown as {
      fetch(url: string, init: object): Promise<{ status: number; json(): Promise<unknown> }>;
    }[];
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const response = await workers[i % WORKERS]!.fetch(`https://app.example.test/api/meetings/${meetingId}/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-test-user': `user-${i % 40}` },
          body: '{}',
        });
        return { status: response.status, body: (await response.json()) as { participant_id?: string } };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const listed = await fake.participants(meetingId);
    expect(listed).toHaveLength(40);
    const byUser = new Map(listed.map((p) => [p.custom_participant_id, p.id]));
    expect(answers.map((a) => a.body.participant_id)).toEqual(answers.map((_, i) => byUser.get(`user-${i % 40}`)));
  });
});
