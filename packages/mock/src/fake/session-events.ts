import type { Context } from './context';
import type { EventScope, FakeEvent } from './events';
import type { SessionPeer, StoredMeeting, StoredSession } from './state';

/**
 * The payloads of the session events, as Cloudflare's webhooks page shows them
 * (developers.cloudflare.com/realtime/realtimekit/webhooks/, "Supported events" and the examples under it): camelCase,
 * `event` naming the event, a `meeting` object, and `participant` for joins and leaves. Where the page's examples
 * leave a value open, the fake's choice is named in the README's fidelity table.
 */

/** How long a download URL the fake hands out stays valid: invented (the docs show an expiry, not its length). */
const URL_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Where the fake's download URLs point: a reserved name (RFC 2606) that resolves nowhere; the fake has no files. */
export const DOWNLOAD_HOST = 'https://realtimekit-fake.invalid';

/** The app a meeting is in, as an event names it. */
export function scopeOfMeeting(stored: StoredMeeting): EventScope {
  return { accountId: stored.accountId, appId: stored.scope.slice(stored.accountId.length + 1) };
}

/** The file of a session the fake says is ready: chat (CSV), transcript (CSV, or the `format` asked) or summary. */
export function download(ctx: Context, session: StoredSession, file: string) {
  const at = Date.parse(ctx.now());
  return {
    url: `${DOWNLOAD_HOST}/sessions/${session.id}/${file}`,
    expiry: new Date(at + URL_LIFETIME_MS).toISOString(),
  };
}

/** The `meeting` object of a session event; `endedAt` only once the session has ended. */
function meetingOf(stored: StoredMeeting, session: StoredSession) {
  return {
    id: stored.meeting.id,
    sessionId: session.id,
    title: stored.meeting.title ?? '',
    roomName: stored.meeting.id,
    status: 'LIVE',
    createdAt: stored.meeting.created_at,
    startedAt: session.started_at,
    ...(session.ended_at ? { endedAt: session.ended_at } : {}),
    organizedBy: { id: stored.accountId, name: stored.accountId },
  };
}

const participantOf = (peer: SessionPeer) => ({
  peerId: peer.id,
  userDisplayName: peer.displayName,
  customParticipantId: peer.customParticipantId,
  clientSpecificId: peer.customParticipantId,
  joinedAt: peer.joinedAt,
  ...(peer.leftAt ? { leftAt: peer.leftAt } : {}),
});

export const meetingStarted = (stored: StoredMeeting, session: StoredSession): FakeEvent => ({
  event: 'meeting.started',
  meeting: meetingOf(stored, session),
});

export const participantJoined = (stored: StoredMeeting, session: StoredSession, peer: SessionPeer): FakeEvent => ({
  event: 'meeting.participantJoined',
  meeting: meetingOf(stored, session),
  participant: participantOf(peer),
});

export const participantLeft = (stored: StoredMeeting, session: StoredSession, peer: SessionPeer): FakeEvent => ({
  event: 'meeting.participantLeft',
  meeting: meetingOf(stored, session),
  participant: participantOf(peer),
});

export type EndReason = 'HOST_ENDED_MEETING' | 'ALL_PARTICIPANTS_LEFT';

/**
 * What an ended session announces, in order: `meeting.ended` with its reason, then the chat export
 * (`meeting.chatSynced`, flat, no `meeting` object), and the transcript and summary when the meeting asks for them
 * (`transcribe_on_end`, `summarize_on_end`).
 */
export function sessionEnded(
  ctx: Context,
  stored: StoredMeeting,
  session: StoredSession,
  reason: EndReason,
): FakeEvent[] {
  const meeting = meetingOf(stored, session);
  const chat = download(ctx, session, 'chat.csv');
  const events: FakeEvent[] = [
    { event: 'meeting.ended', meeting, reason },
    {
      event: 'meeting.chatSynced',
      sessionId: session.id,
      meetingId: stored.meeting.id,
      title: meeting.title,
      chatDownloadUrl: chat.url,
      chatDownloadUrlExpiry: chat.expiry,
      createdAt: meeting.createdAt,
      startedAt: meeting.startedAt,
      endedAt: meeting.endedAt,
      organizedBy: meeting.organizedBy,
    },
  ];
  const options = stored.meeting as { transcribe_on_end?: boolean; summarize_on_end?: boolean };
  if (options.transcribe_on_end) events.push(transcriptReady(ctx, stored, session));
  if (options.summarize_on_end) events.push(summaryReady(ctx, stored, session));
  return events;
}

export function transcriptReady(ctx: Context, stored: StoredMeeting, session: StoredSession): FakeEvent {
  const file = download(ctx, session, 'transcript.csv');
  return {
    event: 'meeting.transcript',
    meeting: meetingOf(stored, session),
    transcriptDownloadUrl: file.url,
    transcriptDownloadUrlExpiry: file.expiry,
  };
}

export function summaryReady(ctx: Context, stored: StoredMeeting, session: StoredSession): FakeEvent {
  const file = download(ctx, session, 'summary.txt');
  return {
    event: 'meeting.summary',
    meeting: meetingOf(stored, session),
    summaryDownloadUrl: file.url,
    summaryDownloadUrlExpiry: file.expiry,
  };
}
