export { closestName } from './closest-name';
export { errorBody } from './error-body';
export type { components, operations, paths } from './generated/openapi.gen';
export {
  APP_PATH_PREFIX,
  type HttpMethod,
  type Operation,
  type OperationId,
  type OperationTable,
  operationRoutes,
  operationTable,
} from './generated/operations.gen';
export type * from './generated/types.gen';
export { createRouter, type RouteMatch } from './match-route';
export type * from './operation-types';
export { readAtMost, streamChunks } from './read-at-most';
