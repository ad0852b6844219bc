#!/usr/bin/env node
import { startMockServer } from '../mock-server';
import { parseCli, usageError } from './args';

const usage = `Usage: realtimekit-mock [--port N] [--stateful [--seed N] [--token T] [--account-id A] [--app-id P]]
                        [--dynamic] [--proxy URL] [--cors]

Serves a mock of the Cloudflare RealtimeKit Meetings API on 127.0.0.1, from the SDK's spec, for testing from any
language. Every request needs "Authorization: Bearer <anything>". By default it is Prism: stateless, answering with
the spec's examples; invalid requests get 422 with the violations in error.message and the sl-violations header.
With --stateful it is the SDK's fake: what you create you can get, list, change and delete; unknown IDs get 404;
invalid requests get 400. Stop it with Ctrl-C.

Options:
  --port N       port to listen on (default 4010; 0 picks a free one)
  --stateful     serve the stateful fake instead of Prism
  --seed N       with --stateful: the same IDs and tokens on every run
  --token T      with --stateful: accept only this API token (others get Cloudflare's 403 Authentication error)
  --account-id A with --stateful: the token's account (others get 403)
  --app-id P     with --stateful: the app that exists (others get 404)
  --cors         answer CORS for any origin (the real API sends no CORS headers: off by default)
  --dynamic      generate answers from the schemas instead of serving the spec's examples
  --proxy URL    forward to URL (e.g. https://api.cloudflare.com/client/v4) and report in sl-violations
                 where the real answers break the spec
  --help         show this help`;

const values = parseCli(usage, {
  port: { type: 'string' },
  dynamic: { type: 'boolean' },
  proxy: { type: 'string' },
  stateful: { type: 'boolean' },
  seed: { type: 'string' },
  token: { type: 'string' },
  'account-id': { type: 'string' },
  'app-id': { type: 'string' },
  cors: { type: 'boolean' },
});
const port = values.port === undefined ? 4010 : Number(values.port);
if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
  usageError(usage, `--port must be a number from 0 to 65535, not ${values.port}`);
if (values.proxy !== undefined && !(URL.canParse(values.proxy) && /^https?:$/.test(new URL(values.proxy).protocol)))
  usageError(usage, `--proxy must be an absolute http(s) URL, not ${values.proxy}`);

if (values.stateful && (values.dynamic || values.proxy !== undefined))
  usageError(usage, '--stateful serves the fake: it does not go with --dynamic or --proxy, which are Prism modes');
if (values.seed !== undefined && (!values.stateful || !/^\d+$/.test(values.seed)))
  usageError(usage, `--seed takes a whole number and goes with --stateful, not ${values.seed}`);
const scope = { token: values.token, 'account-id': values['account-id'], 'app-id': values['app-id'] };
for (const [name, value] of Object.entries(scope)) {
  if (value !== undefined && (!values.stateful || value === ''))
    usageError(usage, `--${name} takes a value and goes with --stateful`);
}
const stateful = values.stateful && {
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(values.token === undefined ? {} : { apiToken: values.token }),
  ...(values['account-id'] === undefined ? {} : { accountId: values['account-id'] }),
  ...(values['app-id'] === undefined ? {} : { appId: values['app-id'] }),
};

startMockServer({ port, dynamic: values.dynamic, upstream: values.proxy, stateful, cors: values.cors }).then(
  (mock) => {
    const mode = values.stateful
      ? 'stateful fake'
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
