import { type Json, present } from './context';
import type { FakeEvent } from './events';
import type { StoredRecording } from './recordings';
import type { StoredMeeting } from './state';

/**
 * The `meeting` of a webhook payload, camelCase as the webhooks page shows it
 * (developers.cloudflare.com/realtime/realtimekit/webhooks/): `roomName` is the meeting's ID in every example there;
 * `status`, `sessionId` and `startedAt` come from the live session, when there is one. `organizedBy` names the app
 * (its name is not the fake's to know: ''), an invention: the examples show a UUID and a name.
 */
export function meetingPayload(stored: StoredMeeting, appId: string): Json {
  const { meeting, session } = stored;
  return present({
    id: meeting.id,
    sessionId: session?.id,
    title: meeting.title ?? '',
    roomName: meeting.id,
    status: session ? 'LIVE' : 'ENDED',
    createdAt: meeting.created_at,
    startedAt: session?.started_at,
    organizedBy: { id: appId, name: '' },
  });
}

/**
 * `recording.statusUpdate`, with the fields the webhooks page's example has (there `fileSize` is a string, while the
 * REST answer's `file_size` is a number; `recordingId` repeats `id`; `roomUUID` is the meeting's ID).
 */
export function recordingStatusEvent(stored: StoredRecording, meeting: StoredMeeting, appId: string): FakeEvent {
  const r = stored.recording;
  return {
    event: 'recording.statusUpdate',
    recording: {
      id: r.id,
      recordingId: r.id,
      status: r.status,
      downloadUrl: r.download_url,
      audioDownloadUrl: r.audio_download_url,
      downloadUrlExpiry: r.download_url_expiry,
      startedTime: r.started_time,
      stoppedTime: r.stopped_time,
      fileSize: r.file_size === null ? null : String(r.file_size),
      outputFileName: r.output_file_name,
      meetingId: stored.meetingId,
      recordingDuration: r.recording_duration,
      organizationId: appId,
      roomUUID: stored.meetingId,
    },
    meeting: meetingPayload(meeting, appId),
  };
}
