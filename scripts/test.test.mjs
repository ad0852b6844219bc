import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT, tally } from './test.mjs';

const vitest = path.join(import.meta.dirname, 'node_modules/.bin/vitest');

/** Runs real vitest on one test file in a temp folder, with the JSON reporter the workspaces use. */
function runSuite(source) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rtk-suite-'));
  writeFileSync(path.join(dir, 'suite.test.mjs'), source);
  writeFileSync(
    path.join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['*.test.mjs'], reporters: [['json', { outputFile: '${REPORT}' }]] } };`,
  );
  const run = spawnSync(vitest, ['run'], { cwd: dir, encoding: 'utf8' });
  const file = path.join(dir, REPORT);
  return { status: run.status, report: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined };
}

describe('the closing line never hides a failure', () => {
  it('counts a suite that throws at import as failed, though no test failed', () => {
    const { status, report } = runSuite(
      "import { it, expect } from 'vitest';\nthrow new Error('broken at import');\nit('never runs', () => expect(1).toBe(1));\n",
    );
    expect(status).not.toBe(0);
    expect(report.numFailedTests).toBe(0);
    const { failed, lines } = tally(new Map([['broken', report]]), []);
    expect(failed).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^broken: 1 test file\(s\) failed before any test could/)]);
  });

  it('counts a suite whose beforeAll throws (a browser that will not launch) as failed', () => {
    const { status, report } = runSuite(
      "import { beforeAll, it, expect } from 'vitest';\nbeforeAll(() => { throw new Error('no browser'); });\nit('a', () => expect(1).toBe(1));\nit('b', () => expect(2).toBe(2));\n",
    );
    expect(status).not.toBe(0);
    const { passed, failed } = tally(new Map([['e2e', report]]), []);
    expect(passed).toBe(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('adds up passing and failing tests from real reports', () => {
    const good = runSuite("import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\n").report;
    const bad = runSuite(
      "import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\nit('b', () => expect(1).toBe(2));\n",
    ).report;
    expect(
      tally(
        new Map([
          ['good', good],
          ['bad', bad],
        ]),
        [],
      ),
    ).toMatchObject({ passed: 2, failed: 1, lines: [] });
  });

  it('counts a workspace with no report, and a failed non-test task, once each', () => {
    const good = runSuite("import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\n").report;
    const tasks = [
      { taskId: 'pkg#lint', task: 'lint', package: 'pkg', exitCode: 1 },
      { taskId: 'pkg#test', task: 'test', package: 'pkg', exitCode: 0 },
      { taskId: 'gone#test', task: 'test', package: 'gone', exitCode: 1 },
      { taskId: 'pkg#build', task: 'build', package: 'pkg', exitCode: 0 },
    ];
    const folders = new Map([
      ['pkg', 'packages/pkg'],
      ['gone', 'packages/gone'],
    ]);
    const result = tally(
      new Map([
        ['packages/pkg', good],
        ['packages/gone', undefined],
      ]),
      tasks,
      folders,
    );
    expect(result).toMatchObject({ passed: 1, failed: 2 });
    expect(result.lines).toEqual([
      'packages/gone: no test report, so its tests did not run (see above); counted as 1 failed',
      'pkg#lint exited with 1; counted as 1 failed',
    ]);
  });

  it('counts a test task that exits non-zero with an all-green report', () => {
    const good = runSuite("import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\n").report;
    const result = tally(new Map([['packages/pkg', good]]), [
      { taskId: 'pkg#test', task: 'test', package: 'pkg', exitCode: 1 },
    ]);
    expect(result.failed).toBe(1);
  });
});
