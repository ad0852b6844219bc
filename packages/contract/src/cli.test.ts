import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { operationTable } from '@realtimekit-meetings/core';
import { startMockServer } from '@realtimekit-meetings/mock';
import { cliRunner } from '@realtimekit-meetings/test-fixtures/cli';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, inject, it } from 'vitest';
import { contractCases, invalidCases } from './cases';

const ALL = Object.keys(operationTable).length;
/** Every ID a case reads with, some earlier case lists, creates or finds in its answer: against the mock none skips. */
const learnt = new Set(contractCases.flatMap((c) => [c.learns, ...Object.keys(c.finds ?? {})]));

const { run, runAsync } = cliRunner(path.join(import.meta.dirname, '..'));

/** A port nothing listens on: one that was free a moment ago. */
async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('realtimekit-contract', () => {
  const env = { CLOUDFLARE_API_TOKEN: 'contract-token', CLOUDFLARE_ACCOUNT_ID: ACCOUNT, REALTIMEKIT_APP_ID: APP };

  it('answers --help, and refuses a missing --base-url or an unknown flag', () => {
    expect(run('contract', ['--help']).stdout).toContain('Usage: realtimekit-contract --base-url URL');
    const missing = run('contract', []);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--base-url is required');
    const unknown = run('contract', ['--base-url', 'http://127.0.0.1:1', '--write']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--write'");
    const unnamed = run('contract', ['--base-url', 'http://127.0.0.1:1', '--id', 'peer=abc'], env);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr).toMatch(/^--id peer=abc: give NAME=ID, NAME one of .*\bpeerId\b/m);
    const empty = run('contract', ['--base-url', 'http://127.0.0.1:1', '--id', 'peerId='], env);
    expect(empty.stderr).toContain('--id peerId=: the ID is empty');
  });

  it('reads with the IDs given by --id where no earlier answer holds one', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      const peer = '0e3b4a2f-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
      const result = await runAsync('contract', ['--base-url', mock.url, '--id', `peerId=${peer}`], env);
      // the fake has no such peer: the check ran with it, and the fake's 404 fails it
      expect(result.stdout).toMatch(/^✗ GetParticipantDataFromPeerId: a conforming call\s+404/m);
      expect(result.stdout).toMatch(
        /^- GetSessionDetails: a conforming call.*\n\s+no sessionId to use: GetSessions gave none: pass it \(--id sessionId=…, runContract's ids\)$/m,
      );
      expect(result.status).toBe(1);
    } finally {
      await mock.close();
    }
  });

  it('runs read-only by default and passes against the mock', () => {
    const result = run('contract', ['--base-url', inject('realtimekitMockUrl')], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(read-only)');
    expect(result.stdout).toMatch(/^✓ get_meeting: a conforming call/m);
    expect(result.stdout).not.toContain('create_meeting: a conforming call');
    const reads = contractCases.filter((c) => !c.writes).length + invalidCases.filter((c) => !c.writes).length;
    expect(result.stdout).toMatch(new RegExp(`^${reads + ALL} passed, 0 failed, 0 skipped$`, 'm'));
    // the peer report ran, on the peer ID a session's participants answered with
    expect(result.stdout).toMatch(/^✓ GetParticipantDataFromPeerId: a conforming call/m);
    expect(result.stdout).toMatch(/^✓ get-v2-livestreams-livestream-session-id: a conforming call/m);
  });

  it('reads with no ID that no case before it provides', () => {
    const provided = new Set<string>();
    for (const c of contractCases) {
      expect(
        Object.values(c.params).filter((id) => !provided.has(id)),
        c.operationId,
      ).toEqual([]);
      for (const id of [c.learns, ...Object.keys(c.finds ?? {})]) if (id) provided.add(id);
    }
    expect(learnt.has('peerId') && learnt.has('livestreamSessionId')).toBe(true);
  });

  it('runs writes too with --allow-writes', () => {
    const result = run('contract', ['--base-url', inject('realtimekitMockUrl'), '--allow-writes'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✓ create_meeting: a conforming call/m);
    expect(result.stdout).toMatch(
      new RegExp(`^${contractCases.length + invalidCases.length + ALL} passed, 0 failed, 0 skipped$`, 'm'),
    );
  });

  it('is green against the stateful fake: with writes it creates what it reads and starts what it kicks', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      const result = await runAsync('contract', ['--base-url', mock.url, '--allow-writes'], env);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('started a session in meeting');
      // the reads ran after the creation, on what it created: nothing skipped
      expect(result.stdout).toMatch(/^✓ get_meeting_participant: a conforming call/m);
      expect(result.stdout).toMatch(/^✓ KickAllParticipants: a conforming call/m);
      // recordings, which the fake implements, ran: started, then stopped
      expect(result.stdout).toMatch(/^✓ start_recording: a conforming call/m);
      expect(result.stdout).toMatch(/^✓ pause_resume_stop_recording: a conforming call/m);
      // the fake implements every operation: nothing is skipped as not implemented, nothing fails
      expect(result.stdout).not.toMatch(/not implemented by the fake/);
      expect(result.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m);
      expect(result.status).toBe(0);
    } finally {
      await mock.close();
    }
  });

  it('read-only against an account with no meetings, says what it skipped and why, and exits 0', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      const result = await runAsync('contract', ['--base-url', mock.url], env);
      expect(result.stdout).toMatch(
        /^- get_meeting: a conforming call.*\n\s+no meetingId to use: the account lists none: pass meetingId \(--meeting-id\), or allow writes to create one$/m,
      );
      // an ID only an answer holds says which check gave none and how to give it, and that no write makes one
      expect(result.stdout).toMatch(
        /^- GetParticipantDataFromPeerId: a conforming call.*\n\s+no peerId to use: GetSessionParticipants gave none: pass it \(--id peerId=…, runContract's ids\)$/m,
      );
      // and none as not implemented: the fake implements every operation
      expect(result.stdout).not.toMatch(/not implemented by the fake/);
      expect(result.stdout).toMatch(/^✓ get_all_recordings: a conforming call/m);
      expect(result.stdout).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/m);
      expect(result.status).toBe(0);
    } finally {
      await mock.close();
    }
  });

  it.each([
    [
      'no token',
      [],
      { CLOUDFLARE_API_TOKEN: '' },
      'no token: set CLOUDFLARE_API_TOKEN (a token with Realtime permissions; for a mock, any value)',
    ],
    ['no account', [], { CLOUDFLARE_ACCOUNT_ID: '' }, 'no account: pass --account-id or set CLOUDFLARE_ACCOUNT_ID'],
    ['no app', [], { REALTIMEKIT_APP_ID: '' }, 'no app: pass --app-id or set REALTIMEKIT_APP_ID'],
    [
      'a base URL without a scheme',
      ['--base-url', '127.0.0.1:4010'],
      {},
      '--base-url must be an absolute http(s) URL such as http://127.0.0.1:4010, not 127.0.0.1:4010',
    ],
    ['an empty meeting ID', ['--meeting-id', ''], {}, '--meeting-id needs an ID'],
  ])('checks everything up front: %s is a usage error (exit 2), before any request', (_name, args, unset, message) => {
    const result = run(
      'contract',
      args.length && args[0] === '--base-url' ? args : ['--base-url', 'http://127.0.0.1:1', ...args],
      { ...env, ...unset },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toContain('Usage: realtimekit-contract');
    expect(result.stdout).toBe('');
  });

  it('stops at the first attempt with one line naming the URL when nothing listens there', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = run('contract', ['--base-url', url], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `realtimekit-contract: cannot reach ${url}: connection refused by ${new URL(url).host}. Start the mock (npx realtimekit-mock) or check the base URL.\n`,
    );
    expect(result.stdout).not.toContain('✗');
  });

  it('says the token was refused, and which variable to set, when the deployment answers 401', async () => {
    const server = createServer((_req, res) =>
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await runAsync('contract', ['--base-url', url], env);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        '401 get_all_meetings: Authentication error: the token was refused or is missing: set apiToken (or CLOUDFLARE_API_TOKEN) to a Cloudflare API token with Realtime permissions',
      );
    } finally {
      server.close();
    }
  });
});
