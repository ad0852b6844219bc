import { type OperationId, operationTable } from '@realtimekit-meetings/core';
import { openapiDocument } from '@realtimekit-meetings/core/openapi';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Node = Record<string, unknown> & { $ref?: string };
const doc = openapiDocument as unknown as Node & { paths: Record<string, Record<string, Node>>; components: Node };

const resolve = (node: Node | undefined): Node | undefined => {
  if (!node?.$ref?.startsWith('#/')) return node;
  let target: unknown = doc;
  for (const part of node.$ref.slice(2).split('/')) target = (target as Record<string, unknown>)?.[part];
  return resolve(target as Node);
};

/**
 * Checks an answer's JSON body against the schema the spec declares for that operation and status (or its `4XX`
 * range): the list of what is wrong, empty when it conforms. The same validator the generator proves the cases with.
 */
export function createResponseValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ReturnType<Ajv['compile']>>();
  return (operationId: OperationId, status: number, body: unknown): string[] => {
    const op = operationTable[operationId];
    const responses = doc.paths[op.path]?.[op.method.toLowerCase()]?.responses as Record<string, Node> | undefined;
    const declared = responses?.[String(status)] ?? responses?.[`${String(status)[0]}XX`] ?? responses?.default;
    if (!declared) return [`answered ${status}, which the spec does not declare for ${operationId}`];
    const schema = (resolve(declared)?.content as Record<string, Node> | undefined)?.['application/json']?.schema;
    if (!schema) return [];
    const key = `${operationId} ${status}`;
    let check = compiled.get(key);
    // the spec's components at the root, so that its `#/components/...` references resolve as they are
    if (!check) {
      check = ajv.compile({ components: doc.components, allOf: [schema] });
      compiled.set(key, check);
    }
    return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}
