import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { operationTable } from './generated/operations.gen';

// Runs the built output (dist/) through Node's own loaders, the way a consumer's code would.
const run = (code: string, type: 'commonjs' | 'module') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: import.meta.dirname, encoding: 'utf8' });

describe('built package', () => {
  it('works through require() and import, with the same table, router and error envelope', () => {
    const cjs = run(
      `const c = require('@realtimekit-meetings/core');
       console.log(JSON.stringify([Object.keys(c.operationTable).length, c.operationTable.create_meeting.successStatus, c.APP_PATH_PREFIX, c.createRouter(c.APP_PATH_PREFIX)('GET', '/meetings/m1').operation.operationId, c.errorBody(404, 'gone')]))`,
      'commonjs',
    );
    const esm = run(
      `import { operationTable, APP_PATH_PREFIX, createRouter, errorBody } from '@realtimekit-meetings/core';
       console.log(JSON.stringify([Object.keys(operationTable).length, operationTable.create_meeting.successStatus, APP_PATH_PREFIX, createRouter(APP_PATH_PREFIX)('GET', '/meetings/m1').operation.operationId, errorBody(404, 'gone')]))`,
      'module',
    );
    expect(JSON.parse(cjs)).toEqual([
      Object.keys(operationTable).length,
      201,
      '/accounts/{account_id}/realtime/kit/{app_id}',
      'get_meeting',
      { success: false, error: { code: 404, message: 'gone' } },
    ]);
    expect(JSON.parse(esm)).toEqual(JSON.parse(cjs));
  });
});
