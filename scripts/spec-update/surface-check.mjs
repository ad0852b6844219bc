// @ts-check
/**
 * The public TypeScript surface compared, old against new, with the compiler: a change that breaks a consumer's
 * compile is breaking, whatever the spec diff says (a response field narrowed to an enum turns
 * `meeting.status === 'PAUSED'` into a compile error). For each named type core exports:
 *   a request type (body, query)   what callers built for the old one must still fit the new one;
 *   a response type (the rest)     what the new one holds must fit the old one (callers read it as before), and the
 *                                  old one's values must still be possible in the new one (callers compare to them).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/** @typedef {import('./classify.mjs').Change} Change */

const FILES = [
  'generated/openapi.gen.ts',
  'generated/operations.gen.ts',
  'generated/types.gen.ts',
  'operation-types.ts',
];

/** The names `types.gen.ts` exports, and whether each is a request type (from its JSDoc, which says so). */
function exportedTypes(/** @type {string} */ source) {
  return [...source.matchAll(/^export interface (\w+) extends (\w+)/gm)].map(([, name, base]) => ({
    name: /** @type {string} */ (name),
    request: base === 'OperationRequestBody' || base === 'OperationQuery',
  }));
}

/**
 * The operation IDs `operations.gen.ts` lists: the keys of its `operationTable`, read with the compiler, so they are
 * found however the generator formats them (`"get_meeting": {`, `get_meeting: {`, `'get-v2-...': {`). Throws when
 * there is no such table: an empty list would silently skip every operation's check.
 */
export function operationIds(/** @type {string} */ source) {
  const file = ts.createSourceFile('operations.gen.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'operationTable') continue;
      let init = declaration.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)))
        init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) break;
      return init.properties.map((property) => {
        const name = property.name;
        if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
        throw new Error(
          `spec:update: operationTable in operations.gen.ts has a key that is not a name: ${property.getText(file)}`,
        );
      });
    }
  }
  throw new Error(
    'spec:update: operations.gen.ts has no `export const operationTable = { ... }` to read operation IDs from',
  );
}

/**
 * @param {(file: string) => string} oldCore reads a file of core's src/ as users have it now
 * @param {(file: string) => string} newCore the same after the update
 * @returns {Change[]} one change per type a consumer's code could stop compiling against
 */
export function surfaceBreaks(oldCore, newCore) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rtk-surface-'));
  try {
    for (const [side, read] of /** @type {const} */ ([
      ['old', oldCore],
      ['new', newCore],
    ])) {
      for (const file of FILES) {
        mkdirSync(path.dirname(path.join(dir, side, file)), { recursive: true });
        writeFileSync(path.join(dir, side, file), read(file));
      }
    }
    const before = exportedTypes(oldCore('generated/types.gen.ts'));
    const after = new Set(exportedTypes(newCore('generated/types.gen.ts')).map((t) => t.name));
    /** @type {Change[]} */
    const changes = [];
    const lines = [
      "import type * as Old from './old/generated/types.gen';",
      "import type * as New from './new/generated/types.gen';",
      "import type * as OldOp from './old/operation-types';",
      "import type * as NewOp from './new/operation-types';",
      'type Loose<T> = T extends readonly (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> } : T;',
    ];
    /** @type {Map<number, string>} line -> the type it checks */
    const checks = new Map();
    for (const { name, request } of before) {
      if (!after.has(name)) {
        changes.push({ operationId: '', where: 'TypeScript', path: name, change: 'type removed', breaking: true });
        continue;
      }
      const check = (/** @type {string} */ line) => {
        checks.set(lines.length + 1, name);
        lines.push(line);
      };
      if (request) check(`export const r_${name} = (v: Old.${name}): New.${name} => v;`);
      else {
        check(`export const a_${name} = (v: New.${name}): Old.${name} => v;`);
        check(`export const b_${name} = (v: Loose<Old.${name}>): Loose<New.${name}> => v;`);
      }
    }
    // each operation's own request and response types, whatever named types they escape (both directions)
    const newOperations = new Set(operationIds(newCore('generated/operations.gen.ts')));
    /** @type {Map<number, { operationId: string, part: string }>} */
    const opChecks = new Map();
    for (const id of operationIds(oldCore('generated/operations.gen.ts'))) {
      if (!newOperations.has(id)) continue; // a removed operation is the schema comparison's to report
      const k = JSON.stringify(id);
      const check = (/** @type {string} */ part, /** @type {string} */ line) => {
        opChecks.set(lines.length + 1, { operationId: id, part });
        lines.push(line);
      };
      const n = lines.length;
      check(
        'request body',
        `export const q${n} = (v: OldOp.OperationRequestBody<${k}>): NewOp.OperationRequestBody<${k}> => v;`,
      );
      check('query', `export const p${n} = (v: OldOp.OperationQuery<${k}>): NewOp.OperationQuery<${k}> => v;`);
      check(
        'response',
        `export const s${n} = (v: NewOp.OperationResponseBody<${k}>): OldOp.OperationResponseBody<${k}> => v;`,
      );
      check(
        'response',
        `export const t${n} = (v: Loose<OldOp.OperationResponseBody<${k}>>): Loose<NewOp.OperationResponseBody<${k}>> => v;`,
      );
    }
    const file = path.join(dir, 'check.ts');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      // the types compared need nothing past ES5's (Record, arrays); ES2022's default lib adds the DOM: 1.3 s of CPU
      lib: ['lib.es5.d.ts'],
    });
    const broken = new Map();
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replaceAll(`${dir}/`, '');
      const where = diagnostic.file ? path.relative(dir, diagnostic.file.fileName) : '';
      // a diagnostic names a type only when it points into that type's check; one inside core's own files
      // (a hand-written type that no longer compiles) is that file's, never the type on the same line number
      if (where !== 'check.ts') {
        const file = where.replace(/^(old|new)\//, 'packages/core/src/');
        if (!broken.has(file)) broken.set(file, `does not compile: ${message.split(/(?<=\.) /)[0]}`);
        continue;
      }
      const line =
        diagnostic.file && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
          : 0;
      const op = opChecks.get(line);
      if (op) {
        const key = `${op.operationId}\u0000${op.part}`;
        if (!broken.has(key)) broken.set(key, `consumers may no longer compile: ${message.split(/(?<=\.) /)[0]}`);
        continue;
      }
      const name = checks.get(line);
      if (!name) throw new Error(`spec:update: the TypeScript check itself does not compile: ${message}`);
      if (!broken.has(name)) broken.set(name, `consumers may no longer compile: ${message.split(/(?<=\.) /)[0]}`);
    }
    for (const [name, message] of broken) {
      const [operationId, part] = name.split('\u0000');
      if (part !== undefined) {
        changes.push({ operationId, where: `TypeScript ${part}`, path: '', change: message, breaking: true });
        continue;
      }
      changes.push({
        operationId: '',
        where: 'TypeScript',
        path: name,
        change: message,
        breaking: true,
      });
    }
    return changes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads core's src/ files from a checkout. */
export const coreFiles = (/** @type {string} */ root) => (/** @type {string} */ file) =>
  readFileSync(path.join(root, 'packages/core/src', file), 'utf8');
