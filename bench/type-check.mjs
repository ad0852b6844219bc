#!/usr/bin/env node
// What a consumer's type-check pays for one call (issue #27): `tsc --extendedDiagnostics` on a file that makes one
// call, `createRealtimeKitClient({ proxyUrl }).meetings.get(id)`, against the built client package (run
// `node scripts/turbo.mjs run build --filter=@realtimekit-meetings/client...` first), in a fresh project with the
// settings of a Vite or Next app (strict, bundler resolution, skipLibCheck). Give other built client packages
// (directories) to measure them in the same run, interleaved: `node bench/type-check.mjs ../client-before` (a built client of another commit).
// Prints the median of each figure over BENCH_ROUNDS runs (default 5); types and instantiations do not vary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const client = path.resolve(import.meta.dirname, '../packages/client');
const packages = [client, ...process.argv.slice(2).map((dir) => path.resolve(dir))];
const tsc = createRequire(path.join(client, 'package.json')).resolve('typescript/bin/tsc');

const CALL = `import { createRealtimeKitClient } from '@realtimekit-meetings/client';

const meeting = await createRealtimeKitClient({ proxyUrl: '/api/realtimekit' }).meetings.get('meeting-id');
export const title: string | undefined = meeting.title;
`;
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  files: ['one-call.ts'],
};

/** A consumer project whose node_modules holds `pkg` as @realtimekit-meetings/client. */
function project(pkg) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rtk-type-check-'));
  mkdirSync(path.join(dir, 'node_modules/@realtimekit-meetings'), { recursive: true });
  symlinkSync(pkg, path.join(dir, 'node_modules/@realtimekit-meetings/client'), 'dir');
  writeFileSync(path.join(dir, 'one-call.ts'), CALL);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  return dir;
}

const FIGURES = { 'Check time': 's', 'Total time': 's', 'Memory used': 'K', Types: '', Instantiations: '' };
const dirs = packages.map(project);
const runs = packages.map(() => Object.fromEntries(Object.keys(FIGURES).map((name) => [name, []])));
try {
  for (let round = 0; round < ROUNDS; round++) {
    dirs.forEach((dir, i) => {
      // a type error fails the run: the figures are those of a file that compiles
      const out = execFileSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
      for (const name of Object.keys(FIGURES)) {
        const value = Number(new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
        runs[i][name].push(value);
      }
    });
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`tsc --extendedDiagnostics on one call, median of ${ROUNDS} runs`);
console.log(['package', ...Object.keys(FIGURES)].join(' | '));
packages.forEach((pkg, i) => {
  const cells = Object.entries(FIGURES).map(([name, unit]) => {
    const value = median(runs[i][name]);
    // the first package (this checkout's) over this one: below 1 is less than this one costs
    const ratio = i > 0 ? ` (now ${(median(runs[0][name]) / value).toFixed(2)}×)` : '';
    return unit === 'K' ? `${(value / 1024).toFixed(1)} MB${ratio}` : `${value}${unit}${ratio}`;
  });
  console.log([path.relative(process.cwd(), pkg) || '.', ...cells].join(' | '));
});
