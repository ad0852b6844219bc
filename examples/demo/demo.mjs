#!/usr/bin/env node
// The meeting lifecycle through @realtimekit-meetings/client, each call printed as you would write it beside what it
// returned. By default on the SDK's stateful fake, in process (it remembers what you create, like the API); against
// the real API with --live and CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID.
import { parseArgs } from 'node:util';
import { createJoinTokens, createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { createRealtimeKitFake } from '@realtimekit-meetings/mock';

const usage = `Usage: pnpm demo [--live]

Walks a meeting's lifecycle with @realtimekit-meetings/client and prints each call beside its result.
By default it runs on the SDK's stateful fake, in process (no Cloudflare account needed). With --live it runs
against the real API and needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID; it then
creates a real meeting.`;

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

/** A join token is a secret: show its first characters so a reader sees there is one, never the whole of it. */
const maskToken = (token) => `${token.slice(0, 6)}… (${token.length} chars, secret)`;

const started = performance.now();
let target;
if (live) {
  target = {};
  console.log(
    'RealtimeKit Meetings demo: LIVE, against https://api.cloudflare.com/client/v4 (real meetings are created)',
  );
  console.log(
    'const rtk = createRealtimeKitClient(); // reads CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID\n',
  );
} else {
  const fake = createRealtimeKitFake();
  target = {
    apiToken: 'demo-token',
    accountId: '023e105f4ecef8ad9ca31a8372d0c353',
    appId: '14a396e7-ca44-4937-bf1f-050a69118543',
    fetch: fake.fetch,
  };
  console.log(
    'RealtimeKit Meetings demo: on the stateful fake (in process, no account needed; --live for the real API)',
  );
  console.log(
    'const rtk = createRealtimeKitClient({ apiToken, accountId, appId, fetch: fake.fetch }); // fake = createRealtimeKitFake()\n',
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
/** Runs one call, printing it as written and, under it, its HTTP status, time and what came back. */
async function step(call, action, describe) {
  number++;
  console.log(`${String(number).padStart(2)}  ${call}`);
  const t = performance.now();
  try {
    const result = await action();
    console.log(`    → ${lastStatus} in ${(performance.now() - t).toFixed(0)} ms: ${describe(result)}`);
    return result;
  } catch (error) {
    const detail =
      error instanceof RealtimeKitError ? `${error.kind} ${error.status ?? ''} ${error.message}` : String(error);
    console.log(`    ✗ failed after ${(performance.now() - t).toFixed(0)} ms: ${detail}`);
    process.exit(1);
  }
}

const meeting = await step(
  "const meeting = await rtk.meetings.create({ title: 'Demo standup' })",
  () => rtk.meetings.create({ title: 'Demo standup' }),
  (m) => `meeting ${m.id}, "${m.title}", ${m.status}, created ${m.created_at}`,
);
const ada = await step(
  "const ada = await rtk.participants.add(meeting.id, { custom_participant_id: 'demo-ada', preset_name: 'group_call_host', name: 'Ada' })",
  () =>
    rtk.participants.add(meeting.id, {
      custom_participant_id: 'demo-ada',
      preset_name: 'group_call_host',
      name: 'Ada',
    }),
  (p) => `participant ${p.id}, ${p.name} as ${p.preset_name}, join token ${maskToken(p.token)}`,
);
const grace = await step(
  "const grace = await rtk.participants.add(meeting.id, { custom_participant_id: 'demo-grace', preset_name: 'group_call_participant', name: 'Grace' })",
  () =>
    rtk.participants.add(meeting.id, {
      custom_participant_id: 'demo-grace',
      preset_name: 'group_call_participant',
      name: 'Grace',
    }),
  (p) => `participant ${p.id}, ${p.name} as ${p.preset_name}, join token ${maskToken(p.token)}`,
);
await step(
  'await rtk.participants.refreshToken(meeting.id, grace.id)',
  () => rtk.participants.refreshToken(meeting.id, grace.id),
  (t) => `a new join token ${maskToken(t.token)}`,
);
// What an app does when a signed-in user opens the meeting: one participant per user, however often they join.
const join = createJoinTokens({ client: rtk, preset: () => 'group_call_participant' });
await step(
  "await join(meeting.id, { id: 'user-linus', name: 'Linus' }) // join = createJoinTokens({ client: rtk, preset })",
  () => join(meeting.id, { id: 'user-linus', name: 'Linus' }),
  (j) => `participant ${j.participantId} added (created: ${j.created}), join token ${maskToken(j.token)}`,
);
await step(
  "await join(meeting.id, { id: 'user-linus', name: 'Linus' }) // the same user again",
  () => join(meeting.id, { id: 'user-linus', name: 'Linus' }),
  (j) => `the same participant ${j.participantId} (created: ${j.created}), a fresh token ${maskToken(j.token)}`,
);
await step(
  'for await (const m of rtk.meetings.listAll({ per_page: 50 })) count++',
  async () => {
    let count = 0;
    for await (const _ of rtk.meetings.listAll({ per_page: 50 })) count++;
    return count;
  },
  (count) => `${count} meeting${count === 1 ? '' : 's'}`,
);
await step(
  'for await (const p of rtk.participants.listAll(meeting.id)) names.push(p.name)',
  async () => {
    const names = [];
    for await (const p of rtk.participants.listAll(meeting.id)) names.push(p.name);
    return names;
  },
  (names) => `${names.length} participant${names.length === 1 ? '' : 's'}: ${names.join(', ')}`,
);
await step(
  "await rtk.meetings.update(meeting.id, { title: 'Demo standup (renamed)' })",
  () => rtk.meetings.update(meeting.id, { title: 'Demo standup (renamed)' }),
  (m) => `"${m.title}", updated ${m.updated_at}`,
);
await step(
  'await rtk.participants.delete(meeting.id, ada.id)',
  () => rtk.participants.delete(meeting.id, ada.id),
  () => `removed ${ada.id}`,
);
await step(
  'await rtk.participants.get(meeting.id, ada.id) // after the delete',
  () =>
    rtk.participants.get(meeting.id, ada.id).catch((error) => {
      if (error instanceof RealtimeKitError && error.status === 404) return error;
      throw error;
    }),
  (error) => `RealtimeKitError ${error.status}, as expected: ${error.message}`,
);

console.log(
  `\nDone: ${number} calls in ${Math.round(performance.now() - started)} ms${live ? ' against the live API' : ' on the fake'}.`,
);
