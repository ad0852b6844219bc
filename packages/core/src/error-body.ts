import type { RealtimeKitErrorBody } from './generated/types.gen';

/**
 * RealtimeKit's error envelope, `{ success: false, error: { code, message } }`: how the API (and so the fake, the
 * Prism mock's own refusals and the proxy) answers a refusal. Typed by the spec's schema, so a spec that changes the
 * envelope fails to compile here rather than drift in three packages.
 */
export const errorBody = (code: number, message: string) =>
  ({ success: false, error: { code, message } }) satisfies RealtimeKitErrorBody;
