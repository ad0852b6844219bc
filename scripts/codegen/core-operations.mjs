// @ts-check
/** packages/core/src/generated/operations.gen.ts: the operations table, and the routes a client needs on every call. */
import { APP_PREFIX } from './surface.mjs';
import { TS_HEADER } from './text.mjs';

/** @typedef {import('./surface.mjs').Surface} Surface @typedef {import('./surface.mjs').SurfaceOperation} SurfaceOperation */

/** @param {Surface} surface */
export function operationsModule(surface) {
  const entries = surface.operations
    .map((op) => {
      const row = {
        operationId: op.operationId,
        method: op.method,
        path: op.path,
        pathParams: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: [...new Set(op.queryParams.map((p) => p.name))],
        tag: op.tag,
        hasBody: op.hasBody,
        successStatus: op.successStatus,
      };
      const fields = Object.entries(row)
        .map(([key, value]) => `    ${key}: ${JSON.stringify(value).replace(/","/g, '", "')},`)
        .join('\n');
      return `  ${JSON.stringify(op.operationId)}: {\n${fields}\n  },`;
    })
    .join('\n');
  return `${TS_HEADER}
/** Every operation of the effective spec, keyed by operationId. Other packages read this instead of repeating paths. */
export const operationTable = {
${entries}
} as const;

export type OperationTable = typeof operationTable;
export type OperationId = keyof OperationTable;
export type Operation = OperationTable[OperationId];
export type HttpMethod = Operation['method'];

/** Every app's path starts with this prefix; the part after it is what a proxy exposes. The account's own (apps) do not. */
export const APP_PATH_PREFIX = ${JSON.stringify(APP_PREFIX)};

/**
 * The same operations reduced to what a client needs on every call, so a browser bundle need not carry the
 * whole table: [method, path below APP_PATH_PREFIX (the whole template for the account's own, /accounts/…/apps), has a JSON body (1/0),
 * and, where there are any, the array query parameters sent comma-separated (\`status=A,B\`, the spec's \`explode: false\`;
 * the others repeat: \`status=A&status=B\`)].
 */
export const operationRoutes = {
${surface.operations
  .map(
    (op) =>
      `  ${JSON.stringify(op.operationId)}: [${JSON.stringify(op.method)}, ${JSON.stringify(op.route)}, ${op.hasBody ? 1 : 0}${op.commaQuery.length > 0 ? `, ${JSON.stringify(op.commaQuery)}` : ''}],`,
  )
  .join('\n')}
} as const satisfies Record<OperationId, readonly [HttpMethod, string, 0 | 1, (readonly string[])?]>;
`;
}
