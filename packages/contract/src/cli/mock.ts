#!/usr/bin/env node
import { startMockServer } from '../mock-server';
import { parseCli, usageError } from './args';

const usage = `Usage: realtimekit-mock [--port N] [--dynamic] [--proxy URL]

Serves a mock of the Cloudflare RealtimeKit Meetings API on 127.0.0.1 (Prism, from the SDK's spec), for testing
from any language. Every request needs "Authorization: Bearer <anything>"; invalid requests get 422 with the
violations in the sl-violations header. Stop it with Ctrl-C.

Options:
  --port N       port to listen on (default 4010; 0 picks a free one)
  --dynamic      generate answers from the schemas instead of serving the spec's examples
  --proxy URL    forward to URL (e.g. https://api.cloudflare.com/client/v4) and report in sl-violations
                 where the real answers break the spec
  --help         show this help`;

const values = parseCli(usage, {
  port: { type: 'string' },
  dynamic: { type: 'boolean' },
  proxy: { type: 'string' },
});
const port = values.port === undefined ? 4010 : Number(values.port);
if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
  usageError(usage, `--port must be a number from 0 to 65535, not ${values.port}`);
if (values.proxy !== undefined && !URL.canParse(values.proxy))
  usageError(usage, `--proxy must be an absolute URL, not ${values.proxy}`);

startMockServer({ port, dynamic: values.dynamic, upstream: values.proxy }).then(
  (mock) => {
    const mode = values.proxy
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
