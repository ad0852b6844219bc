// Modules that ship no types; these are the functions we use.
declare module 'openapi-overlays-js/src/overlay.js' {
  export function applyOverlay(
    definition: Record<string, unknown>,
    overlay: { actions: unknown[] },
  ): Record<string, unknown>;
}

declare module 'jsonpath' {
  const jsonpath: { query(object: unknown, path: string): unknown[] };
  export default jsonpath;
}
