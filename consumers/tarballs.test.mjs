import { describe, expect, inject, it } from 'vitest';
import { checkTarball, readTarball } from '../scripts/release.mjs';

// What `pnpm release --dry-run` checks, on the tarballs the other tests install.
describe('the tarballs', () => {
  it.each(inject('tarballs').map((t) => [t.name, t.file]))(
    '%s holds only what users need, and is fit to publish',
    async (_name, file) => {
      const files = await readTarball(file);
      expect(checkTarball(files)).toEqual([]);
      expect(files.has('package.json') && [...files.keys()].some((f) => f.startsWith('dist/'))).toBe(true);
      const manifest = JSON.parse(files.get('package.json').toString());
      expect(manifest.repository.directory).toBe(`packages/${manifest.name.split('/')[1]}`);
      expect(manifest.engines.node).toBe('>=20.19');
    },
  );

  it('the check finds what must not ship', () => {
    const files = new Map([
      [
        'package.json',
        Buffer.from(
          JSON.stringify({ name: 'x', exports: { '.': './dist/gone.js' }, dependencies: { y: 'workspace:^' } }),
        ),
      ],
      ['README.md', Buffer.from('# x')],
      ['.env', Buffer.from('CLOUDFLARE_API_TOKEN=abcdefghijklmnopqrstuvwxyz123456')],
      ['dist/index.test.js', Buffer.from('')],
      ['src/index.ts', Buffer.from('')],
      ['dist/index.js.map', Buffer.from(JSON.stringify({ version: 3, sources: ['../src/other.ts'], mappings: '' }))],
    ]);
    const problems = checkTarball(files).join('\n');
    for (const expected of [
      '.env: not package.json',
      '.env: looks like it holds a secret',
      'dist/index.test.js: tests, sources and env files do not ship',
      'src/index.ts: not package.json',
      'dist/index.js.map: source ../src/other.ts is not in the tarball',
      'dependencies.y is still workspace:^',
      'points to dist/gone.js, which is not in the tarball',
      'LICENSE is missing',
      'package.json: no engines',
    ]) {
      expect(problems).toContain(expected);
    }
  });
});
