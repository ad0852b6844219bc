#!/usr/bin/env node
// What `npm install @realtimekit-meetings/client` downloads and writes of ours (issue #27): the client's tarball and
// core's, which it depends on (openapi-fetch, its other dependency, is not ours and the same everywhere), as
// `npm pack --dry-run` reports them: packed (the download) and unpacked (the disk). Build first
// (`node scripts/turbo.mjs run build --filter=@realtimekit-meetings/client...`). Give other built checkouts
// (repository roots) to measure them in the same run and print this tree's ratio to each:
// `node bench/install-size.mjs ../before` (a checkout of another commit, built).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PACKAGES = ['client', 'core'];
const here = path.resolve(import.meta.dirname, '..');
const trees = [here, ...process.argv.slice(2).map((dir) => path.resolve(dir))];

/** The packed and unpacked bytes of each package of `root`, and their sums. */
function measure(root) {
  const sizes = PACKAGES.map((name) => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: path.join(root, 'packages', name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [{ size, unpackedSize }] = JSON.parse(out);
    return { name, packed: size, unpacked: unpackedSize };
  });
  const sum = (key) => sizes.reduce((total, size) => total + size[key], 0);
  return { root, sizes, packed: sum('packed'), unpacked: sum('unpacked') };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const [ours, ...others] = trees.map(measure);
console.log('| tree | package | packed | unpacked |\n| --- | --- | ---: | ---: |');
for (const tree of [ours, ...others]) {
  const name = path.relative(process.cwd(), tree.root) || '.';
  for (const size of tree.sizes) console.log(`| ${name} | ${size.name} | ${kB(size.packed)} | ${kB(size.unpacked)} |`);
  console.log(`| ${name} | **client + core** | **${kB(tree.packed)}** | **${kB(tree.unpacked)}** |`);
}
for (const other of others) {
  const name = path.relative(process.cwd(), other.root);
  const ratio = (key) => (ours[key] / other[key]).toFixed(3);
  console.log(`\nthis tree / ${name}: packed ${ratio('packed')}×, unpacked ${ratio('unpacked')}×`);
}
