import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

// The built subpath (dist/), loaded by Node's own loaders in a fresh process, as a consumer's deploy script would:
// a plan against a client whose fetch answers as the API does for an app with no presets, then bad input refused.
const script = (load: string) => `${load}
const page = { success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } };
const rtk = createRealtimeKitClient({
  apiToken: 't', accountId: '023e105f4ecef8ad9ca31a8372d0c353', appId: '14a396e7-ca44-4937-bf1f-050a69118543',
  fetch: async () => Response.json(page),
});
(async () => {
  const plan = await planPresets(rtk, [{ name: 'host' }]);
  let refused;
  try {
    await planPresets(rtk, [{ name: 'a' }, { name: 'a' }]);
  } catch (error) {
    refused = [error.name, error.kind];
  }
  console.log(JSON.stringify({ plan: describePresetPlan(plan), refused, apply: typeof applyPresetPlan }));
})();`;

describe('the built @realtimekit-meetings/client/presets', () => {
  it.each([
    [
      'require()',
      'commonjs',
      "const { planPresets, applyPresetPlan, describePresetPlan } = require('@realtimekit-meetings/client/presets'); const { createRealtimeKitClient } = require('@realtimekit-meetings/client');",
    ],
    [
      'import',
      'module',
      "import { planPresets, applyPresetPlan, describePresetPlan } from '@realtimekit-meetings/client/presets'; import { createRealtimeKitClient } from '@realtimekit-meetings/client';",
    ],
  ])('plans through %s', async (_how, type, load) => {
    const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script(load)], {
      cwd: import.meta.dirname,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      plan: '+ create "host"',
      refused: ['RealtimeKitError', 'invalid_argument'],
      apply: 'function',
    });
  });
});
