import type {
  CreatePollResult,
  DeletedParticipant,
  KickAllParticipantsResult,
  KickParticipantsResult,
  LivestreamStartResult,
  LivestreamStopResult,
  MeetingDetails,
  MuteAllParticipantsResult,
  MuteParticipantsResult,
  ParticipantToken,
  ParticipantWithToken,
  RealtimeKitError,
} from '@realtimekit-meetings/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useAddParticipant,
  useCreateMeeting,
  useCreatePoll,
  useDeleteParticipant,
  useEditParticipant,
  useKickAllParticipants,
  useKickParticipants,
  useMuteAllParticipants,
  useMuteParticipants,
  useRefreshParticipantToken,
  useReplaceMeeting,
  useReplaceParticipant,
  useStartLivestream,
  useStopLivestream,
  useUpdateMeeting,
} from './index';

const m = 'meeting';
const p = 'participant';

describe('mutation hook types: variables are the client method’s arguments as one object', () => {
  it('meetings', () => {
    const create = useCreateMeeting({ onSuccess: (meeting) => expectTypeOf(meeting).toEqualTypeOf<MeetingDetails>() });
    create.mutate({ title: 'Standup' });
    expectTypeOf(create.data).toEqualTypeOf<MeetingDetails | undefined>();
    expectTypeOf(create.error).toEqualTypeOf<RealtimeKitError | null>();
    // @ts-expect-error status is not part of the create body
    create.mutate({ status: 'ACTIVE' });
    useUpdateMeeting().mutate({ meetingId: m, body: { status: 'INACTIVE' } });
    // @ts-expect-error the meeting ID is required
    useUpdateMeeting().mutate({ body: { title: 'x' } });
    useReplaceMeeting().mutate({ meetingId: m, body: { title: 'x' } });
    // @ts-expect-error no status on PUT
    useReplaceMeeting().mutate({ meetingId: m, body: { status: 'ACTIVE' } });
  });

  it('participants', () => {
    const add = useAddParticipant();
    add.mutate({ meetingId: m, body: { custom_participant_id: 'u', preset_name: 'host' } });
    expectTypeOf(add.data).toEqualTypeOf<ParticipantWithToken | undefined>();
    // @ts-expect-error preset_name is required
    add.mutate({ meetingId: m, body: { custom_participant_id: 'u' } });
    useEditParticipant().mutate({ meetingId: m, participantId: p, body: { name: 'Ada' } });
    // @ts-expect-error the participant ID is required
    useEditParticipant().mutate({ meetingId: m, body: { name: 'Ada' } });
    useReplaceParticipant().mutate({
      meetingId: m,
      participantId: p,
      body: { custom_participant_id: 'u', preset_name: 'host' },
    });
    const remove = useDeleteParticipant();
    remove.mutate({ meetingId: m, participantId: p });
    expectTypeOf(remove.data).toEqualTypeOf<DeletedParticipant | undefined>();
    const refresh = useRefreshParticipantToken();
    refresh.mutate({ meetingId: m, participantId: p });
    expectTypeOf(refresh.data).toEqualTypeOf<ParticipantToken | undefined>();
    expectTypeOf(refresh.error).toEqualTypeOf<RealtimeKitError | null>();
  });

  it('active session and livestreams', () => {
    expectTypeOf(useKickParticipants().data).toEqualTypeOf<KickParticipantsResult | undefined>();
    useKickParticipants().mutate({ meetingId: m, body: { participant_ids: [p] } });
    expectTypeOf(useKickAllParticipants().data).toEqualTypeOf<KickAllParticipantsResult | undefined>();
    useKickAllParticipants().mutate({ meetingId: m });
    expectTypeOf(useMuteParticipants().data).toEqualTypeOf<MuteParticipantsResult | undefined>();
    useMuteParticipants().mutate({ meetingId: m, body: { custom_participant_ids: ['u'] } });
    expectTypeOf(useMuteAllParticipants().data).toEqualTypeOf<MuteAllParticipantsResult | undefined>();
    // @ts-expect-error allow_unmute is required
    useMuteAllParticipants().mutate({ meetingId: m, body: {} });
    expectTypeOf(useCreatePoll().data).toEqualTypeOf<CreatePollResult | undefined>();
    useCreatePoll().mutate({ meetingId: m, body: { question: 'Ship?', options: ['yes'] } });
    expectTypeOf(useStartLivestream().data).toEqualTypeOf<LivestreamStartResult | undefined>();
    useStartLivestream().mutate({ meetingId: m, body: { name: 'main' } });
    expectTypeOf(useStopLivestream().data).toEqualTypeOf<LivestreamStopResult | undefined>();
    // @ts-expect-error the meeting ID is required
    useStopLivestream().mutate({});
  });
});
