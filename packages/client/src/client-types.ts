import type {
  ActiveLivestream,
  ActiveSession,
  CreatePollBody,
  CreatePollResult,
  DeletedParticipant,
  KickAllParticipantsResult,
  KickParticipantsBody,
  KickParticipantsResult,
  LivestreamSessionDetails,
  LivestreamSessionQuery,
  LivestreamStartBody,
  LivestreamStartResult,
  LivestreamStopResult,
  Meeting,
  MeetingCreateBody,
  MeetingDetails,
  MeetingListQuery,
  MeetingReplaceBody,
  MeetingUpdateBody,
  MuteAllParticipantsBody,
  MuteAllParticipantsResult,
  MuteParticipantsBody,
  MuteParticipantsResult,
  OperationData,
  OperationId,
  OperationResponseBody,
  Page,
  Participant,
  ParticipantAddBody,
  ParticipantEditBody,
  ParticipantListQuery,
  ParticipantReplaceBody,
  ParticipantToken,
  ParticipantWithToken,
} from '@realtimekit-meetings/core';
import type { RawClient, RequestOptions } from './options';
import type { RequestInput } from './request';

type Opts = RequestOptions;

export interface MeetingsResource {
  /** One page of meetings (`page_no`, `per_page`, filters). */
  list(query?: MeetingListQuery, options?: Opts): Promise<Page<Meeting>>;
  /** Every meeting, following `page_no` to the end, one page in memory at a time. */
  listAll(query?: MeetingListQuery, options?: Opts): AsyncIterable<Meeting>;
  create(body: MeetingCreateBody, options?: Opts): Promise<MeetingDetails>;
  get(meetingId: string, options?: Opts): Promise<MeetingDetails>;
  /** PATCH: changes only the fields given. */
  update(meetingId: string, body: MeetingUpdateBody, options?: Opts): Promise<MeetingDetails>;
  /** PUT: replaces the meeting's settings. */
  replace(meetingId: string, body: MeetingReplaceBody, options?: Opts): Promise<MeetingDetails>;
}

export interface ParticipantsResource {
  list(meetingId: string, query?: ParticipantListQuery, options?: Opts): Promise<Page<Participant>>;
  listAll(meetingId: string, query?: ParticipantListQuery, options?: Opts): AsyncIterable<Participant>;
  /** Adds a participant; the result carries the join token for that participant's browser. */
  add(meetingId: string, body: ParticipantAddBody, options?: Opts): Promise<ParticipantWithToken>;
  get(meetingId: string, participantId: string, options?: Opts): Promise<Participant>;
  edit(
    meetingId: string,
    participantId: string,
    body: ParticipantEditBody,
    options?: Opts,
  ): Promise<OperationData<'edit_participant'>>;
  replace(
    meetingId: string,
    participantId: string,
    body: ParticipantReplaceBody,
    options?: Opts,
  ): Promise<OperationData<'replace_participant'>>;
  delete(meetingId: string, participantId: string, options?: Opts): Promise<DeletedParticipant>;
  /** Issues a new join token (the old one stops working). */
  refreshToken(meetingId: string, participantId: string, options?: Opts): Promise<ParticipantToken>;
}

export interface ActiveSessionResource {
  get(meetingId: string, options?: Opts): Promise<ActiveSession>;
  kick(meetingId: string, body: KickParticipantsBody, options?: Opts): Promise<KickParticipantsResult>;
  kickAll(meetingId: string, options?: Opts): Promise<KickAllParticipantsResult>;
  mute(meetingId: string, body: MuteParticipantsBody, options?: Opts): Promise<MuteParticipantsResult>;
  muteAll(meetingId: string, body: MuteAllParticipantsBody, options?: Opts): Promise<MuteAllParticipantsResult>;
  createPoll(meetingId: string, body: CreatePollBody, options?: Opts): Promise<CreatePollResult>;
}

export interface LivestreamsResource {
  getActive(meetingId: string, options?: Opts): Promise<ActiveLivestream>;
  stop(meetingId: string, options?: Opts): Promise<LivestreamStopResult>;
  getSession(meetingId: string, query?: LivestreamSessionQuery, options?: Opts): Promise<LivestreamSessionDetails>;
  start(meetingId: string, body: LivestreamStartBody, options?: Opts): Promise<LivestreamStartResult>;
}

export interface RealtimeKitClient {
  meetings: MeetingsResource;
  participants: ParticipantsResource;
  activeSession: ActiveSessionResource;
  livestreams: LivestreamsResource;
  /**
   * Calls any operation by its operationId and returns the whole response body (`success`, `data`, `paging`),
   * with the same validation, retries and errors as the methods.
   */
  request<K extends OperationId>(
    operationId: K,
    input?: RequestInput,
    options?: RequestOptions,
  ): Promise<OperationResponseBody<K>>;
  /** Identifies where this client's data lives (account and app, or the proxy), for cache keys. Not a secret. */
  readonly scope: string;
  /** The underlying openapi-fetch client, typed by the spec's `paths`. */
  raw: RawClient;
}
