import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { contractCases } from './cases';

const exec = promisify(execFile);

// The runner from the built output (dist/), in a fresh process, through Node's own require and import, against the
// Prism mock the globalSetup started.
const script = (load: string) => `${load}
runContract({ baseUrl: process.env.MOCK_URL, apiToken: 'x', accountId: '023e105f4ecef8ad9ca31a8372d0c353',
  appId: '14a396e7-ca44-4937-bf1f-050a69118543', only: ['get_all_meetings'] }).then((results) =>
  console.log(JSON.stringify({ outcomes: [...new Set(results.map((r) => r.outcome))], cases: contractCases.length })));`;

describe('built package', () => {
  it.each([
    ['commonjs', "const { runContract, contractCases } = require('@realtimekit-meetings/contract');"],
    ['module', "import { runContract, contractCases } from '@realtimekit-meetings/contract';"],
  ])('runs the contract through %s', async (type, load) => {
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      env: { ...process.env, MOCK_URL: inject('realtimekitMockUrl') },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({ outcomes: ['pass'], cases: contractCases.length });
  });
});
