import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

// The built ensureWebhook in a fresh process. In CommonJS the subpath and the main entry are two bundles, each with
// its own RealtimeKitError: a create answered 409 (thrown by the main entry's client) must still be recognised.
const script = (load: string) => `${load}
const hook = { id: '0d1f069d-43bb-489a-ad8c-7eb95592ba8e', name: 'x', url: 'https://example.com/h', events: ['meeting.started'],
  enabled: true, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
const answers = [
  Response.json({ success: true, data: [] }),
  Response.json({ success: false, error: { code: 409, message: 'same URL already registered' } }, { status: 409 }),
  Response.json({ success: true, data: [hook] }),
  Response.json({ success: true, data: { ...hook, events: ['meeting.ended'] } }),
];
const calls = [];
const rtk = createRealtimeKitClient({
  apiToken: 't', accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '14a396e7-ca44-4937-bf1f-050a69118543',
  fetch: async (request) => (calls.push(request.method), answers.shift()),
});
ensureWebhook(rtk, { url: 'https://example.com/h', events: ['meeting.ended'] }).then((result) =>
  console.log(JSON.stringify({ action: result.action, events: result.webhook.events, calls })),
);`;

describe('the built ensureWebhook', () => {
  it.each([
    [
      'require()',
      'commonjs',
      "const { ensureWebhook } = require('@realtimekit-meetings/client/webhooks'); const { createRealtimeKitClient } = require('@realtimekit-meetings/client');",
    ],
    [
      'import',
      'module',
      "import { ensureWebhook } from '@realtimekit-meetings/client/webhooks'; import { createRealtimeKitClient } from '@realtimekit-meetings/client';",
    ],
  ])('converges after a 409 through %s', async (_how, type, load) => {
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      action: 'updated',
      events: ['meeting.ended'],
      calls: ['GET', 'POST', 'GET', 'PATCH'],
    });
  });
});
