import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// pnpm release:pack, as a user runs it before publication: every public package's tarball in one folder, then the
// client installed from that folder with plain npm into a fresh project outside the workspace.
const work = mkdtempSync(path.join(tmpdir(), 'rtk-release-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const packs = path.join(work, 'dist-packs');
const release = path.join(import.meta.dirname, 'release.mjs');

describe('pnpm release:pack', () => {
  // the packages are built by turbo before this package's tests (they are its devDependencies)
  const run = spawnSync(process.execPath, [release, '--pack', packs, '--no-build'], { encoding: 'utf8' });

  it('writes every public package to one folder, checked, and says how to install them together', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(packs).sort()).toEqual(
      ['client', 'contract', 'core', 'mock', 'proxy', 'react'].map((name) =>
        expect.stringMatching(new RegExp(`^realtimekit-meetings-${name}-\\d+\\.\\d+\\.\\d+.*\\.tgz$`)),
      ),
    );
    expect(run.stdout).not.toContain('PROBLEM');
    expect(run.stdout).toContain(`npm install ${path.join(packs, '*.tgz')}`);
  });

  it('the client tarball installs with core from that folder in a fresh npm project, and runs', () => {
    const app = path.join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, type: 'module' }));
    const tarball = (name) =>
      path.join(
        packs,
        readdirSync(packs).find((f) => f.startsWith(`realtimekit-meetings-${name}-`)),
      );
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball('core'), tarball('client')],
      {
        cwd: app,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRealtimeKitClient } from '@realtimekit-meetings/client';
         const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b', baseUrl: 'http://127.0.0.1:9' });
         console.log(typeof rtk.meetings.create, import.meta.resolve('@realtimekit-meetings/core'));`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    // the client runs, and its core is the one installed from the folder, not a workspace link
    expect(out.trim()).toMatch(/^function file:\/\/.*\/app\/node_modules\/@realtimekit-meetings\/core\//);
  });

  it('removes older tarballs of this SDK from the folder, and nothing else', () => {
    writeFileSync(path.join(packs, 'realtimekit-meetings-client-0.0.1.tgz'), '');
    writeFileSync(path.join(packs, 'someone-elses-1.0.0.tgz'), '');
    const again = spawnSync(process.execPath, [release, '--pack', packs, '--no-build'], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(readdirSync(packs)).not.toContain('realtimekit-meetings-client-0.0.1.tgz');
    expect(readdirSync(packs)).toContain('someone-elses-1.0.0.tgz');
  });
});
