import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

// The mock from the built output (dist/), in a fresh process, through Node's own require and import.
const script = (load: string) => `${load}
startMockServer().then(async (mock) => {
  const res = await fetch(mock.url + '/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/14a396e7-ca44-4937-bf1f-050a69118543/meetings', { headers: { authorization: 'Bearer x' } });
  await mock.close();
  console.log(JSON.stringify({ status: res.status, fake: typeof createRealtimeKitFake }));
});`;

describe('built package', () => {
  it.each([
    ['commonjs', "const { startMockServer, createRealtimeKitFake } = require('@realtimekit-meetings/mock');"],
    ['module', "import { startMockServer, createRealtimeKitFake } from '@realtimekit-meetings/mock';"],
  ])('starts the mock through %s and answers', async (type, load) => {
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({ status: 200, fake: 'function' });
  });

  it.each([
    ['commonjs', "const { startMockServer } = require('@realtimekit-meetings/mock');"],
    ['module', "import { startMockServer } from '@realtimekit-meetings/mock';"],
  ])('serves the stateful fake through %s, from the one copy in ./fake', async (type, load) => {
    const code = `${load}
startMockServer({ stateful: true }).then(async (mock) => {
  const base = mock.url + '/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/14a396e7-ca44-4937-bf1f-050a69118543';
  const headers = { authorization: 'Bearer x', 'content-type': 'application/json' };
  const created = await fetch(base + '/meetings', { method: 'POST', headers, body: JSON.stringify({ title: 'T' }) });
  const { data } = await created.json();
  const read = await fetch(base + '/meetings/' + data.id, { headers });
  await mock.close();
  console.log(JSON.stringify({ created: created.status, read: read.status, keys: Object.keys(mock.fake).includes('fetch') }));
});`;
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', code], {
      cwd: import.meta.dirname,
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({ created: 201, read: 200, keys: true });
  });

  it("keeps the fake's validators in its own entry: the Node entries import it by name", () => {
    const validators = /\bucs2length\b/;
    const dist = new URL('../dist/', import.meta.url);
    for (const file of ['fake/index.js', 'fake/index.mjs'])
      expect(readFileSync(new URL(file, dist), 'utf8')).toMatch(validators);
    for (const file of ['index.js', 'vitest-global-setup.js', 'cli/mock.js']) {
      const text = readFileSync(new URL(file, dist), 'utf8');
      expect(text).not.toMatch(validators);
      expect(text).toContain('@realtimekit-meetings/mock/fake');
    }
  });

  it('holds the document once: the ES module entry of ./openapi re-exports the CommonJS one', () => {
    const dist = new URL('../dist/', import.meta.url);
    expect(readFileSync(new URL('openapi.mjs', dist), 'utf8')).toBe(
      "export { openapiDocument } from './openapi.js';\n",
    );
    expect(readFileSync(new URL('openapi.js', dist), 'utf8')).toContain('"openapi":"3.');
  });
});
