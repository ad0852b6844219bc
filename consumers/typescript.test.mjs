import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, inject, it } from 'vitest';

// A consumer file that uses every package, and each package README's complete example, type-checked against
// the installed tarballs under three configurations a user might have.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const execFileAsync = promisify(execFile);
const root = path.join(import.meta.dirname, '..');
const PACKAGES = ['core', 'client', 'contract', 'mock', 'proxy', 'react'];
const MARKER = '<!-- type-checked:';

const consumer = `import { createServer } from 'node:http';
import { createRealtimeKitClient, RealtimeKitError, type Meeting, type ParticipantWithToken, type RealtimeKitClient } from '@realtimekit-meetings/client';
import { operationTable, type MeetingCreateBody, type OperationId } from '@realtimekit-meetings/core';
import { openapiDocument } from '@realtimekit-meetings/mock/openapi';
import { contractCases, runContract, type ContractResult } from '@realtimekit-meetings/contract';
import { startMockServer } from '@realtimekit-meetings/mock';
import setup from '@realtimekit-meetings/mock/vitest-global-setup';
import { createRealtimeKitFake, type RealtimeKitFake } from '@realtimekit-meetings/mock/fake';
import { createRealtimeKitProxy, type ProxiedOperation } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';
import { RealtimeKitProvider, realtimeKitKeys, realtimeKitQueries, useAddParticipant, useMeetings } from '@realtimekit-meetings/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

export async function server(): Promise<RealtimeKitClient> {
  const mock = await startMockServer({ dynamic: false });
  const rtk = createRealtimeKitClient({ baseUrl: mock.url, apiToken: 't', accountId: 'a', appId: 'b' });
  const body: MeetingCreateBody = { title: 'Standup' };
  const meeting: Meeting = await rtk.meetings.create(body);
  const host: ParticipantWithToken = await rtk.participants.add(meeting.id, { custom_participant_id: 'u', preset_name: 'host' });
  const token: string = host.token;
  // @ts-expect-error status belongs to PATCH only
  await rtk.meetings.create({ status: 'ACTIVE' });
  const id: OperationId = 'add_participant';
  const status: number = operationTable[id].successStatus;
  const results: ContractResult[] = await runContract({ baseUrl: mock.url, apiToken: 't', only: [contractCases[0]!.operationId] });
  const authorize = (_request: Request, operation: ProxiedOperation) => operation.operationId === 'get_meeting';
  createServer(toNodeListener(createRealtimeKitProxy({ client: rtk, basePath: '/api', allow: ['get_meeting'], authorize })));
  const teardown = await setup({ provide: () => undefined });
  await teardown();
  console.log(token, status, results.length, openapiDocument.openapi);
  const fake: RealtimeKitFake = createRealtimeKitFake({ seed: 1, now: () => new Date(), limits: { meetings: 10 } });
  fake.startSession(meeting.id, { participants: [host.id] });
  const response: Response = await fake.fetch(new Request('https://api.cloudflare.com/client/v4/accounts/a/realtime/kit/b/meetings'));
  // @ts-expect-error the fake's limits are numbers
  createRealtimeKitFake({ limits: { meetings: 'many' } });
  const stateful = await startMockServer({ stateful: { seed: 2 } });
  stateful.fake?.reset();
  console.log(response.status);
  try {
    await rtk.meetings.get('m');
  } catch (error) {
    if (error instanceof RealtimeKitError && error.kind === 'http') console.log(error.status, error.code, error.requestId);
  }
  return rtk;
}

function Meetings() {
  const { data, error } = useMeetings({ per_page: 10 });
  const add = useAddParticipant({ onSuccess: (participant) => console.log(participant.token.length) });
  if (error) return <p>{error.status}: {error.message}</p>;
  return (
    <ul>
      {data?.data.map((m) => (
        <li key={m.id} onClick={() => add.mutate({ meetingId: m.id, body: { custom_participant_id: 'u', preset_name: 'p' } })}>{m.title}</li>
      ))}
    </ul>
  );
}

export function App() {
  const rtk = createRealtimeKitClient({ proxyUrl: '/api/realtimekit' });
  const queryClient = new QueryClient();
  void queryClient.prefetchQuery(realtimeKitQueries(rtk).meeting('m'));
  console.log(realtimeKitKeys.meetingLists(rtk.scope));
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeKitProvider client={rtk}>
        <Meetings />
      </RealtimeKitProvider>
    </QueryClientProvider>
  );
}
`;

// The MSW entry, apart: msw's own declarations do not compile with strict: false (its define-network.d.mts), so
// it is checked under the strict configurations only, as a user with strict: false would need skipLibCheck.
const mswConsumer = `import { createRealtimeKitFake } from '@realtimekit-meetings/mock/fake';
import { realtimeKitHandlers } from '@realtimekit-meetings/mock/msw';
import { setupServer } from 'msw/node';

setupServer(...realtimeKitHandlers({ fake: createRealtimeKitFake(), proxyUrl: '/api/realtimekit' })).listen();
`;

