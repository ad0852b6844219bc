/**
 * Set to `true` by the browser build (the `browser` export condition): what only a server needs (the rate budget,
 * environment variables, cutting the API token out of errors, the API's refusal hints) is written
 * `typeof __RTK_BROWSER__ === 'undefined' && ...`, so that a bundler folds it away there.
 */
declare const __RTK_BROWSER__: true | undefined;

/**
 * Set to `true` by the builds without Node's modules, the browser's and the `worker` one (Cloudflare Workers, edge
 * runtimes): the node:http transport and `raw` (openapi-fetch) are written `typeof __RTK_NO_NODE__ === 'undefined'
 * && ...`. The worker build keeps everything a server needs (__RTK_BROWSER__ is not set there).
 */
declare const __RTK_NO_NODE__: true | undefined;
