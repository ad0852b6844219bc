import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, paths, root } from './generate.mjs';

// The recipe "upstream added an operation", end to end, in a copy of the repository: add the operation to the
// upstream copy of the spec, give it one entry in spec/sdk.yaml, run the generator, and nothing else. The new
// method, hook, query key and contract cases then build, type-check and pass against the Prism mock of that spec;
// the stateful fake, which type-checks too, answers the operation it does not implement yet with a 501 naming it;
// and once the fake is given one handler, the client gets its answer from the fake, validated against the spec, and
// the proxy routes it (allowed: forwarded; not allowed: refused), with no other edit.
const PACKAGES = ['core', 'client', 'contract', 'mock', 'proxy', 'react'];
const copy = mkdtempSync(path.join(tmpdir(), 'rtk-add-operation-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** A package's node_modules as links to the real ones, except the workspace packages, which point into the copy. */
function linkModules(name) {
  const from = path.join(root, 'packages', name, 'node_modules');
  const to = path.join(copy, 'packages', name, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === '@realtimekit-meetings') {
      mkdirSync(path.join(to, entry));
      for (const dep of readdirSync(path.join(from, entry))) {
        const copied = PACKAGES.includes(dep)
          ? path.join(copy, 'packages', dep)
          : realpathSync(path.join(from, entry, dep));
        symlinkSync(copied, path.join(to, entry, dep));
      }
    } else symlinkSync(realpathSync(path.join(from, entry)), path.join(to, entry));
  }
  // the probe below runs from react and uses the contract suite too, which react does not depend on
  if (name === 'react')
    symlinkSync(path.join(copy, 'packages/contract'), path.join(to, '@realtimekit-meetings/contract'));
}

function copyRepository() {
  cpSync(path.join(root, 'spec'), path.join(copy, 'spec'), { recursive: true });
  for (const file of ['tsconfig.base.json', 'build.shared.mts']) cpSync(path.join(root, file), path.join(copy, file));
  for (const name of PACKAGES) {
    const dir = path.join(root, 'packages', name);
    for (const entry of ['src', 'test-support', 'bin', 'package.json', 'tsconfig.json', 'tsup.config.mts']) {
      try {
        cpSync(path.join(dir, entry), path.join(copy, 'packages', name, entry), { recursive: true });
      } catch {}
    }
    linkModules(name);
  }
}

// an operation of a resource that is not under /meetings: nothing in the generator names a resource root
const NOTES = `  /accounts/{account_id}/realtime/kit/{app_id}/notes:
    get:
      operationId: get_app_notes
      summary: Fetch the notes of an app
      description: Returns every note of the given app.
      tags: [Notes]
      security: [{ api_token: [] }]
      parameters:
        - { name: account_id, in: path, required: true, schema: { type: string } }
        - { name: app_id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The notes.
          content:
            application/json:
              schema:
                type: object
                required: [success, data]
                properties:
                  success: { type: boolean }
                  data:
                    type: array
                    items:
                      type: object
                      required: [id, status]
                      properties:
                        id: { type: string, example: 'note-1' }
                        status: { type: string, enum: [DRAFT, SHARED] }
                        length: { type: number, example: 61 }
`;

// the fake's one handler for it, and its line in the fake's table of handlers
const NOTES_HANDLER = `import type { Handler } from './context';

export const notes = {
  get_app_notes: () => ({ status: 200, data: [{ id: 'note-1', status: 'SHARED' }] }),
} satisfies Record<string, Handler>;
`;

const NAMING = `  get_app_notes:
    method: notes.list
    hook: useNotes
    types: { result: AppNotes }
`;

describe('adding an operation that upstream published', () => {
  it('takes the operation in the spec, one naming entry and, for the fake, one handler; the generator does the rest', async () => {
    copyRepository();
    const upstream = path.join(copy, 'spec/upstream', path.basename(paths.upstream));
    const text = readFileSync(upstream, 'utf8');
    writeFileSync(upstream, text.replace(/^paths:\n/m, `paths:\n${NOTES}`));
    const naming = path.join(copy, 'spec/sdk.yaml');
    writeFileSync(naming, `${readFileSync(naming, 'utf8')}${NAMING}`);

    const files = await generate({ upstream, overlays: path.join(copy, 'spec/overlays'), naming }, copy);
    const changed = [];
    for (const [file, content] of files) {
      const original = path.join(root, path.relative(copy, file));
      let before = '';
      try {
        before = readFileSync(original, 'utf8');
      } catch {}
      if (before !== content) changed.push(path.relative(copy, file));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    // what the generator wrote anew: the operation reaches every package
    expect(changed).toEqual(
      expect.arrayContaining([
        'spec/realtimekit-meetings.openapi.yaml',
        'packages/core/src/generated/types.gen.ts',
        'packages/client/src/generated/resources.gen.ts',
        'packages/client/src/generated/notes.gen.ts',
        'packages/react/src/generated/use-notes.gen.ts',
        'packages/react/src/generated/keys.gen.ts',
        'packages/contract/src/generated/cases.gen.ts',
      ]),
    );
    expect(changed.every((file) => file.startsWith('spec/') || file.includes('/src/generated/'))).toBe(true);

    // it builds and type-checks, generated hooks and methods included
    const run = (name, tool, args = []) => {
      const cwd = path.join(copy, 'packages', name);
      const done = spawnSync(path.join(cwd, 'node_modules/.bin', tool), args, { cwd, encoding: 'utf8' });
      expect(done.status, `${tool} in ${name}:\n${done.stdout}${done.stderr}`).toBe(0);
    };
    for (const name of PACKAGES) run(name, 'tsup');
    for (const name of ['client', 'react', 'mock']) run(name, 'tsc', ['-p', 'tsconfig.json']);

    // and it works: the method, the query key and options, the hook, and the contract cases against Prism
    const probe = path.join(copy, 'packages/react/probe.mjs');
    writeFileSync(
      probe,
      `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { runContract, contractCases } from '@realtimekit-meetings/contract';
import { createRealtimeKitFake, startMockServer } from '@realtimekit-meetings/mock';
import { realtimeKitKeys, realtimeKitQueries, useNotes } from '@realtimekit-meetings/react';
const mock = await startMockServer();
const ids = { accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '14a396e7-ca44-4937-bf1f-050a69118543' };
const meetingId = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
try {
  const rtk = createRealtimeKitClient({ baseUrl: mock.url, apiToken: 't', ...ids, maxRetries: 0 });
  const notes = await rtk.notes.list();
  const results = await runContract({ baseUrl: mock.url, apiToken: 't', ...ids, meetingId, only: ['get_app_notes'] });
  const fake = createRealtimeKitFake();
  const faked = await fake.fetch(new Request(\`https://api.cloudflare.com/client/v4/accounts/\${ids.accountId}/realtime/kit/\${ids.appId}/notes\`, { headers: { authorization: 'Bearer t' } }));
  console.log(JSON.stringify({
    notes,
    key: realtimeKitKeys.notes('scope'),
    queryKey: realtimeKitQueries(rtk).notes().queryKey,
    hook: typeof useNotes,
    cases: contractCases.filter((c) => c.operationId === 'get_app_notes').length,
    results: results.map((r) => [r.kind, r.outcome, r.detail ?? '']),
    fake: [faked.status, (await faked.json()).error.message],
  }));
} finally {
  await mock.close();
}
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [probe], { cwd: path.dirname(probe), encoding: 'utf8' }));
    expect(out.notes).toEqual([expect.objectContaining({ id: 'note-1' })]);
    expect(out.key).toEqual(['realtimekit', 'scope', 'notes']);
    expect(out.queryKey).toEqual([
      'realtimekit',
      `${'023e105f4ecef8ad9ca31a8372d0c353'}/${'14a396e7-ca44-4937-bf1f-050a69118543'}`,
      'notes',
    ]);
    expect(out.hook).toBe('function');
    expect(out.cases).toBe(1);
    expect(out.fake).toEqual([501, expect.stringContaining('does not implement get_app_notes (GET ')]);
    expect(out.results).toEqual([
      ['valid', 'pass', ''],
      ['unauthorized', 'pass', expect.stringContaining('refused with 401')],
    ]);

    // one handler in the fake: the client, through the fake, and the proxy in front of it
    const fakeDir = path.join(copy, 'packages/mock/src/fake');
    writeFileSync(path.join(fakeDir, 'notes.ts'), NOTES_HANDLER);
    const table = readFileSync(path.join(fakeDir, 'handlers.ts'), 'utf8');
    writeFileSync(
      path.join(fakeDir, 'handlers.ts'),
      `import { notes } from './notes';\n${table.replace(/\n};\s*$/, '\n  ...notes,\n};\n')}`,
    );
    run('mock', 'tsup');
    run('mock', 'tsc', ['-p', 'tsconfig.json']);
    const handled = path.join(copy, 'packages/react/handled.mjs');
    writeFileSync(
      handled,
      `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
const ids = { accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '14a396e7-ca44-4937-bf1f-050a69118543' };
const fake = createRealtimeKitFake();
const rtk = createRealtimeKitClient({ baseUrl: 'https://api.cloudflare.com/client/v4', apiToken: 't', ...ids, maxRetries: 0, fetch: fake.fetch });
const proxied = async (allow) => {
  const proxy = createRealtimeKitProxy({ client: rtk, basePath: '/rtk', allow, authorize: () => true });
  const answer = await proxy(new Request('https://app.example/rtk/notes'));
  return [answer.status, await answer.json()];
};
console.log(JSON.stringify({ notes: await rtk.notes.list(), allowed: await proxied(['get_app_notes']), denied: await proxied(['get_meeting']) }));
`,
    );
    const after = JSON.parse(
      execFileSync(process.execPath, [handled], { cwd: path.dirname(handled), encoding: 'utf8' }),
    );
    expect(after.notes).toEqual([{ id: 'note-1', status: 'SHARED' }]);
    expect(after.allowed).toEqual([200, expect.objectContaining({ data: [{ id: 'note-1', status: 'SHARED' }] })]);
    expect(after.denied).toEqual([403, expect.objectContaining({ success: false })]);
  }, 600_000); // seven builds and four type-checks of a repository copy, while the other suites run
});
