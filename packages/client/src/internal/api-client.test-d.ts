import type { Meeting, MeetingDetails, Page } from '@realtimekit-meetings/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiClient, MethodOf, PathOf } from './api-client';

declare const client: ApiClient;

describe('ApiClient', () => {
  it("reads an operation's verb and path from core's table", () => {
    expectTypeOf<MethodOf<'get_meeting'>>().toEqualTypeOf<'GET'>();
    expectTypeOf<PathOf<'replace_meeting'>>().toEqualTypeOf<'/meetings/{meeting_id}'>();
  });

  it('types each call by its operation: the answer, the path IDs, the body', () => {
    expectTypeOf(
      client.call('get_meeting', 'GET', '/meetings/{meeting_id}', { params: { meeting_id: 'm' } }),
    ).resolves.toEqualTypeOf<MeetingDetails>();
    expectTypeOf(client.page('get_all_meetings', 'GET', '/meetings', {})).resolves.toEqualTypeOf<Page<Meeting>>();
    // @ts-expect-error get_meeting needs its meeting_id
    client.call('get_meeting', 'GET', '/meetings/{meeting_id}', {});
    // @ts-expect-error create_meeting needs a body
    client.call('create_meeting', 'POST', '/meetings', {});
    // @ts-expect-error a meeting's title is a string
    client.call('create_meeting', 'POST', '/meetings', { body: { title: 1 } });
  });

  it("takes an operation's comma-separated query parameters exactly as core's table lists them, and none elsewhere", () => {
    client.page('get_all_recordings', 'GET', '/recordings', {}, undefined, ['status']);
    // @ts-expect-error get_all_recordings sends status comma-separated: its call must say so
    client.page('get_all_recordings', 'GET', '/recordings', {});
    // @ts-expect-error search is not one of them
    client.page('get_all_recordings', 'GET', '/recordings', {}, undefined, ['search']);
    // @ts-expect-error get_all_meetings has none
    client.page('get_all_meetings', 'GET', '/meetings', {}, undefined, ['status']);
  });

  it("refuses a verb or path that is not the operation's, and an operation that does not exist", () => {
    // @ts-expect-error get_meeting is a GET
    client.call('get_meeting', 'DELETE', '/meetings/{meeting_id}', { params: { meeting_id: 'm' } });
    // @ts-expect-error get_meeting is not at /meeting (a typo)
    client.call('get_meeting', 'GET', '/meeting/{meeting_id}', { params: { meeting_id: 'm' } });
    // @ts-expect-error no operation is called drop_meetings
    client.call('drop_meetings', 'DELETE', '/meetings', {});
    // (control) the right verb and path compile
    client.call('replace_meeting', 'PUT', '/meetings/{meeting_id}', {
      params: { meeting_id: 'm' },
      body: { title: 't' },
    });
  });
});