const configs = {
  'node16, strict': { module: 'node16', moduleResolution: 'node16', strict: true },
  'bundler, strict': { module: 'esnext', moduleResolution: 'bundler', strict: true },
  'bundler, strict: false': { module: 'esnext', moduleResolution: 'bundler', strict: false },
};

/** The block under the type-checked marker of a package README. */
function readmeExample(pkg) {
  const text = readFileSync(path.join(root, 'packages', pkg, 'README.md'), 'utf8');
  const from = text.indexOf(MARKER);
  const block = text.slice(from).match(/```tsx?\n([\s\S]*?)```/);
  if (from < 0 || !block) throw new Error(`packages/${pkg}/README.md has no type-checked example`);
  return block[1];
}

/** Every TypeScript block of every guide, as written (the consumer project has vitest, as a tester's would). */
const GUIDES = ['backend', 'react-app', 'contract-testing'];
function guideBlocks(guide) {
  const text = readFileSync(path.join(root, 'docs/guides', `${guide}.md`), 'utf8');
  return [...text.matchAll(/```tsx?\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('TypeScript, from the tarballs', () => {
  beforeAll(() => {
    const app = inject('consumerApp');
    writeFileSync(path.join(app, 'consumer.tsx'), consumer);
    writeFileSync(path.join(app, 'consumer-msw.ts'), mswConsumer);
    for (const pkg of PACKAGES)
      writeFileSync(path.join(app, `readme-${pkg}.tsx`), `${readmeExample(pkg)}\nexport {};\n`);
    for (const guide of GUIDES) {
      for (const [i, block] of guideBlocks(guide).entries()) {
        writeFileSync(path.join(app, `readme-guide-${guide}-${i}.tsx`), `${block}\nexport {};\n`);
      }
    }
  });

  it.each(Object.entries(configs))(
    'a consumer of every package, every README example and the guides compile (%s)',
    (name, options) => {
      const app = inject('consumerApp');
      const file = `tsconfig.${name.replace(/\W+/g, '-')}.json`;
      const compilerOptions = {
        ...options,
        target: 'es2022',
        lib: ['es2022', 'dom', 'dom.iterable'],
        jsx: 'react-jsx',
        types: ['node'],
        noEmit: true,
        skipLibCheck: false,
        esModuleInterop: true,
      };
      writeFileSync(
        path.join(app, file),
        JSON.stringify({
          compilerOptions,
          include: ['consumer.tsx', 'readme-*.tsx', ...(options.strict ? ['consumer-msw.ts'] : [])],
        }),
      );
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', file], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        output = `${error.stdout}${error.stderr}`;
      }
      expect(output).toBe('');
    },
  );

  it('would catch a type error (the check is real)', () => {
    const app = inject('consumerApp');
    writeFileSync(
      path.join(app, 'broken.ts'),
      "import { createRealtimeKitClient } from '@realtimekit-meetings/client';\ncreateRealtimeKitClient().meetings.get(42);\n",
    );
    writeFileSync(
      path.join(app, 'tsconfig.broken.json'),
      JSON.stringify({
        compilerOptions: { ...configs['node16, strict'], noEmit: true, types: ['node'] },
        include: ['broken.ts'],
      }),
    );
    const result = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', 'tsconfig.broken.json'], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        return error.stdout;
      }
    })();
    expect(result).toContain("Argument of type 'number' is not assignable to parameter of type 'string'");
  });
});

describe('README examples, run as written', () => {
  /** Compiles a README's example to JavaScript and runs it in the consumer project with `env`; its output. */
  function runExample(pkg, env) {
    const app = inject('consumerApp');
    const { outputText } = ts.transpileModule(readmeExample(pkg), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const file = path.join(app, `run-readme-${pkg}.mjs`);
    writeFileSync(file, outputText);
    // not execFileSync: the mock it calls answers from this process, whose event loop must keep running
    return execFileAsync(process.execPath, [file], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    }).then((r) => r.stdout);
  }

  it("the client's, against the stateful mock: its 404 branch runs", async () => {
    const app = inject('consumerApp');
    const { startMockServer } = createRequire(path.join(app, 'package.json'))('@realtimekit-meetings/mock');
    const mock = await startMockServer({ stateful: true });
    try {
      const output = await runExample('client', {
        CLOUDFLARE_BASE_URL: mock.url,
        CLOUDFLARE_API_TOKEN: 'readme-token',
        CLOUDFLARE_ACCOUNT_ID: '023e105f4ecef8ad9ca31a8372d0c353',
        REALTIMEKIT_APP_ID: '14a396e7-ca44-4937-bf1f-050a69118543',
      });
      expect(output).toMatch(/^[\w-]{36} Daily standup$/m);
      expect(output).toContain('gone: 404 get_meeting: No meeting found with id 00000000-0000-4000-8000-000000000000');
    } finally {
      await mock.close();
    }
  });

  it("the mock package's: the fake forgets a deleted participant and refuses another token", async () => {
    expect((await runExample('mock', {})).trim()).toBe('404 401');
  });

  it("the contract package's: the suite passes against the stateful mock, writes included", async () => {
    expect((await runExample('contract', {})).trim()).toMatch(/^0 failed, \d+ passed$/);
  });
});
