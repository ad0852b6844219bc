import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openapiDocument } from './openapi';

const spec = parse(readFileSync(new URL('../../../spec/realtimekit-meetings.openapi.yaml', import.meta.url), 'utf8'));

describe('@realtimekit-meetings/mock/openapi', () => {
  it('is the effective spec, identical to spec/realtimekit-meetings.openapi.yaml', () => {
    expect(openapiDocument).toEqual(spec);
  });

  it.each([
    [
      'commonjs',
      `const { openapiDocument } = require('@realtimekit-meetings/mock/openapi');
       const prism = Object.keys(require.cache).some((file) => file.includes('@stoplight'));`,
    ],
    [
      'module',
      // (what an ES module loaded is not listed anywhere: no Prism check here)
      `import { openapiDocument } from '@realtimekit-meetings/mock/openapi';
       const prism = undefined;`,
    ],
  ])('loads from the built package through %s (CommonJS: without loading Prism)', (type, load) => {
    const print =
      'console.log(JSON.stringify([openapiDocument.openapi, Object.keys(openapiDocument.paths).length, prism]))';
    const out = execFileSync(process.execPath, [`--input-type=${type}`, '-e', `${load}\n${print}`], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([spec.openapi, Object.keys(spec.paths).length, type === 'commonjs' ? false : null]);
  });
});
