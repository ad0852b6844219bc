#!/usr/bin/env node
import { startMockServer } from '../mock-server';
import { parseCli, usageError } from './args';

const usage = `Usage: realtimekit-mock [--port N] [--stateful [--seed N]] [--dynamic] [--proxy URL]

Serves a mock of the Cloudflare RealtimeKit Meetings API on 127.0.0.1, from the SDK's spec, for testing from any
language. Every request needs "Authorization: Bearer <anything>". By default it is Prism: stateless, answering with
the spec's examples; invalid requests get 422 with the violations in error.message and the sl-violations header.
With --stateful it is the SDK's fake: what you create you can get, list, change and delete; unknown IDs get 404;
invalid requests get 400. Stop it with Ctrl-C.

Options:
  --port N       port to listen on (default 4010; 0 picks a free one)
  --stateful     serve the stateful fake instead of Prism
  --seed N       with --stateful: the same IDs and tokens on every run
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
const stateful = values.stateful && (values.seed === undefined ? true : { seed: Number(values.seed) });

startMockServer({ port, dynamic: values.dynamic, upstream: values.proxy, stateful }).then(
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
