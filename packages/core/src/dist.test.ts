import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { operationTable } from './generated/operations.gen';

// Runs the built output (dist/) through Node's own loaders, the way a consumer's code would.
const run = (code: string, type: 'commonjs' | 'module') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: import.meta.dirname, encoding: 'utf8' });

describe('built package', () => {
  it('works through require() and import, with the same table and document', () => {
    const cjs = run(
      `const c = require('@realtimekit-meetings/core'); const d = require('@realtimekit-meetings/core/openapi');
       console.log(JSON.stringify([Object.keys(c.operationTable).length, c.operationTable.create_meeting.successStatus, c.APP_PATH_PREFIX, d.openapiDocument.openapi]))`,
      'commonjs',
    );
    const esm = run(
      `import { operationTable, APP_PATH_PREFIX } from '@realtimekit-meetings/core'; import { openapiDocument } from '@realtimekit-meetings/core/openapi';
       console.log(JSON.stringify([Object.keys(operationTable).length, operationTable.create_meeting.successStatus, APP_PATH_PREFIX, openapiDocument.openapi]))`,
      'module',
    );
    expect(JSON.parse(cjs)).toEqual([
      Object.keys(operationTable).length,
      201,
      '/accounts/{account_id}/realtime/kit/{app_id}',
      '3.0.3',
    ]);
    expect(JSON.parse(esm)).toEqual(JSON.parse(cjs));
  });
});
