import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operationTable } from '@realtimekit-meetings/core';
import { startMockServer } from '@realtimekit-meetings/mock';
import { openapiDocument } from '@realtimekit-meetings/mock/openapi';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, inject, it } from 'vitest';
import { contractCases, invalidCases } from './cases';
import { type ContractResult, runContract } from './run-contract';

// Every operation through @realtimekit-meetings/client against the Prism mock that globalSetup started.
const ids = {
  meetingId: 'bbb03399-24e3-4b0c-90ec-172e97e636be',
  participantId: '4f2a7c1e-8f3b-4d39-9c55-1f0e6a7b2c11',
  // every other ID a case reads with (presetId, webhookId, sessionId, livestreamSessionId, ...): any UUID, for Prism
  ids: Object.fromEntries(
    contractCases.flatMap((c) => Object.values(c.params)).map((name) => [name, '0e3b4a2f-5c6d-4e7f-8a9b-0c1d2e3f4a5b']),
  ),
};
const target = { apiToken: 'contract-token', accountId: ACCOUNT, appId: APP, allowWrites: true };

const failures = (results: ContractResult[]) =>
  results.filter((r) => r.outcome !== 'pass').map((r) => `${r.kind} ${r.name}: ${r.outcome} ${r.detail ?? ''}`);

describe('contract suite against the embedded mock', () => {
  it.each(contractCases.map((c) => c.operationId))(
    '%s: conforms, refuses bad input, requires a token',
    async (operationId) => {
      const results = await runContract({
        ...target,
        ...ids,
        baseUrl: inject('realtimekitMockUrl'),
        only: [operationId],
      });
      expect(failures(results)).toEqual([]);
      const valid = results.filter((r) => r.kind === 'valid');
      expect(valid).toHaveLength(1);
      // our valid requests conform to the spec: Prism found nothing wrong with them, nor with its answers
      expect(valid[0]?.violations).toEqual([]);
      expect(results.filter((r) => r.kind === 'unauthorized').map((r) => r.status)).toEqual([401]);
      for (const invalid of results.filter((r) => r.kind === 'invalid')) {
        // Prism saw the problem in the request itself
        expect(invalid.violations.some((v) => v.location[0] === 'request')).toBe(true);
      }
    },
  );

  it('refuses every invalid call with the status the spec gives it', async () => {
    const results = await runContract({ ...target, ids: ids.ids, baseUrl: inject('realtimekitMockUrl') });
    const invalid = results.filter((r) => r.kind === 'invalid');
    expect(invalid.map((r) => [r.name, r.status])).toEqual(invalidCases.map((c) => [c.name, c.status]));
    expect(failures(results)).toEqual([]);
  });

  it('reads with a meetingId given among ids as with one given as meetingId', async () => {
    const results = await runContract({
      ...target,
      ids: { meetingId: ids.meetingId },
      baseUrl: inject('realtimekitMockUrl'),
      only: ['get_meeting'],
    });
    expect(results.filter((r) => r.kind === 'valid').map((r) => r.outcome)).toEqual(['pass']);
  });

  it('runs only reads unless writes are allowed', async () => {
    const results = await runContract({
      ...target,
      ids: ids.ids,
      baseUrl: inject('realtimekitMockUrl'),
      allowWrites: false,
    });
    const ran = results.filter((r) => r.kind !== 'unauthorized').map((r) => r.operationId);
    const reads = Object.values(operationTable).filter((op) => op.method === 'GET');
    expect(new Set(ran)).toEqual(new Set(reads.map((op) => op.operationId)));
    expect(ran).toContain('get_meeting');
    expect(ran).not.toContain('create_meeting');
    expect(failures(results)).toEqual([]);
  });

  it('also passes against answers generated from the schemas (dynamic mode)', async () => {
    const mock = await startMockServer({ dynamic: true });
    try {
      for (let run = 0; run < 3; run++) {
        const results = await runContract({
          ...target,
          baseUrl: mock.url,
          ...ids,
        });
        expect(failures(results)).toEqual([]);
        expect(results.flatMap((r) => (r.kind === 'valid' ? r.violations : []))).toEqual([]);
      }
    } finally {
      await mock.close();
    }
  }, 120_000); // three whole suites against Prism, which is slow on a loaded machine

  it('passes against the stateful fake with its defaults: the fake refuses with 400, as the API does', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      const results = await runContract({ ...target, baseUrl: mock.url });
      // every case ran: the fake implements every operation, and each ID a case reads with, an earlier one listed,
      // created or found in its answer (a peer's in a session's participants, a livestream session's in its livestream)
      expect(results.filter((r) => r.outcome === 'skip').map((r) => `${r.name}: ${r.detail}`)).toEqual([]);
      const implemented = Object.values(operationTable);
      // each operation's conforming call ran and passed: the recordings' reads with the recording the run started
      const ran = results.filter((r) => r.kind === 'valid' && r.outcome === 'pass').map((r) => r.operationId);
      expect(implemented.filter((op) => !ran.includes(op.operationId))).toEqual([]);
      expect(failures(results)).toEqual([]);
      expect(results.filter((r) => r.kind === 'invalid').map((r) => r.status)).toContain(400);
    } finally {
      await mock.close();
    }
  });

  it('passes read-only on an account a run with writes left behind: a session participant is no meeting participant', async () => {
    const mock = await startMockServer({ stateful: true });
    try {
      await runContract({ ...target, baseUrl: mock.url });
      const results = await runContract({ ...target, baseUrl: mock.url, allowWrites: false });
      expect(failures(results.filter((r) => r.outcome !== 'skip'))).toEqual([]);
      // a session participant read with a session participant's ID
      const details = results.find((r) => r.kind === 'valid' && r.operationId === 'GetParticipantDetails');
      expect(details?.outcome).toBe('pass');
      expect(results.filter((r) => r.outcome === 'pass').length).toBeGreaterThan(100);
    } finally {
      await mock.close();
    }
  });

  it('reports failures when an API does not keep the contract', async () => {
    // A server that says yes to everything, with empty data and no authentication.
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":{}}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const results = await runContract({
        ...target,
        baseUrl: `http://127.0.0.1:${port}`,
        meetingId: 'm',
        only: ['get_meeting', 'add_participant'],
      });
      const byKind = (kind: string) => results.filter((r) => r.kind === kind).map((r) => [r.outcome, r.detail]);
      // the answers are checked against the spec's response schemas, field by field (creations run first)
      expect(byKind('valid')).toEqual([
        ['fail', expect.stringContaining("response.body /data must have required property 'token'")],
        ['fail', expect.stringMatching(/^breaks the spec: response\.body \/data must have required property 'id'; /)],
      ]);
      expect(
        byKind('invalid').every(([outcome, detail]) => outcome === 'fail' && detail === 'the API accepted it'),
      ).toBe(true);
      expect(byKind('unauthorized')).toEqual([
        ['fail', 'the API accepted it'],
        ['fail', 'the API accepted it'],
      ]);
    } finally {
      server.close();
    }
  });
});

describe('coverage', () => {
  it('every operation in the spec has a contract case, exactly once', () => {
    const methods = ['get', 'put', 'post', 'patch', 'delete'];
    const paths = openapiDocument.paths as Record<string, Record<string, { operationId?: string }>>;
    const inSpec = Object.values(paths).flatMap((item) => methods.flatMap((m) => item[m]?.operationId ?? []));
    expect(inSpec.length).toBeGreaterThan(0);
    const covered = contractCases.map((c) => c.operationId);
    expect([...covered].sort()).toEqual([...inSpec].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });
});
