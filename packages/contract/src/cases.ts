import type { OperationId } from '@realtimekit-meetings/core';

/** What a case sends besides the path IDs: the spec-derived query and body. */
export interface CaseInput {
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** One conforming call of an operation (generated from the spec into generated/cases.gen.ts). */
export interface ContractCase {
  operationId: OperationId;
  /** The client method it stands for, e.g. `meetings.list`. */
  call: string;
  /** Whether the call changes anything on the server (run only with `allowWrites`). */
  writes: boolean;
  /** Each path parameter, and the name of the ID it takes from earlier cases (`meeting_id`: `meetingId`). */
  params: Record<string, string>;
  /** The ID this case provides to later ones: a creation's new item, or a list's first item. */
  learns?: string;
  /**
   * IDs this case's answer holds for later ones, each where it holds it, the first item of each list on the way:
   * `{ peerId: 'data.participants[].peer_events[].peer_id' }`. Derived from the spec where no list or creation above
   * the operation that reads with the ID provides it.
   */
  finds?: Record<string, string>;
  /** Error statuses the spec declares for the operation; answering one of them also keeps the contract. */
  declaredErrors: number[];
  input: CaseInput;
}

/** A call the API must refuse: a body or query that breaks the spec, sent with a valid token. */
export interface InvalidCase {
  operationId: OperationId;
  /** What is wrong with it, e.g. `participants.add: body without its required preset_name`. */
  name: string;
  /** Whether the call would change anything if the API wrongly accepted it (run only with `allowWrites`). */
  writes: boolean;
  params: Record<string, string>;
  /** The status the spec's mock (Prism) refuses it with. */
  status: number;
  input: CaseInput;
}

export class ContractError extends Error {
  override name = 'ContractError';
}

export { contractCases, invalidCases } from './generated/cases.gen';
