import { describe, expect, it } from 'vitest';
import { BASE, failure, fakeOnClock, OTHER_APP } from '../../test-support/fake-on-clock';

function setup() {
  const { fake, rtk, client, tick, events } = fakeOnClock('2026-01-01T10:00:00.000Z', { seed: 1 });
  const control = (body: unknown) =>
    fake.fetch(new Request(`${BASE}/__fake/livestreams`, { method: 'POST', body: JSON.stringify(body) }));
  return { fake, rtk, client, control, tick, events };
}

describe("the app's livestreams in the fake", () => {
  it('creates an independent livestream INVOKED, as the spec example answers, with an invoked session', async () => {
    const { rtk } = setup();
    const created = await rtk.livestreams.create({ name: 'Launch' });
    expect(created).toMatchObject({
      name: 'Launch',
      meeting_id: null,
      status: 'INVOKED',
      disabled: false,
      ingest_server: 'rtmps://live.cloudflare.com:443/live/',
    });
    expect(created.stream_key).toMatch(/^[\w-]{48}$/);
    const id = created.id as string;
    const active = await rtk.livestreams.activeSession(id);
    expect(active.livestream).toMatchObject({ id, status: 'INVOKED', disabled: 'false' });
    expect(active.session).toMatchObject({ livestream_id: id, ingest_seconds: '0', viewer_seconds: '0' });
    expect(active.session?.started_time).toBeUndefined();
  });

  it('goes LIVE and IDLE with its encoder, each a livestreaming.statusUpdate, each connection a session', async () => {
    const { fake, rtk, control, tick, events } = setup();
    const id = (await rtk.livestreams.create({ name: 'Launch' })).id as string;
    fake.ingestLivestream(id);
    tick(90);
    const live = await rtk.livestreams.activeSession(id);
    expect(live.livestream?.status).toBe('LIVE');
    expect(live.session?.ingest_seconds).toBe('90');
    expect((await control({ livestream_id: id, live: false })).status).toBe(200);
    expect((await failure(rtk.livestreams.activeSession(id))).status).toBe(404);
    const first = live.session?.id as string;
    expect(await rtk.livestreams.getSessionById(first)).toMatchObject({
      id: first,
      livestream_id: id,
      ingest_seconds: 90,
      viewer_seconds: 0,
    });
    // connecting again is a new session; the get shows the newest first, paged
    tick(10);
    expect((await control({ livestream_id: id })).status).toBe(200);
    const again = await rtk.livestreams.get(id, { per_page: 1 });
    expect(again.livestream?.status).toBe('LIVE');
    expect(again.session?.id).not.toBe(first);
    expect(again.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 1 });
    expect(events.map((e) => [e.event, e.status, e.manualIngest, e.meeting])).toEqual([
      ['livestreaming.statusUpdate', 'LIVE', true, undefined],
      ['livestreaming.statusUpdate', 'IDLE', true, undefined],
      ['livestreaming.statusUpdate', 'LIVE', true, undefined],
    ]);
    expect(events[0]).toMatchObject({ streamId: id, ingestServer: 'rtmps://live.cloudflare.com:443/live/' });
    expect(() => fake.ingestLivestream(id)).toThrow(`livestream ${id} is already LIVE`);
    expect((await control({ livestream_id: 'nope' })).status).toBe(404);
    const bad = await control({ livestream_id: id, live: 'yes' });
    expect([bad.status, (await bad.json()).error.message]).toEqual([
      400,
      'body must be {"livestream_id": "...", "live": true | false}',
    ]);
  });

  it("announces a meeting's livestream starting and stopping, with the meeting", async () => {
    const { rtk, events } = setup();
    const meeting = await rtk.meetings.create({ title: 'Town hall' });
    const started = await rtk.livestreams.start(meeting.id, { name: 'Town hall live' });
    await rtk.livestreams.stop(meeting.id);
    expect(events.map((e) => [e.event, e.status, e.streamId, e.manualIngest])).toEqual([
      ['livestreaming.statusUpdate', 'LIVE', started.id, false],
      ['livestreaming.statusUpdate', 'IDLE', started.id, false],
    ]);
    expect(events[0]).toMatchObject({
      playbackUrl: started.playback_url,
      streamKey: started.stream_key,
      meeting: { id: meeting.id, title: 'Town hall', roomName: meeting.id, createdAt: meeting.created_at },
    });
  });

  it("lists the app's livestreams, its meetings' too unless exclude_meetings, newest first, by status", async () => {
    const { rtk, client, tick } = setup();
    const own = (await rtk.livestreams.create({ name: 'Own' })).id;
    tick(1);
    const meeting = await rtk.meetings.create({ title: 'Town hall' });
    const streamed = (await rtk.livestreams.start(meeting.id, {})).id;
    // the spec types the list's data as one livestream beside paging: the fake's list sits in it as `livestreams`
    const ids = (list: unknown) => (list as { livestreams?: { id?: string }[] }).livestreams?.map((l) => l.id);
    const all = (await rtk.livestreams.list()) as { livestreams?: { id?: string }[]; paging?: unknown };
    expect(ids(all)).toEqual([streamed, own]);
    expect(all.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 2 });
    expect(ids(await rtk.livestreams.list({ sort_order: 'ASC' }))).toEqual([own, streamed]);
    expect(ids(await rtk.livestreams.list({ exclude_meetings: true }))).toEqual([own]);
    expect(ids(await rtk.livestreams.list({ status: 'LIVE' }))).toEqual([streamed]);
    // a meeting's livestream is found by its ID too, with its one session
    const found = await rtk.livestreams.get(streamed as string);
    expect(found).toMatchObject({ livestream: { id: streamed, meeting_id: meeting.id, status: 'LIVE' } });
    expect(await rtk.livestreams.getSessionById(`${streamed}-session`)).toMatchObject({ livestream_id: streamed });
    // another app sees none of them
    const other = client(OTHER_APP);
    expect(ids(await other.livestreams.list())).toEqual([]);
    expect((await failure(other.livestreams.get(own as string))).status).toBe(404);
    expect((await failure(other.livestreams.getSessionById(`${streamed}-session`))).status).toBe(404);
  });
});
