import type { KnownKeys, OperationRequestBody } from '@realtimekit-meetings/core';

/** The operations whose body names a participant's preset or identity, which the server decides. */
export type ParticipantOperation = 'add_participant' | 'replace_participant' | 'edit_participant';

/** What `decideParticipant` returns: the identity and preset of the participant (`edit_participant` takes no identity). */
export interface ParticipantDecision {
  preset_name?: string;
  custom_participant_id?: string;
}

/** The properties the spec declares for an operation's request body, from core's generated types. */
type Declared<K extends ParticipantOperation> = keyof KnownKeys<OperationRequestBody<K>> & string;
/** Names no body passed on may hold, whatever a spec declares: they reach an object's prototype in JavaScript. */
type Unsafe = '__proto__' | 'constructor' | 'prototype';

/**
 * Every property each participant operation's body declares in the spec, and nothing else: checked against core's
 * generated types both ways (a name the spec does not declare, or `__proto__`, `constructor`, `prototype`, fails to
 * compile here, and so does one the spec adds: `Unlisted` below). Core has no runtime list of body properties yet.
 */
export const PARTICIPANT_BODY_PROPERTIES = {
  add_participant: ['custom_participant_id', 'name', 'picture', 'preset_name'],
  replace_participant: ['custom_participant_id', 'name', 'picture', 'preset_name'],
  edit_participant: ['name', 'picture', 'preset_name'],
} as const satisfies { [K in ParticipantOperation]: readonly Exclude<Declared<K>, Unsafe>[] };
type Unlisted = {
  [K in ParticipantOperation]: Exclude<Declared<K>, (typeof PARTICIPANT_BODY_PROPERTIES)[K][number]>;
}[ParticipantOperation];
/** Compiles only when `Unlisted` is never: a property the spec declares and the list leaves out is named in the error. */
type EveryPropertyListed<U extends never> = U;
type _Checked = EveryPropertyListed<Unlisted>;

/**
 * The fields `decideParticipant` decides, per operation: a browser must choose neither. The test beside this file
 * checks the list against every request body of the spec.
 */
export const PARTICIPANT_OPERATIONS: Readonly<Record<ParticipantOperation, readonly (keyof ParticipantDecision)[]>> = {
  add_participant: ['preset_name', 'custom_participant_id'],
  replace_participant: ['preset_name', 'custom_participant_id'],
  edit_participant: ['preset_name'],
};

export const isParticipantOperation = (operationId: string): operationId is ParticipantOperation =>
  Object.hasOwn(PARTICIPANT_OPERATIONS, operationId);

/**
 * The body sent upstream for a participant operation: of the browser's, only the properties the spec declares that
 * the server does not decide (an alias such as `presetName`, `preset_id` or `Preset_Name`, and `__proto__`, are
 * dropped), then the decided fields.
 */
export function participantBody(
  operationId: ParticipantOperation,
  body: Record<string, unknown>,
  decision: ParticipantDecision,
): Record<string, unknown> {
  const decided = PARTICIPANT_OPERATIONS[operationId];
  const sent: Record<string, unknown> = {};
  for (const name of PARTICIPANT_BODY_PROPERTIES[operationId]) {
    if (!(decided as readonly string[]).includes(name) && Object.hasOwn(body, name)) sent[name] = body[name];
  }
  // a field the decision leaves undefined (an edit keeping the preset) is left out of the JSON sent
  for (const field of decided) sent[field] = decision[field];
  return sent;
}
