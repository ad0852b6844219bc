// What this package's vitest globalSetup provides to tests: `inject('realtimekitMockUrl')`.
declare module 'vitest' {
  export interface ProvidedContext {
    realtimekitMockUrl: string;
  }
}

export {};
