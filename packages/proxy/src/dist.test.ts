import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

// The built output (dist/) through Node's own loaders: a proxy and its node listener, answering a request.
const script = (load: string) => `${load}
const client = { request: async (operationId, input) => ({ success: true, data: { operationId, ...input.params } }) };
const handle = createRealtimeKitProxy({ client, basePath: '/api', allow: ['get_meeting'], authorize: () => true });
const server = http.createServer(toNodeListener(handle)).listen(0, '127.0.0.1', async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/api/meetings/m1');
  console.log(JSON.stringify({ status: res.status, body: await res.json() }));
  server.close();
});`;

describe('built package', () => {
  it.each([
    [
      'commonjs',
      "const http = require('node:http'); const { createRealtimeKitProxy } = require('@realtimekit-meetings/proxy'); const { toNodeListener } = require('@realtimekit-meetings/proxy/node');",
    ],
    [
      'module',
      "import http from 'node:http'; import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy'; import { toNodeListener } from '@realtimekit-meetings/proxy/node';",
    ],
  ])('serves through %s', async (type, load) => {
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      status: 200,
      body: { success: true, data: { operationId: 'get_meeting', meeting_id: 'm1' } },
    });
  });
});
