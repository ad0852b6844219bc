import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as source from './index';

// The built output (dist/) through Node's own loaders: marked 'use client', loads without a browser global.
const run = (code: string, type: 'commonjs' | 'module') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: import.meta.dirname, encoding: 'utf8' });

describe('built package', () => {
  it('require() and import give the same hooks, with no browser global needed at import time', () => {
    const list = (m: string) => `console.log(JSON.stringify(Object.keys(${m}).sort()), typeof window)`;
    const cjs = run(`const m = require('@realtimekit-meetings/react'); ${list('m')}`, 'commonjs');
    const esm = run(`import * as m from '@realtimekit-meetings/react'; ${list('m')}`, 'module');
    expect(esm).toBe(cjs);
    const [names] = cjs.split(' ');
    // the same exports as the source: every generated hook, the provider, keys and queries
    expect(JSON.parse(names as string)).toEqual(Object.keys(source).sort());
    expect(cjs.trim().endsWith('undefined')).toBe(true);
  });

  it("starts with the 'use client' directive", () => {
    const read = (file: string) =>
      run(
        `process.stdout.write(require('node:fs').readFileSync(require.resolve('@realtimekit-meetings/react/package.json').replace('package.json', '${file}'), 'utf8').split('\\n')[0])`,
        'commonjs',
      );
    expect(read('dist/index.mjs')).toBe("'use client';");
    expect(read('dist/index.js')).toBe("'use client';");
    // the server entry carries no directive, so a Server Component may import it
    expect(read('dist/queries.mjs')).not.toContain('use client');
    expect(read('dist/queries.js')).not.toContain('use client');
  });

  it('the server entry gives the keys and query options, and no hooks', () => {
    const list = `console.log(JSON.stringify(Object.keys(m).sort()))`;
    const cjs = run(`const m = require('@realtimekit-meetings/react/queries'); ${list}`, 'commonjs');
    const esm = run(`import * as m from '@realtimekit-meetings/react/queries'; ${list}`, 'module');
    expect(esm).toBe(cjs);
    expect(JSON.parse(cjs)).toEqual(['realtimeKitKeys', 'realtimeKitQueries']);
  });
});
