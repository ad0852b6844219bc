import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contractCases } from '@realtimekit-meetings/contract';
import { operationTable } from '@realtimekit-meetings/core';
import * as workspaceReact from '@realtimekit-meetings/react';
import { describe, expect, inject, it } from 'vitest';

// Every package and entry point, loaded by Node from the installed tarballs, calling real code: the packed
// mock package's Prism mock, the contract's cases, a client call, the proxy behind node:http, the react package's queries, the globalSetup.
const program = (load) => `${load}
const ids = { accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '14a396e7-ca44-4937-bf1f-050a69118543' };
const meetingId = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
const main = async () => {
  const out = { operations: Object.keys(core.operationTable).length, openapi: mockOpenapi.openapiDocument.openapi, cases: contract.contractCases.length };
  const mock = await mockPackage.startMockServer();
  const rtk = client.createRealtimeKitClient({ baseUrl: mock.url, apiToken: 'consumer-token', ...ids });
  out.meeting = typeof (await rtk.meetings.get(meetingId)).id;
  const handle = proxy.createRealtimeKitProxy({ client: rtk, basePath: '/api/rtk', allow: ['add_participant', 'get_meeting'], authorize: () => true, decideParticipant: () => ({ preset_name: 'host', custom_participant_id: 'u' }) });
  const server = http.createServer(proxyNode.toNodeListener(handle));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = client.createRealtimeKitClient({ proxyUrl: 'http://127.0.0.1:' + server.address().port + '/api/rtk' });
  out.token = typeof (await browser.participants.add(meetingId, { custom_participant_id: 'u', preset_name: 'host' })).token;
  out.refused = await browser.meetings.list().catch((e) => e instanceof client.RealtimeKitError && e.status);
  const queryClient = new tanstack.QueryClient();
  out.query = typeof (await queryClient.fetchQuery(react.realtimeKitQueries(browser).meeting(meetingId))).id;
  out.hooks = Object.keys(react).filter((k) => k.startsWith('use')).length;
  server.close();
  await mock.close();
  let provided;
  const teardown = await globalSetup.default({ provide: (key, value) => (provided = key + ' ' + typeof value) });
  await teardown();
  out.globalSetup = provided;
  console.log(JSON.stringify(out));
};
main();`;

const esm = `import http from 'node:http';
import * as core from '@realtimekit-meetings/core';
import * as mockOpenapi from '@realtimekit-meetings/mock/openapi';
import * as client from '@realtimekit-meetings/client';
import * as contract from '@realtimekit-meetings/contract';
import * as mockPackage from '@realtimekit-meetings/mock';
import * as globalSetup from '@realtimekit-meetings/mock/vitest-global-setup';
import * as proxy from '@realtimekit-meetings/proxy';
import * as proxyNode from '@realtimekit-meetings/proxy/node';
import * as react from '@realtimekit-meetings/react';
import * as tanstack from '@tanstack/react-query';`;

const cjs = `const http = require('node:http');
const core = require('@realtimekit-meetings/core');
const mockOpenapi = require('@realtimekit-meetings/mock/openapi');
const client = require('@realtimekit-meetings/client');
const contract = require('@realtimekit-meetings/contract');
const mockPackage = require('@realtimekit-meetings/mock');
const globalSetup = require('@realtimekit-meetings/mock/vitest-global-setup');
const proxy = require('@realtimekit-meetings/proxy');
const proxyNode = require('@realtimekit-meetings/proxy/node');
const react = require('@realtimekit-meetings/react');
const tanstack = require('@tanstack/react-query');`;

// Counts from the workspace's own packages, which the tarballs must match.
const expected = {
  operations: Object.keys(operationTable).length,
  openapi: '3.0.3',
  cases: contractCases.length,
  meeting: 'string',
  token: 'string',
  refused: 403,
  query: 'string',
  hooks: Object.keys(workspaceReact).filter((k) => k.startsWith('use')).length,
  globalSetup: 'realtimekitMockUrl string',
};

describe('Node, from the tarballs', () => {
  it.each([
    ['ESM import', 'consumer.mjs', esm],
    ['CommonJS require', 'consumer.cjs', cjs],
  ])('%s of every package and entry point runs real code', (_name, file, load) => {
    const app = inject('consumerApp');
    writeFileSync(path.join(app, file), program(load));
    const out = execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out)).toEqual(expected);
  });
});
