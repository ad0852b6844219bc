/** The browser build sends with fetch (tsup.config.mts puts this file in place of node-http.ts): never called. */
export const nodeHttpSend = (): Promise<never> => {
  throw new Error('node:http is not in the browser build');
};

/** Never called in the browser build either (transport.ts sends with fetch there). */
export const nodeHttpTarget = nodeHttpSend;
