// The events RealtimeKit POSTs to a registered webhook URL. Every field is taken from Cloudflare's page "Webhooks",
// https://developers.cloudflare.com/realtime/realtimekit/webhooks/ ("All webhook payloads include an `event` field.
// The remaining fields depend on the event type."). The page gives examples, not schemas: types are read from the
// example values, and fields are camelCase (unlike the REST API's snake_case). Where the page names the values of a
// status, the type lists them and still accepts any string, so a value Cloudflare adds later is not a type error.

/** Who organized the meeting. */
export interface WebhookOrganizer {
  id: string;
  name: string;
}

/**
 * The meeting an event is about, as most events carry it.
 * @see https://developers.cloudflare.com/realtime/realtimekit/webhooks/
 */
export interface WebhookMeeting {
  /** The meeting's ID (a UUID). */
  id: string;
  /** The session of the meeting this event belongs to (a UUID): a meeting has one per time people gather in it. */
  sessionId: string;
  title: string;
  roomName: string;
  /** `LIVE` in every example of the docs. */
  status: 'LIVE' | (string & {});
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; absent from the docs' `meeting.started` and `meeting.participantJoined` examples. */
  endedAt?: string;
  organizedBy: WebhookOrganizer;
}

/** A participant, as `meeting.participantJoined` and `meeting.participantLeft` carry it. */
export interface WebhookParticipant {
  /** The participant's peer ID in this session (a UUID). */
  peerId: string;
  userDisplayName: string;
  /** Your own identifier for the participant (the `custom_participant_id` it was added with). */
  customParticipantId: string;
  /** Kept "for compatibility with older integrations", the docs say: use `customParticipantId`. */
  clientSpecificId: string;
  /** ISO 8601. */
  joinedAt: string;
  /** ISO 8601; in `meeting.participantLeft`. */
  leftAt?: string;
}

/** The first participant joined a meeting. */
export interface MeetingStartedEvent {
  event: 'meeting.started';
  meeting: WebhookMeeting;
}

/** The meeting ended: the host ended it, or all participants left. */
export interface MeetingEndedEvent {
  event: 'meeting.ended';
  meeting: WebhookMeeting;
  reason: 'HOST_ENDED_MEETING' | 'ALL_PARTICIPANTS_LEFT' | (string & {});
}

/** A participant joined a meeting. */
export interface MeetingParticipantJoinedEvent {
  event: 'meeting.participantJoined';
  meeting: WebhookMeeting;
  participant: WebhookParticipant;
}

/** A participant left a meeting. */
export interface MeetingParticipantLeftEvent {
  event: 'meeting.participantLeft';
  meeting: WebhookMeeting;
  participant: WebhookParticipant & { leftAt: string };
}

/** The chat export of a completed meeting is available. Flat: no `meeting` object. */
export interface MeetingChatSyncedEvent {
  event: 'meeting.chatSynced';
  sessionId: string;
  meetingId: string;
  title: string;
  /** A time-limited URL of the chat export. */
  chatDownloadUrl: string;
  /** ISO 8601: when `chatDownloadUrl` stops working. */
  chatDownloadUrlExpiry: string;
  createdAt: string;
  startedAt: string;
  endedAt: string;
  organizedBy: WebhookOrganizer;
}

/** A recording, as `recording.statusUpdate` carries it. */
export interface WebhookRecording {
  id: string;
  /** The same value as `id` in the docs' example. */
  recordingId: string;
  /**
   * The recording guide names the states `INVOKED`, `RECORDING`, `UPLOADING`, `UPLOADED` and `ERRORED`, and says this
   * event is sent when a recording moves between them
   * (developers.cloudflare.com/realtime/realtimekit/recording-guide/monitor-status/); a paused recording's REST status
   * is `PAUSED` (the spec's enum), which the SDK's fake sends after a pause. Whether the API's webhook carries `PAUSED`
   * is not documented.
   */
  status: 'INVOKED' | 'RECORDING' | 'PAUSED' | 'UPLOADING' | 'UPLOADED' | 'ERRORED' | (string & {});
  downloadUrl: string;
  audioDownloadUrl: string;
  /** ISO 8601. */
  downloadUrlExpiry: string;
  /** ISO 8601. */
  startedTime: string;
  /** ISO 8601. */
  stoppedTime: string;
  /** Bytes, as a string (`"2044680"`): a number in the REST API, a string here. */
  fileSize: string;
  outputFileName: string;
  meetingId: string;
  /** Seconds. */
  recordingDuration: number;
  organizationId: string;
  roomUUID: string;
}

