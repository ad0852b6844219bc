export {
  type CaseInput,
  type ContractCase,
  ContractError,
  contractCases,
  type InvalidCase,
  invalidCases,
} from './cases';
export { type ContractResult, type RunContractOptions, runContract, type Violation } from './run-contract';
