import type { Context } from './context';
import type { FakeEvent } from './events';
import { meetingPayload } from './recording-event';
import type { StoredMeeting } from './state';

/** What a `livestreaming.statusUpdate` tells of a livestream: a meeting's or an independent one. */
export interface LivestreamState {
  id: string;
  status: string;
  playback_url: string;
  ingest_server: string;
  stream_key: string;
}

/**
 * `livestreaming.statusUpdate`, flat, with the fields of the webhooks page's example
 * (developers.cloudflare.com/realtime/realtimekit/webhooks/): `manualIngest` is true for an independent livestream
 * (its encoder is the app's), false for a meeting's; an independent one has no `meeting` (an invention: the page shows
 * only a meeting's).
 */
export function livestreamStatusEvent(
  livestream: LivestreamState,
  meeting: StoredMeeting | undefined,
  appId: string,
): FakeEvent {
  const { sessionId: _s, startedAt: _a, ...about } = meeting ? meetingPayload(meeting, appId) : {};
  return {
    event: 'livestreaming.statusUpdate',
    streamId: livestream.id,
    status: livestream.status,
    manualIngest: meeting === undefined,
    playbackUrl: livestream.playback_url,
    ingestServer: livestream.ingest_server,
    streamKey: livestream.stream_key,
    ...(meeting ? { meeting: about } : {}),
  };
}

/** Announces a meeting's livestream's new status to the meeting's app. */
export function emitMeetingLivestream(ctx: Context, stored: StoredMeeting, livestream: LivestreamState) {
  const appId = stored.scope.slice(stored.accountId.length + 1);
  ctx.emit({ accountId: stored.accountId, appId }, livestreamStatusEvent(livestream, stored, appId));
}
