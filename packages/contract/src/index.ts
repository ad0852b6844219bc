export {
  type CaseInput,
  type ContractCase,
  ContractError,
  contractCases,
  type InvalidCase,
  invalidCases,
} from './cases';
export * from './fake/index';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server';
export { type ContractResult, type RunContractOptions, runContract, type Violation } from './run-contract';
