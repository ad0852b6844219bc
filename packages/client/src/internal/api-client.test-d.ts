import type { Meeting, MeetingDetails, Page } from '@realtimekit-meetings/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiClient } from './api-client';

declare const client: ApiClient;

describe('ApiClient', () => {
  it('types each call by its operationId: the answer, the path IDs, the body', () => {
    expectTypeOf(
      client.get('/meetings/{meeting_id}', { operationId: 'get_meeting', params: { meeting_id: 'm' } }),
    ).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(client.getPage('/meetings', { operationId: 'get_all_meetings' })).resolves.toEqualTypeOf<
      Page<Meeting>
    >();
    // @ts-expect-error get_meeting needs its meeting_id
    client.get('/meetings/{meeting_id}', { operationId: 'get_meeting' });
    // @ts-expect-error create_meeting needs a body
    client.post('/meetings', { operationId: 'create_meeting' });
  });

  it('refuses a path or a verb that does not match the operationId', () => {
    // @ts-expect-error get_meeting is sent to /meetings/{meeting_id}, not /meetings
    client.get('/meetings', { operationId: 'get_meeting', params: { meeting_id: 'm' } });
    // (control) the right verb and path compile
    client.get('/meetings/{meeting_id}', { operationId: 'get_meeting', params: { meeting_id: 'm' } });
    // @ts-expect-error get_meeting is a GET, not a DELETE
    client.delete('/meetings/{meeting_id}', { operationId: 'get_meeting', params: { meeting_id: 'm' } });
    // @ts-expect-error create_meeting is a POST, not a PUT
    client.put('/meetings', { operationId: 'create_meeting', body: { title: 't' } });
  });
});
