import { describe, expect, it } from 'vitest';
import { ACCOUNT, APP, MEETING, PREFIX, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { rejection } from '../test-support/rejection';
import { createRealtimeKitClient } from './create-client';
import * as resourceClients from './generated/resource-clients.gen';
import { createMeetingsClient } from './index';

const server = { apiToken: TOKEN, accountId: ACCOUNT, appId: APP };

describe('each resource alone (createMeetingsClient...)', () => {
  it("is the client's resource, one function per resource of the client and no other", () => {
    const rtk = createRealtimeKitClient({ ...server, fetch: recordingFetch().fetch }) as unknown as Record<
      string,
      unknown
    >;
    const resources = Object.keys(rtk).filter((key) => !['request', 'joinMeeting', 'scope', 'raw'].includes(key));
    const expected = resources.map((r) => `create${r[0]?.toUpperCase()}${r.slice(1)}Client`);
    expect(Object.keys(resourceClients).sort()).toEqual(expected.sort());
    for (const resource of resources) {
      const make = (resourceClients as Record<string, (options: object) => object>)[
        `create${resource[0]?.toUpperCase()}${resource.slice(1)}Client`
      ];
      const alone = make?.({ ...server, fetch: recordingFetch().fetch });
      expect(Object.getPrototypeOf(alone), resource).toBe(Object.getPrototypeOf(rtk[resource]));
    }
  });

  it('sends as the whole client does, on a server and behind the proxy', async () => {
    const answer = () => Response.json({ success: true, data: { id: MEETING } });
    const direct = recordingFetch(answer);
    expect(await createMeetingsClient({ ...server, fetch: direct.fetch }).get(MEETING)).toEqual({ id: MEETING });
    expect(direct.requests.map((r) => [r.method, new URL(r.url).pathname])).toEqual([
      ['GET', `${PREFIX}/meetings/${MEETING}`],
    ]);
    expect(direct.requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);

    const proxied = recordingFetch(answer);
    const proxyUrl = 'https://app.example.com/api/realtimekit';
    await createMeetingsClient({ proxyUrl, fetch: proxied.fetch }).update(MEETING, { title: 'Standup' });
    expect(proxied.requests.map((r) => [r.method, r.url])).toEqual([['PATCH', `${proxyUrl}/meetings/${MEETING}`]]);
    expect(proxied.requests[0]?.headers.get('authorization')).toBeNull();
    expect(await proxied.requests[0]?.json()).toEqual({ title: 'Standup' });
  });

  it('refuses the same setup mistakes and bad input, before anything is sent', async () => {
    const { fetch, requests } = recordingFetch();
    expect(() => createMeetingsClient({ ...server, baseURL: 'http://x' } as never)).toThrow(
      'invalid_argument: unknown option "baseURL": did you mean "baseUrl"?',
    );
    expect(() => createMeetingsClient({ proxyUrl: 'ftp://x', fetch })).toThrow(/proxyUrl must be an absolute http/);
    const meetings = createMeetingsClient({ ...server, fetch });
    expect((await rejection(meetings.get('..'))).message).toBe(
      'invalid_argument get_meeting: meeting_id must be a non-empty string other than "." or ".."',
    );
    expect((await rejection(meetings.create([] as never))).message).toBe(
      'invalid_argument create_meeting: body must be a plain object',
    );
    expect(requests).toHaveLength(0);
  });
});
