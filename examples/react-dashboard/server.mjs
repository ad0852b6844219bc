#!/usr/bin/env node
// Serves the built dashboard (dist/) and mounts @realtimekit-meetings/proxy at /api/realtimekit. The proxy's
// upstream is the SDK's stateful fake of RealtimeKit (what you create stays, bad input is refused as the spec says),
// or the real API when CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID are set. `PORT=0` picks a
// free port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { startMockServer } from '@realtimekit-meetings/mock';
import { createRealtimeKitProxy } from '@realtimekit-meetings/proxy';
import { toNodeListener } from '@realtimekit-meetings/proxy/node';
import { seed } from './seed.mjs';

const dist = path.join(import.meta.dirname, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ is missing: run the build first (pnpm build)');
  process.exit(1);
}

const live = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'REALTIMEKIT_APP_ID'].every((name) => process.env[name]);
const mock = live ? undefined : await startMockServer({ stateful: true });
const client = live
  ? createRealtimeKitClient() // the token, account and app come from the environment
  : createRealtimeKitClient({
      baseUrl: mock.url,
      apiToken: 'mock-token',
      accountId: '023e105f4ecef8ad9ca31a8372d0c353',
      appId: '14a396e7-ca44-4937-bf1f-050a69118543',
    });
if (!live) await seed(client);

const proxy = toNodeListener(
  createRealtimeKitProxy({
    client,
    basePath: '/api/realtimekit',
    allow: [
      'get_all_meetings',
      'create_meeting',
      'get_meeting',
      'get_meeting_participants',
      'add_participant',
      'edit_participant',
      'delete_meeting_participant',
      // the live screen
      'GetActiveSession',
      'MuteParticipants',
      'MuteAllParticipants',
      'KickPartcipants',
      'get-v2-meetings-meetingId-active-livestream',
      'start-livestreaming',
      'stop_livestreaming',
    ],
    // A real app checks the user's session here; this example has no users.
    authorize: () => true,
    // The dashboard is an admin's tool: the admin picks each participant's preset and ID. A real app decides them
    // from the session here (and lets only admins through authorize).
    decideParticipant: (_request, _operation, body) => ({
      preset_name: body.preset_name,
      custom_participant_id: body.custom_participant_id,
    }),
    // and here it would say who is asking; everyone is the one demo user, who joins as a participant
    join: {
      identify: () => ({ id: 'demo-user', name: 'Demo user' }),
      authorize: () => true, // a real app checks that this user is invited to this meeting
      preset: 'group_call_participant',
    },
  }),
);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
// Mock mode only: people "join" a meeting, so the live screen has a session to act on (the API has no such call).
const SIMULATE = /^\/demo\/meetings\/([\w-]+)\/session$/;
const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/realtimekit/')) return proxy(req, res);
  const simulate = req.method === 'POST' && SIMULATE.exec(req.url ?? '');
  if (simulate) {
    try {
      if (!mock) throw new Error('with the real API, people join from their own apps');
      mock.fake.startSession(simulate[1]);
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(String(error.message));
    }
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = path.join(dist, path.normalize(pathname));
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});

server.listen(Number(process.env.PORT ?? 5173), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(
    `Dashboard on http://127.0.0.1:${port} (proxy upstream: ${live ? 'the real RealtimeKit API' : `the stateful fake, ${mock.url}`})`,
  );
});
const stop = () => {
  server.closeAllConnections();
  server.close(async () => {
    await mock?.close();
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
