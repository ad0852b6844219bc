import type { MeetingDetails, Page, Participant } from '@realtimekit-meetings/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createMeetingsClient, createParticipantsClient, type MeetingsResource } from './index';

describe('each resource alone', () => {
  it("is typed as the client's resource, with the client's options", () => {
    const meetings = createMeetingsClient({ proxyUrl: '/api/realtimekit' });
    expectTypeOf(meetings).toEqualTypeOf<MeetingsResource>();
    expectTypeOf(meetings.get('m')).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(createParticipantsClient().list('m')).resolves.toEqualTypeOf<Page<Participant>>();
    // @ts-expect-error proxyUrl excludes apiToken, as for createRealtimeKitClient
    createMeetingsClient({ proxyUrl: '/api/realtimekit', apiToken: 't' });
    // @ts-expect-error a meeting's ID is a string
    meetings.get(42);
  });
});
