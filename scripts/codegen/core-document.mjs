// @ts-check
/** packages/core/src/generated/document.gen.ts: the effective spec, for the validators that read it at run time. */
import { TS_HEADER } from './text.mjs';

/** @param {Record<string, any>} spec */
export function documentModule(spec) {
  return `${TS_HEADER}
/** The effective OpenAPI document (upstream plus spec/overlays), for mocks and validators. */
export const openapiDocument: { readonly [key: string]: unknown } = JSON.parse(${JSON.stringify(JSON.stringify(spec))});
`;
}
