import { endSession, joinParticipant, leaveParticipant, startSession } from './active-session';
import { ingest } from './app-livestreams';
import type { Context } from './context';
import type { FakeAnswer, FakeRequest } from './fake-request';
import { newLivestream } from './livestreams';
import { Refusal } from './refusal';
import { json, refused, tooLarge } from './respond';

// The fake's control routes: what the client SDK and an encoder would do (join, leave, end a session; start a
// meeting's livestream; connect an independent one's encoder), over HTTP from any language, outside the API's paths.

/**
 * Where the control routes are, below any base URL: `POST {base}/__fake/sessions` (and `/sessions/join`,
 * `/sessions/leave`, `/sessions/end`), `POST {base}/__fake/livestreams`.
 */
export const CONTROL_PATH = '/__fake';
const CONTROL = /\/__fake\/(sessions(?:\/(?:join|leave|end))?|livestreams)$/;

/** The control route a path ends in (`sessions`, `sessions/join`, `sessions/leave`, `sessions/end`, `livestreams`). */
export const controlRouteOf = (pathname: string) => CONTROL.exec(pathname)?.[1];

/** Answers one control route; a refusal of the state's (unknown meeting, nobody to leave) in the API's envelope. */
export async function controlRoute(ctx: Context, request: FakeRequest, what: string): Promise<FakeAnswer> {
  if (request.method !== 'POST') return refused(405, `Use POST for ${CONTROL_PATH}/${what}`);
  const text = await request.text(ctx.limits.bodyBytes);
  if (text === undefined) return refused(413, tooLarge(ctx.limits.bodyBytes));
  let body: {
    meeting_id?: unknown;
    participants?: unknown;
    name?: unknown;
    participant_id?: unknown;
    livestream_id?: unknown;
    live?: unknown;
  };
  try {
    body = JSON.parse(text || '{}');
  } catch {
    return refused(400, 'body is not valid JSON');
  }
  if (what === 'livestreams' && body.livestream_id !== undefined) {
    if (typeof body.livestream_id !== 'string' || (body.live !== undefined && typeof body.live !== 'boolean')) {
      return refused(400, 'body must be {"livestream_id": "...", "live": true | false}');
    }
    try {
      return json(200, { success: true, data: ingest(ctx, body.livestream_id, body.live !== false) });
    } catch (error) {
      if (error instanceof Refusal) return refused(error.status, error.message);
      throw error;
    }
  }
  const meetingId = body.meeting_id;
  if (typeof meetingId !== 'string') return refused(400, `body must have a meeting_id: {"meeting_id": "..."}`);
  const participants = body.participants;
  if (
    participants !== undefined &&
    !(Array.isArray(participants) && participants.every((p) => typeof p === 'string'))
  ) {
    return refused(400, 'participants must be a list of participant IDs');
  }
  const participantId = body.participant_id;
  if (/join|leave/.test(what) && typeof participantId !== 'string') {
    return refused(400, `body must have a participant_id: {"meeting_id": "...", "participant_id": "..."}`);
  }
  try {
    if (what === 'sessions') return json(201, { success: true, data: startSession(ctx, meetingId, participants) });
    if (what === 'sessions/join') {
      return json(201, { success: true, data: joinParticipant(ctx, meetingId, participantId as string) });
    }
    if (what === 'sessions/leave') {
      return json(200, { success: true, data: leaveParticipant(ctx, meetingId, participantId as string) });
    }
    if (what === 'sessions/end') return json(200, { success: true, data: endSession(ctx, meetingId) });
    const stored = ctx.state.meetings.get(meetingId);
    if (!stored) return refused(404, `No meeting ${meetingId} (create it through the API first)`);
    const { livestream, commit } = newLivestream(ctx, stored, body.name);
    commit();
    return json(201, { success: true, data: livestream });
  } catch (error) {
    if (error instanceof Refusal) return refused(error.status, error.message);
    throw error;
  }
}
