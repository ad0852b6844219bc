import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packPublicPackages } from '../scripts/release.mjs';

/**
 * Packs every public package and installs the tarballs with plain npm into a fresh project outside the
 * workspace, with the peer dependencies a user would add. The tests run code from that project only.
 */
export default async function setup(project) {
  const work = mkdtempSync(path.join(tmpdir(), 'rtk-consumers-'));
  const packs = path.join(work, 'packs');
  const app = path.join(work, 'app');
  mkdirSync(packs);
  mkdirSync(app);
  const tarballs = packPublicPackages(packs);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer-app',
        private: true,
        type: 'module',
        // msw 2.15 asks for an @inquirer/confirm whose newest releases declare Node 22; a Node 20 user pins it so
        overrides: { '@inquirer/confirm': '5.1.21' },
      },
      null,
      2,
    ),
  );
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs.map((t) => t.file),
      'react@19.3.1',
      'react-dom@19.3.1',
      '@tanstack/react-query@5.108.0',
      '@types/react@19.3.0',
      '@types/react-dom@19.3.0',
      '@types/node@20.19.43',
      // a tester's project: the contract guide's vitest config and tests compile against it, and MSW for the fake
      'vitest@4.1.12',
      'msw@2.15.0',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_engine_strict: 'true' } },
  );
  project.provide('consumerApp', app);
  project.provide('tarballs', tarballs);
  return () => rmSync(work, { recursive: true, force: true });
}
