import type { components } from './generated/openapi.gen';
import type { OperationData, OperationQuery, OperationRequestBody } from './operation-types';

type Schemas = components['schemas'];

// Meetings
/** A meeting, as list operations return it. */
export type Meeting = Schemas['realtimekit_Meeting'];
/** A meeting as single-meeting operations return it: a {@link Meeting} plus its recording and AI configuration. */
export type MeetingDetails = OperationData<'get_meeting'>;
export type MeetingCreateBody = OperationRequestBody<'create_meeting'>;
export type MeetingUpdateBody = OperationRequestBody<'update_meeting'>;
export type MeetingReplaceBody = OperationRequestBody<'replace_meeting'>;
export type MeetingListQuery = OperationQuery<'get_all_meetings'>;
export type RecordingConfig = Schemas['realtimekit_RecordingConfig'];
export type AIConfig = Schemas['realtimekit_AIConfig'];

// Participants
export type Participant = Schemas['realtimekit_Participant'];
/** A participant with the join token a browser uses to enter the meeting. The token is a secret. */
export type ParticipantWithToken = OperationData<'add_participant'>;
export type ParticipantAddBody = OperationRequestBody<'add_participant'>;
export type ParticipantEditBody = OperationRequestBody<'edit_participant'>;
export type ParticipantReplaceBody = OperationRequestBody<'replace_participant'>;
export type ParticipantListQuery = OperationQuery<'get_meeting_participants'>;
/** What deleting a participant returns. */
export type DeletedParticipant = OperationData<'delete_meeting_participant'>;
/** A freshly issued join token. */
export type ParticipantToken = OperationData<'regenerate_token'>;

// Lists
export type Paging = Schemas['realtimekit_PagingResponse']['paging'];
/** One page of a list operation. */
export interface Page<T> {
  data: T[];
  paging: Paging;
}

// Errors
/** The RealtimeKit error body: `{ success: false, error: { code, message } }`. */
export type RealtimeKitErrorBody = Schemas['realtimekit_GenericErrorResponse'];
/** The Cloudflare API v4 failure envelope, used by Cloudflare's gateway (authentication, routing). */
export type CloudflareErrorEnvelope = Schemas['cloudflare-common_api-response-common-failure'];

// Active session
export type ActiveSession = Schemas['realtimekit_ActiveSession'];
export type SessionParticipant = Schemas['realtimekit_SessionParticipant'];
export type KickParticipantsBody = OperationRequestBody<'KickPartcipants'>;
export type KickParticipantsResult = OperationData<'KickPartcipants'>;
export type KickAllParticipantsResult = OperationData<'KickAllParticipants'>;
export type MuteParticipantsBody = OperationRequestBody<'MuteParticipants'>;
export type MuteParticipantsResult = OperationData<'MuteParticipants'>;
export type MuteAllParticipantsBody = OperationRequestBody<'MuteAllParticipants'>;
export type MuteAllParticipantsResult = OperationData<'MuteAllParticipants'>;
export type Poll = Schemas['realtimekit_Poll'];
export type CreatePollBody = OperationRequestBody<'CreatePoll'>;
export type CreatePollResult = OperationData<'CreatePoll'>;

// Livestreams
export type ActiveLivestream = OperationData<'get-v2-meetings-meetingId-active-livestream'>;
export type LivestreamStartBody = OperationRequestBody<'start-livestreaming'>;
export type LivestreamStartResult = OperationData<'start-livestreaming'>;
export type LivestreamStopResult = OperationData<'stop_livestreaming'>;
export type LivestreamSessionQuery = OperationQuery<'livestream-session-details'>;
export type LivestreamSessionDetails = OperationData<'livestream-session-details'>;
