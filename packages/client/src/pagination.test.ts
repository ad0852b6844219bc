import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, type RecordedRequest, startFaultServer } from '../test-support/fault-server';
import { ACCOUNT, APP, MEETING, TOKEN } from '../test-support/recording-fetch';
import { createRealtimeKitClient } from './create-client';
import { RealtimeKitError } from './errors';

/**
 * A server holding `total` items that pages them honestly by page_no and per_page (1-based offsets); a session list's
 * items sit in `data.sessions`, as the spec has them (or nowhere, with `sessionsMissing`).
 */
function pager(total: number) {
  return (request: RecordedRequest) => {
    const query = new URL(request.url, 'http://x').searchParams;
    const page = Number(query.get('page_no'));
    const perPage = Number(query.get('per_page'));
    const start = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({
      id: `item-${start + i + 1}`,
    }));
    return {
      status: 200,
      body: {
        success: true,
        data: !request.url.includes('/sessions') ? items : sessionsMissing ? {} : { sessions: items },
        paging: { total_count: total, start_offset: start + 1, end_offset: start + items.length },
      },
    };
  };
}

let server: FaultServer;
let total = 0;
let sessionsMissing = false;
beforeAll(async () => {
  server = await startFaultServer((request) => pager(total)(request));
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  sessionsMissing = false;
});

const rtk = () => createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, baseUrl: server.url });
const pageOf = (r: RecordedRequest) => new URL(r.url, 'http://x').searchParams.get('page_no');

describe('listAll', () => {
  it('pages a list whose items sit under data (sessions: data.sessions), and refuses an answer without them', async () => {
    total = 120;
    const page = await rtk().sessions.list({ page_no: 1, per_page: 50 });
    expect([page.data.length, page.data[0]?.id, page.paging.total_count]).toEqual([50, 'item-1', 120]);
    const ids: string[] = [];
    for await (const session of rtk().sessions.listAll({ status: 'ENDED' })) ids.push(session.id as string);
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => `item-${i + 1}`));
    expect(server.requests.slice(1).map(pageOf)).toEqual(['1', '2']);
    expect(server.requests[1]!.url).toContain('status=ENDED');
    sessionsMissing = true;
    total = 0; // nothing to list: the spec leaves data.sessions optional, and an empty app may leave it out
    expect((await rtk().sessions.list()).data).toEqual([]);
    total = 120;
    // paging that does not say there is nothing is no empty page
    const counted = await createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch: async () => Response.json({ success: true, data: {}, paging: { start_offset: 0, end_offset: 0 } }),
    })
      .sessions.list()
      .catch((e: RealtimeKitError) => e.kind);
    expect(counted).toBe('invalid_response');
    const refused = await rtk()
      .sessions.list()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RealtimeKitError);
    expect([(refused as RealtimeKitError).kind, (refused as RealtimeKitError).message]).toEqual([
      'invalid_response',
      'invalid_response GetSessions: the API answered without data.sessions',
    ]);
  });

  it('follows page_no to the end, asking for 100 per page', async () => {
    total = 250;
    const ids: string[] = [];
    for await (const meeting of rtk().meetings.listAll()) ids.push(meeting.id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(ids.at(-1)).toBe('item-250');
    expect(server.requests.map(pageOf)).toEqual(['1', '2', '3']);
    expect(new URL(server.requests[0]!.url, 'http://x').searchParams.get('per_page')).toBe('100');
  });

  it("starts at the caller's page_no and keeps its per_page and filters", async () => {
    total = 30;
    const ids: string[] = [];
    for await (const p of rtk().participants.listAll(MEETING, { page_no: 2, per_page: 10 })) ids.push(p.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `item-${i + 11}`));
    expect(server.requests.map(pageOf)).toEqual(['2', '3']);
    expect(server.requests[0]!.url).toContain(`/meetings/${MEETING}/participants?`);
  });

  it('stops on an empty page', async () => {
    total = 0;
    const items = [];
    for await (const item of rtk().meetings.listAll({ search: 'nothing' })) items.push(item);
    expect(items).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toContain('search=nothing');
  });

  it('stops on an empty page even when the count promised more (items deleted during the walk)', async () => {
    total = 0;
    server.reply({
      status: 200,
      body: { success: true, data: [], paging: { total_count: 250, start_offset: 101, end_offset: 100 } },
    });
    const items = [];
    for await (const item of rtk().meetings.listAll({ page_no: 2 })) items.push(item);
    expect(items).toEqual([]);
    expect(server.requests.map(pageOf)).toEqual(['2']);
  });

  it('throws instead of looping when the server repeats a page', async () => {
    total = 1000;
    server.reply(pager(1000)({ url: '/?page_no=1&per_page=100' } as RecordedRequest));
    server.reply(pager(1000)({ url: '/?page_no=1&per_page=100' } as RecordedRequest));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of rtk().meetings.listAll()) seen.push(item.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect((error as RealtimeKitError).message).toBe(
      'invalid_response: Page 2 repeats an earlier page (end_offset 100)',
    );
    expect(seen).toHaveLength(100);
    expect(server.requests).toHaveLength(2);
  });

  it('fetches lazily, one page at a time, so memory stays flat however many items stream', async () => {
    total = 100_000;
    let count = 0;
    for await (const _ of rtk().meetings.listAll({ per_page: 1000 })) {
      count++;
      // never more than the page being consumed has been fetched
      expect(server.requests.length).toBe(Math.ceil(count / 1000));
      if (count === 25_000) break;
    }
    expect(count).toBe(25_000);
    expect(server.requests).toHaveLength(25);
  });
});
