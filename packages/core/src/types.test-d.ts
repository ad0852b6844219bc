import { describe, expectTypeOf, it } from 'vitest';
import type {
  ActiveSession,
  Meeting,
  MeetingCreateBody,
  MeetingDetails,
  MeetingReplaceBody,
  MeetingUpdateBody,
  OperationData,
  OperationResponseBody,
  Page,
  Paging,
  ParticipantAddBody,
  ParticipantEditBody,
  ParticipantWithToken,
  RealtimeKitErrorBody,
} from './index';

describe('readable aliases match the spec', () => {
  it('MeetingCreateBody has no status; only the PATCH body does', () => {
    expectTypeOf<MeetingCreateBody>().not.toHaveProperty('status');
    expectTypeOf<MeetingReplaceBody>().not.toHaveProperty('status');
    expectTypeOf<MeetingUpdateBody>().toHaveProperty('status').toEqualTypeOf<'ACTIVE' | 'INACTIVE' | undefined>();
  });

  it('keeps fields that merely have defaults optional (defaultNonNullable: false)', () => {
    expectTypeOf<Record<string, never>>().toMatchTypeOf<MeetingCreateBody>();
    expectTypeOf<MeetingCreateBody['persist_chat']>().toEqualTypeOf<boolean | undefined>();
    // nullable on create, not on PATCH (upstream)
    expectTypeOf<MeetingCreateBody['title']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<MeetingUpdateBody['title']>().toEqualTypeOf<string | undefined>();
  });

  it('ParticipantAddBody requires custom_participant_id and preset_name', () => {
    expectTypeOf<{ custom_participant_id: string; preset_name: string }>().toMatchTypeOf<ParticipantAddBody>();
    expectTypeOf<{ preset_name: string }>().not.toMatchTypeOf<ParticipantAddBody>();
    expectTypeOf<{ custom_participant_id: string }>().not.toMatchTypeOf<ParticipantAddBody>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<ParticipantEditBody>();
  });

  it('ParticipantWithToken carries a required token; list meetings lack ai_config, single meetings have it', () => {
    expectTypeOf<ParticipantWithToken['token']>().toEqualTypeOf<string>();
    expectTypeOf<ParticipantWithToken['id']>().toEqualTypeOf<string>();
    expectTypeOf<Meeting>().not.toHaveProperty('ai_config');
    expectTypeOf<MeetingDetails>().toHaveProperty('ai_config');
    expectTypeOf<MeetingDetails>().toMatchTypeOf<Meeting>();
    expectTypeOf<MeetingDetails>().not.toHaveProperty('no_such_field');
  });

  it('lists are pages of items with paging, as the spec responses declare', () => {
    expectTypeOf<OperationResponseBody<'get_all_meetings'>>().toMatchTypeOf<Page<Meeting>>();
    expectTypeOf<Paging>().toEqualTypeOf<{ end_offset: number; start_offset: number; total_count: number }>();
    // the same for every list: Paging comes from the operations' responses, not an upstream component name
    expectTypeOf<Paging>().toEqualTypeOf<NonNullable<OperationResponseBody<'get_meeting_participants'>['paging']>>();
    expectTypeOf<OperationData<'regenerate_token'>>().toEqualTypeOf<{ token: string }>();
  });

  it('the error body and the active session follow the corrected spec', () => {
    expectTypeOf<RealtimeKitErrorBody['error']>().toEqualTypeOf<{ code: number; message: string }>();
    expectTypeOf<ActiveSession['meeting_display_name']>().toEqualTypeOf<string>();
    expectTypeOf<OperationData<'get-v2-meetings-meetingId-active-livestream'>['disabled']>().toEqualTypeOf<
      boolean | undefined
    >();
  });
});
