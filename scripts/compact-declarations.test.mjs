import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compact } from './compact-declarations.mjs';

const require = createRequire(import.meta.url);

describe('compact-declarations', () => {
  it("halves each line's leading indentation and nothing else", () => {
    const text = [
      'interface A {',
      '    b: {',
      '        /**',
      '         * keeps    its    spacing',
      '         *     and a code line',
      '         */',
      "        c: '    string    ';",
      '    };',
      '}',
    ].join('\n');
    expect(compact(text)).toBe(
      [
        'interface A {',
        '  b: {',
        '    /**',
        '     * keeps    its    spacing',
        '     *     and a code line',
        '     */',
        "    c: '    string    ';",
        '  };',
        '}',
      ].join('\n'),
    );
  });

  it('leaves what a declaration file TypeScript printed declares unchanged (its own lib.es5.d.ts)', () => {
    const printed = readFileSync(path.join(path.dirname(require.resolve('typescript')), 'lib.es5.d.ts'), 'utf8');
    const code = (text) =>
      ts
        .createPrinter({ removeComments: true })
        .printFile(ts.createSourceFile('lib.d.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
    const compacted = compact(printed);
    expect(compacted.length).toBeLessThan(printed.length);
    expect(code(compacted)).toBe(code(printed));
  });

  it("is what core's build ships: its declarations indented by two", () => {
    const built = readFileSync(path.join(import.meta.dirname, '../packages/core/dist/index.d.ts'), 'utf8');
    expect(built).toMatch(/^ {2}'\/accounts\/\{account_id\}\/realtime\/kit\/\{app_id\}\/meetings': \{$/m);
    expect(built).not.toMatch(/^ {4}'\/accounts\//m);
  });
});
