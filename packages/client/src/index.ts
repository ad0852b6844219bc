export type * from '@realtimekit-meetings/core';
export type { RealtimeKitClient, RequestArgs } from './client';
export { createRealtimeKitClient } from './create-client';
export { RealtimeKitError, type RealtimeKitErrorDetails, type RealtimeKitErrorKind } from './errors';
// each resource alone, `createMeetingsClient({ proxyUrl }).get(id)`: a bundle carries only what it imports
export * from './generated/resource-clients.gen';
export type {
  ActiveSessionResource,
  AnalyticsResource,
  AppsResource,
  LivestreamsResource,
  MeetingsResource,
  ParticipantsResource,
  PresetsResource,
  RealtimeKitResources,
  RecordingsResource,
  SessionsResource,
  WebhooksResource,
} from './generated/resources.gen';
export type { JoinedMeeting } from './join-meeting';
export {
  createJoinTokens,
  type JoinResult,
  type JoinTokenStore,
  type JoinTokensOptions,
  type JoinUser,
  memoryJoinTokenStore,
  type PreparedUser,
} from './join-tokens';
export type {
  Logger,
  ProxyClientOptions,
  RawClient,
  RealtimeKitClientOptions,
  RequestOptions,
  ServerClientOptions,
} from './options';
export type { RateBudgetOptions } from './rate-budget';
export { memoryRateBudgetStore, type RateBudgetStore } from './rate-budget-store';
export type { RequestInput } from './request';
