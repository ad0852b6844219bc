import type { OperationId, OperationInput, OperationResponseBody } from '@realtimekit-meetings/core';
import type { RealtimeKitResources } from './generated/resources.gen';
import type { JoinedMeeting } from './join-meeting';
import type { RawClient, RequestOptions } from './options';

/** `request()`'s arguments after the operationId: the input may be left out only when the operation needs none. */
export type RequestArgs<K extends OperationId> =
  Record<string, never> extends OperationInput<K>
    ? [input?: OperationInput<K>, options?: RequestOptions]
    : [input: OperationInput<K>, options?: RequestOptions];

/** A RealtimeKit client: one property per resource (`meetings`, `participants`, ...), and `request()` for any operation. */
export interface RealtimeKitClient extends RealtimeKitResources {
  /**
   * Calls any operation by its operationId and returns the whole response body (`success`, `data`, `paging`), with
   * the same validation, retries and errors as the methods. The operationId picks the exact params, query and body.
   */
  request<K extends OperationId>(operationId: K, ...args: RequestArgs<K>): Promise<OperationResponseBody<K>>;
  /**
   * In a browser behind the proxy with `join` configured: this user's join token for the meeting, from
   * `POST {proxyUrl}/meetings/{meeting_id}/join`. The server decides who joins and with which preset.
   */
  joinMeeting(meetingId: string, options?: { signal?: AbortSignal }): Promise<JoinedMeeting>;
  /** Identifies where this client's data lives (account and app, or the proxy), for cache keys. Not a secret. */
  readonly scope: string;
  /** The underlying openapi-fetch client, typed by the spec's `paths`. */
  raw: RawClient;
}
