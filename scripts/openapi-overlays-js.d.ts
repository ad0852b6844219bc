// openapi-overlays-js ships no types; this is the one function we use.
declare module 'openapi-overlays-js/src/overlay.js' {
  export function applyOverlay(
    definition: Record<string, unknown>,
    overlay: { actions: unknown[] },
  ): Record<string, unknown>;
}
