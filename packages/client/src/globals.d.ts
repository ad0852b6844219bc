/**
 * Set to `true` by the browser build (the `browser` export condition). Code that only Node needs is written
 * `typeof __RTK_BROWSER__ === 'undefined' && ...`, so that a bundler folds it away there: the fast path of
 * direct-fetch.ts (Node's fetch, undici, is the one that copies a Request it is given) and environment variables.
 */
declare const __RTK_BROWSER__: true | undefined;
