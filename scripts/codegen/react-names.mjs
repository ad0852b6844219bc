// @ts-check
/** Names the React emitters share: a read's options name and an operation's path IDs as arguments. */
import { camel } from './surface.mjs';

/** useMeetings -> meetings: a read's query options and, for a leaf read, its query key. */
export const optionsName = (/** @type {string} */ hook) => hook.slice(3, 4).toLowerCase() + hook.slice(4);
/** The path IDs of an operation, as camelCase argument names. */
export const ids = (/** @type {import('./surface.mjs').SurfaceOperation} */ op) =>
  op.pathParams.map((p) => camel(p.name));

/** Where the React emitters import the client's types from. */
export const CLIENT = '@realtimekit-meetings/client';
