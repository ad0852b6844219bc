import type { Meeting, MeetingDetails, Page } from '@realtimekit-meetings/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiClient, OperationAt } from './api-client';

declare const client: ApiClient;

describe('ApiClient', () => {
  it('names the operation by its verb and path', () => {
    expectTypeOf<OperationAt<'GET', '/meetings/{meeting_id}'>>().toEqualTypeOf<'get_meeting'>();
    expectTypeOf<OperationAt<'PUT', '/meetings/{meeting_id}'>>().toEqualTypeOf<'replace_meeting'>();
    expectTypeOf<OperationAt<'DELETE', '/meetings'>>().toEqualTypeOf<never>();
  });

  it('types each call by the operation its verb and path name: the answer, the path IDs, the body', () => {
    expectTypeOf(
      client.call('GET', '/meetings/{meeting_id}', { params: { meeting_id: 'm' } }),
    ).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(client.page('GET', '/meetings', {})).resolves.toEqualTypeOf<Page<Meeting>>();
    // @ts-expect-error get_meeting needs its meeting_id
    client.call('GET', '/meetings/{meeting_id}', {});
    // @ts-expect-error create_meeting needs a body
    client.call('POST', '/meetings', {});
    // @ts-expect-error a PATCH body is not a POST's: title is a string
    client.call('POST', '/meetings', { body: { title: 1 } });
  });

  it('refuses a verb and path that name no operation', () => {
    // @ts-expect-error no operation is a DELETE of /meetings
    client.call('DELETE', '/meetings', {});
    // @ts-expect-error no operation is at /meeting (a typo)
    client.call('GET', '/meeting', {});
    // (control) the right verb and path compile
    client.call('PUT', '/meetings/{meeting_id}', { params: { meeting_id: 'm' }, body: { title: 't' } });
  });
});
