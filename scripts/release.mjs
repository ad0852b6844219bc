#!/usr/bin/env node
// @ts-check
/**
 * pnpm release            build, check every tarball, then `changeset publish` (with npm provenance)
 * pnpm release --dry-run  build, pack every public package and list exactly what each tarball holds, checked
 *                         (--no-build when the packages are built already, as in CI):
 *                         only package.json, README, LICENSE, dist/ and bin/ launchers; no tests, no sources, no .env or secrets;
 *                         every source map's sources inside the tarball; no workspace: or catalog: left.
 * pnpm release:pack       build, pack and check every public package into dist-packs/ (--pack <dir>), to install
 *                         them together before publication: npm install ./dist-packs/*.tgz
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { root } from './generate.mjs';
import { pathWithPnpm, turbo } from './turbo.mjs';

/** The public packages: every packages/* manifest that is not private. */
export function publicPackages() {
  return readdirSync(path.join(root, 'packages'))
    .map((name) => path.join(root, 'packages', name))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private);
}

/**
 * Packs every public package with pnpm (which turns workspace: and catalog: into versions); returns the tarballs.
 * @param {string} destination
 */
export function packPublicPackages(destination) {
  const env = { ...process.env, PATH: pathWithPnpm() };
  return publicPackages().map(({ dir, manifest }) => {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: dir, env, encoding: 'utf8' });
    const file = out.trim().split('\n').at(-1)?.trim() ?? '';
    return { name: manifest.name, file: path.isAbsolute(file) ? file : path.join(destination, path.basename(file)) };
  });
}

/**
 * Reads a .tgz without unpacking it to disk: a map from path (without `package/`) to content, files only.
 * @param {string} file
 */
export async function readTarball(file) {
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  const extract = tar.extract();
  pipeline(createReadStream(file), createGunzip(), extract).catch((error) => extract.destroy(error));
  for await (const entry of extract) {
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of entry) chunks.push(/** @type {Buffer} */ (chunk));
    if (entry.header.type === 'file') files.set(entry.header.name.replace(/^package\//, ''), Buffer.concat(chunks));
  }
  return files;
}

const ALLOWED = /^(package\.json|README\.md|LICENSE|dist\/.+|bin\/[\w-]+\.c?js)$/;
const FORBIDDEN = /(^|\/)(\.env(\..*)?|.*\.test(-d)?\.[cm]?[jt]sx?|.*\.tsbuildinfo|src\/.*|test-support\/.*)$/;
const SECRET =
  /(CLOUDFLARE_API_TOKEN\s*[=:]\s*["']?[A-Za-z0-9_-]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|ghp_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{30,})/;

/**
 * Everything wrong with one tarball (an empty list when it is fit to publish).
 * @param {Map<string, Buffer>} files
 */
export function checkTarball(files) {
  /** @type {string[]} */
  const problems = [];
  for (const [name, content] of files) {
    if (!ALLOWED.test(name)) problems.push(`${name}: not package.json, README.md, LICENSE, dist/ or a bin/ launcher`);
    if (FORBIDDEN.test(name)) problems.push(`${name}: tests, sources and env files do not ship`);
    if (SECRET.test(content.toString('utf8'))) problems.push(`${name}: looks like it holds a secret`);
    if (name.endsWith('.map')) {
      const map = JSON.parse(content.toString('utf8'));
      map.sources.forEach((/** @type {string} */ source, /** @type {number} */ i) => {
        const target = path.posix.join(path.posix.dirname(name), map.sourceRoot ?? '', source);
        if (!files.has(target) && !map.sourcesContent?.[i])
          problems.push(`${name}: source ${source} is not in the tarball`);
      });
    }
  }
  const manifest = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(String(range))) problems.push(`package.json: ${field}.${dep} is still ${range}`);
    }
  }
  for (const field of ['description', 'keywords', 'license', 'repository', 'engines', 'publishConfig']) {
    if (!manifest[field]) problems.push(`package.json: no ${field}`);
  }
  /** @type {string[]} */
  const targets = [];
  const collect = (/** @type {unknown} */ node) => {
    if (typeof node === 'string') targets.push(node.replace(/^\.\//, ''));
    else if (node && typeof node === 'object') Object.values(node).forEach(collect);
  };
  collect([manifest.exports, manifest.main, manifest.module, manifest.types, manifest.bin]);
  for (const target of targets) {
    if (!files.has(target)) problems.push(`package.json: points to ${target}, which is not in the tarball`);
  }
  if (!files.has('README.md')) problems.push('README.md is missing');
  if (!files.has('LICENSE')) problems.push('LICENSE is missing');
  return problems;
}

async function main() {
  const usage = 'usage: pnpm release [--dry-run [--no-build]] | pnpm release --pack <dir> [--no-build]';
  let values;
  try {
    ({ values } = parseArgs({
      options: { 'dry-run': { type: 'boolean' }, 'no-build': { type: 'boolean' }, pack: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`release: ${/** @type {Error} */ (error).message}\n${usage}`);
    process.exit(2);
  }
  // --pack <dir>: keep the checked tarballs in <dir> (only this SDK's: older versions there are removed first)
  const packDir = values.pack ? path.resolve(values.pack) : undefined;
  const dryRun = !!values['dry-run'] || packDir !== undefined;
  // --no-build: the packages are built already (turbo runs the dry run after their builds)
  const build = !values['no-build'];
  if (!build && !dryRun) {
    console.error(`release: --no-build goes with --dry-run\n${usage}`);
    process.exit(2);
  }
  if (build && turbo(['run', 'build', '--filter=./packages/*', '--output-logs=errors-only']) !== 0) process.exit(1);
  const destination = packDir ?? mkdtempSync(path.join(tmpdir(), 'rtk-release-'));
  if (packDir) {
    mkdirSync(packDir, { recursive: true });
    for (const old of readdirSync(packDir).filter((f) => /^realtimekit-meetings-.*\.tgz$/.test(f)))
      rmSync(path.join(packDir, old));
  }
  let failed = false;
  try {
    for (const { name, file } of packPublicPackages(destination)) {
      const files = await readTarball(file);
      const problems = checkTarball(files);
      const version = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}').version;
      console.log(`\n${name}@${version}  ${path.basename(file)}, ${files.size} files`);
      for (const [entry, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
        console.log(`  ${String(content.length).padStart(8)}  ${entry}`);
      }
      for (const problem of problems) console.log(`  PROBLEM ${problem}`);
      failed ||= problems.length > 0;
    }
  } finally {
    if (!packDir) rmSync(destination, { recursive: true, force: true });
  }
  if (failed) {
    console.error('\nrelease: a tarball is not fit to publish (see PROBLEM above)');
    process.exit(1);
  }
  if (packDir) {
    console.log(`\nrelease --pack: every tarball checked, in ${packDir}; nothing published`);
    console.log(`Install them together in your project: npm install ${path.join(packDir, '*.tgz')}`);
    return;
  }
  if (dryRun) {
    console.log('\nrelease --dry-run: every tarball checked; nothing published');
    return;
  }
  // changesets publishes what `pnpm version-packages` versioned, with provenance (publishConfig.provenance).
  const publish = spawnSync('pnpm', ['exec', 'changeset', 'publish'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: pathWithPnpm(), NPM_CONFIG_PROVENANCE: 'true' },
  });
  process.exit(publish.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
