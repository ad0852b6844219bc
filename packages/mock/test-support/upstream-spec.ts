import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Node = Record<string, unknown> & { $ref?: string };

/** One operation of Cloudflare's own description, as `spec/upstream/` has it (no overlay applied). */
export interface UpstreamOperation {
  operationId: string;
  method: string;
  path: string;
  /** The names of its query parameters. */
  query: string[];
  responses: Record<string, Node>;
}

/**
 * `spec/upstream/`, verbatim: the RealtimeKit fragment of the very description Cloudflare's SDK is generated from,
 * so its response schemas are what that SDK's types say (the effective spec, with our overlays, is what the mock
 * and the fake serve).
 */
const upstream = parse(
  readFileSync(new URL('../../../spec/upstream/realtimekit-meetings.openapi.yaml', import.meta.url), 'utf8'),
) as Node & { paths: Record<string, Record<string, Node>>; components: Node };

/**
 * OpenAPI 3.0.3 gives `nullable` a meaning only beside a `type` ("adds null to the allowed types specified by the
 * type keyword"); upstream has it alone in PeerReportEvent's metadata, which Ajv refuses to compile. Alone it allows
 * nothing more, so removing it there keeps what upstream says.
 */
function dropTypelessNullable(node: unknown): void {
  if (Array.isArray(node)) for (const item of node) dropTypelessNullable(item);
  else if (typeof node === 'object' && node !== null) {
    const schema = node as Record<string, unknown>;
    if ('nullable' in schema && !('type' in schema)) delete schema.nullable;
    for (const value of Object.values(schema)) dropTypelessNullable(value);
  }
}
dropTypelessNullable(upstream);

export const upstreamOperations = new Map<string, UpstreamOperation>();
const resolve = (node: Node | undefined): Node | undefined => {
  if (!node?.$ref?.startsWith('#/')) return node;
  let target: unknown = upstream;
  for (const part of node.$ref.slice(2).split('/')) target = (target as Record<string, unknown>)?.[part];
  return resolve(target as Node);
};

for (const [path, item] of Object.entries(upstream.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (typeof operation.operationId !== 'string') continue;
    const parameters = [...((item.parameters ?? []) as Node[]), ...((operation.parameters ?? []) as Node[])];
    upstreamOperations.set(operation.operationId, {
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      query: parameters.map(resolve).flatMap((p) => (p?.in === 'query' ? [String(p.name)] : [])),
      responses: (operation.responses ?? {}) as Record<string, Node>,
    });
  }
}

/**
 * Checks a parsed answer against the schema upstream declares for that operation and status: the list of what is
 * wrong (`/data/disabled must be string`), empty when it conforms. Ajv, as the contract package does, with the
 * description's components at the root so that its `#/components/...` references resolve as they are.
 */
export function createUpstreamValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ReturnType<Ajv['compile']>>();
  return (operationId: string, status: number, body: unknown): string[] => {
    const operation = upstreamOperations.get(operationId);
    if (!operation) return [`spec/upstream/ has no operation ${operationId}`];
    const declared = resolve(operation.responses[String(status)]);
    if (!declared) return [`answered ${status}, which spec/upstream/ does not declare for ${operationId}`];
    const schema = (declared.content as Record<string, Node> | undefined)?.['application/json']?.schema;
    if (!schema) return [];
    const key = `${operationId} ${status}`;
    let check = compiled.get(key);
    if (!check) {
      check = ajv.compile({ components: upstream.components, allOf: [schema] });
      compiled.set(key, check);
    }
    return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}
