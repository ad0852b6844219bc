#!/usr/bin/env node
// The meeting lifecycle through @realtimekit-meetings/client: create a meeting, add two participants, refresh a
// token, list meetings and participants, rename the meeting, remove a participant. On the embedded Prism mock by
// default; against the real API with --live and CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID.
import { parseArgs } from 'node:util';
import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { startMockServer } from '@realtimekit-meetings/mock';

const usage = `Usage: pnpm demo [--live]

Walks a meeting's lifecycle with @realtimekit-meetings/client and prints each step, its HTTP status and time.
By default it runs on the embedded mock (no Cloudflare account needed). With --live it runs against the real
API and needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID; it then creates a real meeting.`;

let live = false;
try {
  const { values } = parseArgs({ options: { live: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  live = values.live === true;
} catch (error) {
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}

const ENV = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'REALTIMEKIT_APP_ID'];
if (live) {
  const missing = ENV.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`--live needs ${missing.join(', ')} in the environment.`);
    process.exit(2);
  }
}

/** A join token is a secret: show that there is one, never what it is. */
const mask = (token) => `[join token, ${token.length} chars, masked]`;

const started = performance.now();
let mock;
let target;
if (live) {
  target = { baseUrl: 'https://api.cloudflare.com/client/v4' };
  console.log(
    'RealtimeKit Meetings demo: LIVE, against https://api.cloudflare.com/client/v4 (real meetings are created)\n',
  );
} else {
  mock = await startMockServer();
  target = {
    baseUrl: mock.url,
    apiToken: 'demo-token',
    accountId: '023e105f4ecef8ad9ca31a8372d0c353',
    appId: '14a396e7-ca44-4937-bf1f-050a69118543',
  };
  console.log(
    `RealtimeKit Meetings demo: on the embedded mock (Prism, ${mock.url}), started in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(
    "The mock validates every request against the spec and answers with the spec's examples, so IDs repeat.\n",
  );
}

let lastStatus = '';
const rtk = createRealtimeKitClient({
  ...target,
  middleware: [
    {
      onResponse({ response }) {
        lastStatus = response.status;
      },
    },
  ],
});

let number = 0;
const line = (n, step, status, ms, note = '') =>
  console.log(`${String(n).padStart(2)}  ${step.padEnd(40)} ${String(status).padStart(6)} ${ms.padStart(8)}  ${note}`);
line('#', 'step', 'status', 'time');

async function step(name, action, describe) {
  number++;
  const t = performance.now();
  try {
    const result = await action();
    line(number, name, lastStatus, `${(performance.now() - t).toFixed(0)} ms`, describe(result));
    return result;
  } catch (error) {
    const detail =
      error instanceof RealtimeKitError ? `${error.kind} ${error.status ?? ''} ${error.message}` : String(error);
    line(number, name, error?.status ?? 'failed', `${(performance.now() - t).toFixed(0)} ms`, detail);
    await mock?.close();
    process.exit(1);
  }
}

const meeting = await step(
  'create a meeting',
  () => rtk.meetings.create({ title: 'Demo standup' }),
  (m) => `id ${m.id}`,
);
const ada = await step(
  'add participant Ada (host)',
  () =>
    rtk.participants.add(meeting.id, {
      custom_participant_id: 'demo-ada',
      preset_name: 'group_call_host',
      name: 'Ada',
    }),
  (p) => `id ${p.id} ${mask(p.token)}`,
);
const grace = await step(
  'add participant Grace (guest)',
  () =>
    rtk.participants.add(meeting.id, {
      custom_participant_id: 'demo-grace',
      preset_name: 'group_call_participant',
      name: 'Grace',
    }),
  (p) => `id ${p.id} ${mask(p.token)}`,
);
await step(
  "refresh Grace's join token",
  () => rtk.participants.refreshToken(meeting.id, grace.id),
  (t) => mask(t.token),
);
await step(
  'list every meeting (listAll)',
  async () => {
    let count = 0;
    for await (const _ of rtk.meetings.listAll({ per_page: 50 })) count++;
    return count;
  },
  (count) => `${count} meeting${count === 1 ? '' : 's'}`,
);
await step(
  'list its participants (listAll)',
  async () => {
    let count = 0;
    for await (const _ of rtk.participants.listAll(meeting.id)) count++;
    return count;
  },
  (count) => `${count} participant${count === 1 ? '' : 's'}`,
);
const title = 'Demo standup (renamed)';
await step(
  'rename the meeting',
  () => rtk.meetings.update(meeting.id, { title }),
  (m) => `"${title}", updated ${m.updated_at}`,
);
await step(
  'remove Ada',
  () => rtk.participants.delete(meeting.id, ada.id),
  () => `removed ${ada.id}`,
);

console.log(
  `\nDone: ${number} steps in ${Math.round(performance.now() - started)} ms${live ? ' against the live API' : ' (mock start included)'}.`,
);
await mock?.close();