/** A recording changed status. */
export interface RecordingStatusUpdateEvent {
  event: 'recording.statusUpdate';
  recording: WebhookRecording;
  meeting: WebhookMeeting;
}

/** A livestream changed status. Flat: the stream's fields at the top, a shorter `meeting` beside them. */
export interface LivestreamingStatusUpdateEvent {
  event: 'livestreaming.statusUpdate';
  streamId: string;
  /** The docs name `LIVE`, `OFFLINE` and `IDLE`. */
  status: 'LIVE' | 'OFFLINE' | 'IDLE' | (string & {});
  manualIngest: boolean;
  /** An HLS (`.m3u8`) URL. */
  playbackUrl: string;
  /** An `rtmps://` URL. */
  ingestServer: string;
  /** A secret of the stream: never log it. */
  streamKey: string;
  meeting: Pick<WebhookMeeting, 'id' | 'title' | 'createdAt' | 'roomName' | 'status' | 'organizedBy'>;
}

/** The transcript of a completed meeting is available. */
export interface MeetingTranscriptEvent {
  event: 'meeting.transcript';
  meeting: WebhookMeeting;
  /** A time-limited URL of the transcript (CSV in the docs' example). */
  transcriptDownloadUrl: string;
  /** ISO 8601. */
  transcriptDownloadUrlExpiry: string;
}

/** The AI-generated summary of a completed meeting is available. */
export interface MeetingSummaryEvent {
  event: 'meeting.summary';
  meeting: WebhookMeeting;
  /** A time-limited URL of the summary (text in the docs' example). */
  summaryDownloadUrl: string;
  /** ISO 8601. */
  summaryDownloadUrlExpiry: string;
}

/**
 * Every event RealtimeKit documents, discriminated on `event`.
 * @see https://developers.cloudflare.com/realtime/realtimekit/webhooks/ ("Supported events")
 */
export type KnownWebhookEvent =
  | MeetingStartedEvent
  | MeetingEndedEvent
  | MeetingParticipantJoinedEvent
  | MeetingParticipantLeftEvent
  | MeetingChatSyncedEvent
  | RecordingStatusUpdateEvent
  | LivestreamingStatusUpdateEvent
  | MeetingTranscriptEvent
  | MeetingSummaryEvent;

/** The `event` names RealtimeKit documents. */
export type KnownWebhookEventName = KnownWebhookEvent['event'];

/** The documented names, in the order of the docs' table (and of the API's `getAllWebhookEvents`). */
export const WEBHOOK_EVENT_NAMES: readonly KnownWebhookEventName[] = [
  'meeting.started',
  'meeting.ended',
  'meeting.participantJoined',
  'meeting.participantLeft',
  'meeting.chatSynced',
  'recording.statusUpdate',
  'livestreaming.statusUpdate',
  'meeting.transcript',
  'meeting.summary',
];

/**
 * An event whose name this version does not know (one Cloudflare added later): passed through as it came, not
 * refused. TypeScript cannot narrow a union on `event` while one member's `event` is any string, so test
 * `isKnownWebhookEvent(event)` first, then `switch (event.event)`: each case has its own type.
 */
export interface UnknownWebhookEvent {
  event: string;
  [field: string]: unknown;
}

/** What `verifyWebhook` returns: a documented event, or one this version does not know yet. */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/** Whether the event is one of the nine documented ones (and so typed field by field). */
export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  return (WEBHOOK_EVENT_NAMES as readonly string[]).includes(event.event);
}
