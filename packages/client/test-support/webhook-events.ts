import type { KnownWebhookEvent } from '../src/webhooks/events';

// One event of each documented type, shaped as the examples of
// https://developers.cloudflare.com/realtime/realtimekit/webhooks/ (values invented).
const organizedBy = { id: '2d8e5f7a-0c1b-4f7e-9b7a-8a3c0d5e6f70', name: 'Acme' };
const meeting = {
  id: 'bbb0b2b6-2c0f-4a4f-8e33-c3f6f7d1a0e1',
  sessionId: '6f3c1e2a-9b8d-4c7e-a1f0-2b3c4d5e6f70',
  title: 'Daily standup',
  roomName: 'bbb0b2b6-2c0f-4a4f-8e33-c3f6f7d1a0e1',
  status: 'LIVE',
  createdAt: '2026-12-05T10:00:00.000Z',
  startedAt: '2026-12-05T10:01:00.000Z',
  organizedBy,
};
const ended = { ...meeting, endedAt: '2026-12-05T10:31:00.000Z' };
const participant = {
  peerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  userDisplayName: 'Ada',
  customParticipantId: 'user-42',
  clientSpecificId: 'user-42',
  joinedAt: '2026-12-05T10:02:00.000Z',
};

export const sampleEvents: KnownWebhookEvent[] = [
  { event: 'meeting.started', meeting },
  { event: 'meeting.ended', meeting: ended, reason: 'ALL_PARTICIPANTS_LEFT' },
  { event: 'meeting.participantJoined', meeting, participant },
  {
    event: 'meeting.participantLeft',
    meeting: ended,
    participant: { ...participant, leftAt: '2026-12-05T10:30:00.000Z' },
  },
  {
    event: 'meeting.chatSynced',
    sessionId: meeting.sessionId,
    meetingId: meeting.id,
    title: meeting.title,
    chatDownloadUrl: 'https://storage.example.test/chat.csv?sig=1',
    chatDownloadUrlExpiry: '2026-12-06T10:31:00.000Z',
    createdAt: meeting.createdAt,
    startedAt: meeting.startedAt,
    endedAt: ended.endedAt,
    organizedBy,
  },
  {
    event: 'recording.statusUpdate',
    recording: {
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      recordingId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      status: 'UPLOADED',
      downloadUrl: 'https://storage.example.test/rec.mp4?sig=1',
      audioDownloadUrl: 'https://storage.example.test/rec.mp3?sig=1',
      downloadUrlExpiry: '2026-12-06T10:31:00.000Z',
      startedTime: '2026-12-05T10:01:30.000Z',
      stoppedTime: '2026-12-05T10:31:00.000Z',
      fileSize: '2044680',
      outputFileName: 'rec.mp4',
      meetingId: meeting.id,
      recordingDuration: 1800,
      organizationId: '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098',
      roomUUID: meeting.id,
    },
    meeting: ended,
  },
  {
    event: 'livestreaming.statusUpdate',
    streamId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    status: 'LIVE',
    manualIngest: false,
    playbackUrl: 'https://live.example.test/stream.m3u8',
    ingestServer: 'rtmps://live.example.test:443/live',
    streamKey: 'stream-key-secret',
    meeting: {
      id: meeting.id,
      title: meeting.title,
      createdAt: meeting.createdAt,
      roomName: meeting.roomName,
      status: 'LIVE',
      organizedBy,
    },
  },
  {
    event: 'meeting.transcript',
    meeting: ended,
    transcriptDownloadUrl: 'https://storage.example.test/transcript.csv?sig=1',
    transcriptDownloadUrlExpiry: '2026-12-06T10:31:00.000Z',
  },
  {
    event: 'meeting.summary',
    meeting: ended,
    summaryDownloadUrl: 'https://storage.example.test/summary.txt?sig=1',
    summaryDownloadUrlExpiry: '2026-12-06T10:31:00.000Z',
  },
];

/** The body RealtimeKit would send: pretty-printed, so that serializing it again changes its bytes. */
export const bodyOf = (event: object) => JSON.stringify(event, null, 2);
