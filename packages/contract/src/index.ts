export {
  type CaseInput,
  type ContractCase,
  ContractError,
  contractCases,
  type InvalidCase,
  invalidCases,
} from './cases';
export {
  createRealtimeKitFake,
  type FakeLimits,
  type RealtimeKitFake,
  type RealtimeKitFakeOptions,
  type StartSessionOptions,
} from './fake/create-fake';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server';
export { type ContractResult, type RunContractOptions, runContract, type Violation } from './run-contract';
