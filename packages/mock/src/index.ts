export * from './fake/index';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server';
