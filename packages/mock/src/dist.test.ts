import { execFile } from 'node:child_process';
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
});
