import { openapiDocument } from '@realtimekit-meetings/mock/openapi';

type Node = Record<string, unknown>;

/** Follows `#/components/...` references through the spec document, for tests that read what the spec declares. */
export const resolveRef = (node: Node | undefined): Node | undefined => {
  const ref = node?.$ref as string | undefined;
  if (!ref) return node;
  return resolveRef(
    ref
      .slice(2)
      .split('/')
      .reduce<Node>((at, key) => at[key] as Node, openapiDocument as Node),
  );
};
