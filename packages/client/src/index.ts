export type * from '@realtimekit-meetings/core';
export type {
  ActiveSessionResource,
  LivestreamsResource,
  MeetingsResource,
  ParticipantsResource,
  RealtimeKitClient,
} from './client-types';
export { createRealtimeKitClient } from './create-client';
export { RealtimeKitError, type RealtimeKitErrorDetails, type RealtimeKitErrorKind } from './errors';
export type { Logger, RawClient, RealtimeKitClientOptions, RequestOptions } from './options';
export type { RequestInput } from './request';
