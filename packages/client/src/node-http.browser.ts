import type { AnswerResponse } from './node-http';

/** The browser build sends with fetch (tsup.config.mts puts this file in place of node-http.ts): never called. */
export const nodeHttpSend = (): Promise<{ response: AnswerResponse; text: string }> => {
  throw new Error('node:http is not in the browser build');
};
