// the module augmented below (without this import the declaration build cannot resolve it)
import type {} from 'vitest';
import { startMockServer } from './mock-server';

// What this setup provides to tests, typed: `inject('realtimekitMockUrl')` is a string. A test file gets this typing
// by importing the module's types: `import type {} from '@realtimekit-meetings/mock/vitest-global-setup'`.
declare module 'vitest' {
  export interface ProvidedContext {
    realtimekitMockUrl: string;
  }
}

/** The part of vitest's TestProject this setup uses. */
interface Project {
  provide?(key: 'realtimekitMockUrl', value: string): void;
}

/**
 * A vitest `globalSetup`: starts the RealtimeKit mock once for the whole run and stops it at the end. Tests read
 * its URL with `inject('realtimekitMockUrl')` (or from `process.env.REALTIMEKIT_MOCK_URL`).
 */
export default async function setup(project?: Project) {
  const mock = await startMockServer();
  process.env.REALTIMEKIT_MOCK_URL = mock.url;
  project?.provide?.('realtimekitMockUrl', mock.url);
  return async () => {
    await mock.close();
  };
}
