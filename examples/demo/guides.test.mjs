import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The backend guide's blocks, run as written against this workspace's client and fake (consumers/ type-checks every
// guide block against the packed tarballs; the React guide's need a browser and a framework, so they are compiled
// there only). A block ending in `console.log(...); // <output>` must print exactly that output.
const ts = createRequire(path.join(import.meta.dirname, '../../package.json'))('typescript');
const guide = readFileSync(path.join(import.meta.dirname, '../../docs/guides/backend.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const written = [];
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

function runBlock(block, i) {
  const { outputText } = ts.transpileModule(block, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  // beside demo.mjs, so that its imports resolve to the workspace's packages
  const file = path.join(import.meta.dirname, `.guide-backend-${i}.mjs`);
  written.push(file);
  writeFileSync(file, outputText);
  return spawnSync(process.execPath, [file], {
    encoding: 'utf8',
    timeout: 30_000,
    // what the guide's setup step exports; the blocks call nothing upstream unless they use the fake
    env: {
      ...process.env,
      CLOUDFLARE_API_TOKEN: 'guide-token',
      CLOUDFLARE_ACCOUNT_ID: '023e105f4ecef8ad9ca31a8372d0c353',
      REALTIMEKIT_APP_ID: '14a396e7-ca44-4937-bf1f-050a69118543',
      CLOUDFLARE_BASE_URL: 'http://127.0.0.1:9',
    },
  });
}

describe('docs/guides/backend.md, run as written', () => {
  it('has the blocks this test runs: createJoinTokens first, then the fake, ensureWebhook, presets as code, sessions', () => {
    expect(blocks).toHaveLength(6);
    expect(blocks[5]).toContain('rtk.sessions.listAll(');
    expect(blocks[2]).toContain('rtk.webhooks.create');
    expect(blocks[3]).toContain('ensureWebhook(rtk');
    expect(blocks[4]).toContain('applyPresetPlan(rtk');
    expect(blocks[0]).toContain('createJoinTokens');
    expect(blocks[0]).not.toContain('participants.add(');
    expect(blocks[1]).toContain('createRealtimeKitFake');
  });

  it.each(blocks.map((block, i) => [i, block]))('block %i runs and prints what it says', (i, block) => {
    const result = runBlock(block, i);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = block.match(/console\.log\([^\n]*\); \/\/ (.+)\n*$/)?.[1];
    if (expected !== undefined) expect(result.stdout.trim()).toBe(expected);
  });

  it('the fake block proves one participant for two joins of one user', () => {
    const expected = blocks[1].match(/console\.log\([^\n]*\); \/\/ (.+)\n*$/)?.[1];
    expect(expected).toBe('true false 1');
  });

  it('the deploy blocks prove one webhook after three ensures, and an empty plan after an apply', () => {
    const printed = (i) => blocks[i].match(/console\.log\([^\n]*\); \/\/ (.+)\n*$/)?.[1];
    expect(printed(3)).toBe('created unchanged updated 1 true');
    expect(printed(4)).toMatch(/permissions\.can_record: true -> false .* true$/);
  });
});
