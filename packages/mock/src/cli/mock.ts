#!/usr/bin/env node
import { CONTROL_PATH } from '../fake/create-fake';
import { startMockServer } from '../mock-server';
import { parseCli, usageError } from './args';

const usage = `Usage: realtimekit-mock [--port N] [--stateful [--seed N] [--token T] [--account-id ID] [--app-id ID]
                        [--presets a,b]] [--dynamic] [--proxy URL] [--cors]
       realtimekit-mock start-session MEETING_ID [--url URL]
       realtimekit-mock start-livestream MEETING_ID [--url URL] [--name NAME]
       realtimekit-mock join MEETING_ID PARTICIPANT_ID [--url URL]
       realtimekit-mock leave MEETING_ID PARTICIPANT_ID [--url URL]
       realtimekit-mock end-session MEETING_ID [--url URL]

Serves a mock of the Cloudflare RealtimeKit Meetings API on 127.0.0.1, from the SDK's spec, for testing from any
language. Every request needs "Authorization: Bearer <token>". By default it is Prism: stateless, answering with
the spec's examples; invalid requests get 422 with the violations in error.message and the sl-violations header.
With --stateful it is the SDK's fake: what you create you can get, list, change and delete; unknown IDs get 404;
invalid requests get 400. Stop it with Ctrl-C.

start-session and start-livestream ask a running fake (--url, default http://127.0.0.1:4010) to start a session
(every participant of the meeting in it) or a livestream, through its control route (POST ${CONTROL_PATH}/sessions,
POST ${CONTROL_PATH}/livestreams), so the active-session calls (kick, mute, poll) have something to act on. join and
leave have one participant join the meeting (starting its session if none is live) or leave it (the last one out
ends it); end-session ends it as its host would (POST ${CONTROL_PATH}/sessions/join, /leave, /end).

Options:
  --port N          port to listen on (default 4010; 0 picks a free one)
  --stateful        serve the stateful fake instead of Prism
  --seed N          with --stateful: the same IDs and tokens on every run
  --token T         with --stateful: the only API token accepted (another gets 401, as from Cloudflare)
  --account-id ID   with --stateful: the only account served (another gets 403)
  --app-id ID       with --stateful: the only app served (another gets 404)
  --presets a,b     with --stateful: presets every app has besides RealtimeKit's defaults
  --dynamic         generate answers from the schemas instead of serving the spec's examples
  --proxy URL       forward to URL (e.g. https://api.cloudflare.com/client/v4) and report in sl-violations
                    where the real answers break the spec
  --cors            answer CORS preflights (the API sends no CORS headers; by default neither does the mock)
  --help            show this help`;

/** The control commands: the route each posts to, and whether it names a participant. */
const controls = {
  'start-session': { route: 'sessions', participant: false },
  'start-livestream': { route: 'livestreams', participant: false },
  join: { route: 'sessions/join', participant: true },
  leave: { route: 'sessions/leave', participant: true },
  'end-session': { route: 'sessions/end', participant: false },
};
type Control = keyof typeof controls;

const [command] = process.argv.slice(2);
if (command !== undefined && Object.hasOwn(controls, command)) control(command as Control);
else serve();

function serve() {
  const values = parseCli(usage, {
    port: { type: 'string' },
    dynamic: { type: 'boolean' },
    proxy: { type: 'string' },
    stateful: { type: 'boolean' },
    seed: { type: 'string' },
    token: { type: 'string' },
    'account-id': { type: 'string' },
    'app-id': { type: 'string' },
    presets: { type: 'string' },
    cors: { type: 'boolean' },
  });
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
    usageError(usage, `--port must be a number from 0 to 65535, not ${values.port}`);
  if (values.proxy !== undefined && !/^https?:$/.test(URL.canParse(values.proxy) ? new URL(values.proxy).protocol : ''))
    usageError(usage, `--proxy must be an absolute http(s) URL, not ${values.proxy}`);
  if (values.stateful && (values.dynamic || values.proxy !== undefined))
    usageError(usage, '--stateful serves the fake: it does not go with --dynamic or --proxy, which are Prism modes');
  if (values.seed !== undefined && (!values.stateful || !/^\d+$/.test(values.seed)))
    usageError(usage, `--seed takes a whole number and goes with --stateful, not ${values.seed}`);
  for (const flag of ['token', 'account-id', 'app-id', 'presets'] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    // the token's value is never printed
    if (!values.stateful) usageError(usage, `--${flag} goes with --stateful: Prism checks only that a token is sent`);
    if (value.trim() === '') usageError(usage, `--${flag} needs a value`);
  }
  const fake = {
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    ...(values.token === undefined ? {} : { apiToken: values.token }),
    ...(values['account-id'] === undefined ? {} : { accountId: values['account-id'] }),
    ...(values['app-id'] === undefined ? {} : { appId: values['app-id'] }),
    ...(values.presets === undefined ? {} : { presets: values.presets.split(',').map((p) => p.trim()) }),
  };
  const stateful = values.stateful && (Object.keys(fake).length === 0 ? true : fake);

  startMockServer({ port, dynamic: values.dynamic, upstream: values.proxy, stateful, cors: values.cors }).then(
    (mock) => {
      const mode = values.stateful
        ? `stateful fake${values.token ? ', one token' : ''}${values['account-id'] ? ', one account' : ''}${values['app-id'] ? ', one app' : ''}`
        : values.proxy
          ? `proxying to ${values.proxy}`
          : values.dynamic
            ? 'dynamic answers'
            : 'examples from the spec';
      process.stdout.write(`RealtimeKit mock listening on ${mock.url} (${mode})\n`);
      const stop = () => {
        mock.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: Error) => {
      process.stderr.write(`realtimekit-mock: ${error.message}\n`);
      process.exit(1);
    },
  );
}

function control(what: Control) {
  const values = parseCli(usage, { url: { type: 'string' }, name: { type: 'string' } }, process.argv.slice(3), true);
  const { route: path, participant } = controls[what];
  const [meetingId, participantId, ...extra] = values.positionals;
  if (participant && (!meetingId || !participantId || extra.length > 0)) {
    usageError(usage, `${what} takes a meeting ID and a participant ID`);
  }
  if (!participant && (!meetingId || participantId !== undefined)) usageError(usage, `${what} takes one meeting ID`);
  const url = values.url ?? 'http://127.0.0.1:4010';
  if (!/^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : ''))
    usageError(usage, `--url must be the running fake's http(s) URL, not ${url}`);
  if (values.name !== undefined && what !== 'start-livestream') usageError(usage, '--name goes with start-livestream');
  const route = `${url.replace(/\/+$/, '')}${CONTROL_PATH}/${path}`;
  const body = JSON.stringify({
    meeting_id: meetingId,
    ...(participantId === undefined ? {} : { participant_id: participantId }),
    ...(values.name === undefined ? {} : { name: values.name }),
  });
  fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
    async (response) => {
      const text = await response.text();
      if (response.ok) {
        process.stdout.write(`${text}\n`);
        process.exit(0);
      }
      let message = text;
      try {
        message = JSON.parse(text).error?.message ?? text;
      } catch {}
      process.stderr.write(`realtimekit-mock ${what}: ${response.status} ${message}\n`);
      process.exit(1);
    },
    (error: Error) => {
      process.stderr.write(
        `realtimekit-mock ${what}: cannot reach ${url} (${error.message}): start the fake with realtimekit-mock --stateful\n`,
      );
      process.exit(1);
    },
  );
}
