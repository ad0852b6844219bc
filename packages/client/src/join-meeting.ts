import { attemptOnce } from './attempt';
import { classifyOutcome } from './classify';
import { RealtimeKitError, type RealtimeKitErrorKind } from './errors';
import type { Transport } from './transport';
import { check, isId, notAnId } from './validate-input';

/** What the proxy's join route answers: this user's join token for the meeting. A secret. */
export interface JoinedMeeting {
  token: string;
  participantId: string;
}

/**
 * `rtk.joinMeeting(meetingId)`, for a browser client behind `@realtimekit-meetings/proxy` with `join` configured:
 * `POST {proxyUrl}/meetings/{meeting_id}/join`. Who joins, and with which preset, the server decides; the browser
 * sends nothing else. One attempt (it may add a participant), under the client's timeout.
 */
export function createJoinMeeting(transport: Transport, proxy: boolean, timeoutMs: number, host: string) {
  return async function joinMeeting(meetingId: string, options: { signal?: AbortSignal } = {}): Promise<JoinedMeeting> {
    const context = { operationId: 'join' };
    check(proxy, 'joinMeeting is for a browser client behind the proxy (proxyUrl); on a server, use createJoinTokens');
    if (!isId(meetingId)) check(false, `meetingId ${notAnId(meetingId)}`, context);
    const fail = (kind: RealtimeKitErrorKind, message: string, details?: object) =>
      new RealtimeKitError(kind, message, { ...context, ...details });
    const schemaPath = '/meetings/{meeting_id}/join';
    const url = transport.url(schemaPath, { meeting_id: meetingId });
    const outcome = await attemptOnce(
      (attempt) => transport.send('POST', url, { body: {}, attempt, schemaPath }),
      timeoutMs,
      options.signal,
    );
    const result = classifyOutcome(outcome, options.signal, timeoutMs, host, fail);
    if (result instanceof RealtimeKitError) throw result;
    const { token, participant_id: participantId } = result as { token?: unknown; participant_id?: unknown };
    if (typeof token !== 'string' || typeof participantId !== 'string') {
      throw fail('invalid_response', 'the join route answered without token and participant_id');
    }
    return { token, participantId };
  };
}
