// @ts-check
/**
 * packages/mock/src/generated/document.gen.ts: the effective spec, for Prism and for whoever checks against it
 * (`@realtimekit-meetings/mock/openapi`). Not in core: a client's install has no use for 190 kB of document.
 */
import { TS_HEADER } from './text.mjs';

/** @param {Record<string, any>} spec */
export function documentModule(spec) {
  return `${TS_HEADER}
/** The effective OpenAPI document (upstream plus spec/overlays), for mocks and validators. */
export const openapiDocument: { readonly [key: string]: unknown } = JSON.parse(${JSON.stringify(JSON.stringify(spec))});
`;
}
