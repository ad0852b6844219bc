import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';

// A consumer file that uses every package, and each package README's complete example, type-checked against
// the installed tarballs under three configurations a user might have.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const root = path.join(import.meta.dirname, '..');
const PACKAGES = ['core', 'client', 'contract', 'proxy', 'react'];
const MARKER = '<!-- type-checked:';

const consumer = `import { createServer } from 'node:http';
import { createRealtimeKitClient, RealtimeKitError, type Meeting, type ParticipantWithToken, type RealtimeKitClient } from '@realtimekit-meetings/client';
import { operationTable, type MeetingCreateBody, type OperationId } from '@realtimekit-meetings/core';
import { openapiDocument } from '@realtimekit-meetings/core/openapi';
import { contractCases, runContract, startMockServer, type ContractResult } from '@realtimekit-meetings/contract';
import setup from '@realtimekit-meetings/contract/vitest-global-setup';
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
        JSON.stringify({ compilerOptions, include: ['consumer.tsx', 'readme-*.tsx'] }),
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
