#!/usr/bin/env node
import { contractCases } from '../cases';
import { type ContractResult, runContract } from '../run-contract';
import { parseCli, usageError } from './args';

const usage = `Usage: realtimekit-contract --base-url URL [--allow-writes] [--account-id ID] [--app-id ID]

Runs the RealtimeKit Meetings contract checks against a deployment: one conforming call per operation, calls the
API must refuse, and every operation without a token. Read-only (list and get) unless --allow-writes.
The token comes from CLOUDFLARE_API_TOKEN; account and app from the flags or from CLOUDFLARE_ACCOUNT_ID and
REALTIMEKIT_APP_ID. Put "realtimekit-mock --proxy <api>" in front of the API to have every answer validated.

Options:
  --base-url URL    the API, e.g. http://127.0.0.1:4010 (a mock or proxy) or https://api.cloudflare.com/client/v4
  --allow-writes    also create, change and delete; on a real account this creates meetings nobody can delete
  --account-id ID   Cloudflare account ID
  --app-id ID       RealtimeKit app ID
  --meeting-id ID   a meeting to read when the account lists none
  --id NAME=ID      any other ID to read with, by the name a skipped check gives (--id peerId=…); repeatable
  --help            show this help

Exit status: 0 when every check passed, 1 when one failed, 2 for a usage mistake.`;

const values = parseCli(usage, {
  'base-url': { type: 'string' },
  'allow-writes': { type: 'boolean' },
  'account-id': { type: 'string' },
  'app-id': { type: 'string' },
  'meeting-id': { type: 'string' },
  id: { type: 'string', multiple: true },
});
// Everything is checked before the first request: a mistake is one line and the usage, exit 2.
const env = (name: string) => process.env[name] || undefined;
const baseUrl = values['base-url'];
if (!baseUrl) usageError(usage, '--base-url is required');
if (!/^https?:$/.test(URL.canParse(baseUrl) ? new URL(baseUrl).protocol : '')) {
  usageError(usage, `--base-url must be an absolute http(s) URL such as http://127.0.0.1:4010, not ${baseUrl}`);
}
const accountId = values['account-id'] ?? env('CLOUDFLARE_ACCOUNT_ID');
if (!accountId) usageError(usage, 'no account: pass --account-id or set CLOUDFLARE_ACCOUNT_ID');
const appId = values['app-id'] ?? env('REALTIMEKIT_APP_ID');
if (!appId) usageError(usage, 'no app: pass --app-id or set REALTIMEKIT_APP_ID');
const apiToken = env('CLOUDFLARE_API_TOKEN');
if (!apiToken) {
  usageError(usage, 'no token: set CLOUDFLARE_API_TOKEN (a token with Realtime permissions; for a mock, any value)');
}
if (values['meeting-id'] === '') usageError(usage, '--meeting-id needs an ID');
/** The names the checks read IDs by: `meetingId`, `peerId`, … */
const names = new Set(contractCases.flatMap((c) => Object.values(c.params)));
const ids: Record<string, string> = {};
for (const given of values.id ?? []) {
  const [, name = '', id = ''] = /^([^=]*)=(.*)$/.exec(given) ?? [];
  if (!names.has(name)) {
    usageError(usage, `--id ${given}: give NAME=ID, NAME one of ${[...names].sort().join(', ')}`);
  }
  if (id === '') usageError(usage, `--id ${given}: the ID is empty`);
  ids[name] = id;
}

const mark = { pass: '✓', fail: '✗', skip: '-' } as const;
const print = (r: ContractResult) =>
  process.stdout.write(
    `${mark[r.outcome]} ${r.name.padEnd(72)} ${String(r.status ?? '').padStart(3)} ${String(r.ms).padStart(5)} ms${r.detail && (r.outcome !== 'pass' || r.kind === 'valid') ? `\n    ${r.detail}` : ''}\n`,
  );

process.stdout.write(
  `Contract checks against ${baseUrl} (${values['allow-writes'] ? 'reads and writes' : 'read-only'})\n\n`,
);
runContract({
  baseUrl,
  apiToken,
  accountId,
  appId,
  meetingId: values['meeting-id'],
  ids,
  allowWrites: values['allow-writes'],
  // a real deployment may refuse with another 4xx than the mock's 422
  exactStatuses: false,
  onResult: print,
  onNote: (message) => process.stdout.write(`  (${message})\n`),
}).then(
  (results) => {
    const count = (outcome: ContractResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    process.stdout.write(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped\n`);
    process.exit(count('fail') > 0 ? 1 : 0);
  },
  (error: Error) => {
    process.stderr.write(`realtimekit-contract: ${error.message}\n`);
    process.exit(1);
  },
);
