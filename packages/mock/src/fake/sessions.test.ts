import { RealtimeKitError } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { BASE, fakeOnClock, OTHER_APP, UNKNOWN } from '../../test-support/fake-on-clock';

const SESSIONS = `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}/sessions`;

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof RealtimeKitError ? error.status : -1),
  );

/**
 * What happened, on a clock the test moves: in "Standup", Ada joins at 10:00, Bob at 10:05, Ada leaves at 10:10 and
 * Bob at 10:15 (the session ends, 20 participant-minutes); then "Retro" starts at 10:20 with Ada, and is live.
 */
async function history() {
  const clock = fakeOnClock('2026-03-02T10:00:00.000Z', { seed: 3 });
  const { fake, rtk, client, events } = clock;
  const at = (time: string) => clock.at(`2026-03-02T${time}:00.000Z`);
  const standup = await rtk.meetings.create({ title: 'Standup' });
  const retro = await rtk.meetings.create({ title: 'Retro' });
  const add = (meetingId: string, name: string) =>
    rtk.participants.add(meetingId, {
      custom_participant_id: name.toLowerCase(),
      preset_name: 'group_call_host',
      name,
    });
  const ada = await add(standup.id, 'Ada');
  const bob = await add(standup.id, 'Bob');
  const adaInRetro = await add(retro.id, 'Ada');
  const adaPeer = fake.joinParticipant(standup.id, ada.id);
  at('10:05');
  const bobPeer = fake.joinParticipant(standup.id, bob.id);
  at('10:10');
  fake.leaveParticipant(standup.id, ada.id);
  at('10:15');
  fake.leaveParticipant(standup.id, bob.id);
  at('10:20');
  const retroPeer = fake.joinParticipant(retro.id, adaInRetro.id);
  at('10:26');
  const raw = (query: string) =>
    fake.fetch(new Request(`${SESSIONS}${query}`, { headers: { authorization: 'Bearer t' } })).then((r) => r.json());
  return { fake, rtk, client, at, events, standup, retro, ada, adaPeer, bobPeer, retroPeer, raw };
}

describe('the sessions API, answered from what happened in the fake', () => {
  it('lists the app sessions, live and ended, newest first, with the spec filters, sorting and paging', async () => {
    const { rtk, client, standup, retro, adaPeer, retroPeer, raw } = await history();
    const sessions = (await rtk.sessions.list()).data;
    expect(sessions.map((s) => [s.id, s.associated_id, s.status])).toEqual([
      [retroPeer.session_id, retro.id, 'LIVE'],
      [adaPeer.session_id, standup.id, 'ENDED'],
    ]);
    expect(sessions[1]).toEqual({
      id: adaPeer.session_id,
      associated_id: standup.id,
      meeting_display_name: 'Standup',
      type: 'meeting',
      status: 'ENDED',
      live_participants: 0,
      max_concurrent_participants: 2,
      minutes_consumed: 20,
      organization_id: ACCOUNT,
      created_at: '2026-03-02T10:00:00.000Z',
      started_at: '2026-03-02T10:00:00.000Z',
      updated_at: '2026-03-02T10:15:00.000Z',
      ended_at: '2026-03-02T10:15:00.000Z',
    });
    expect(sessions[0]).toMatchObject({ live_participants: 1, minutes_consumed: 6 }); // Ada, 10:20 to now (10:26)
    expect(sessions[0]).not.toHaveProperty('ended_at');
    const ids = async (query: Parameters<typeof rtk.sessions.list>[0]) =>
      (await rtk.sessions.list(query)).data.map((s) => s.id);
    expect(await ids({ status: 'ENDED' })).toEqual([adaPeer.session_id]);
    expect(await ids({ associated_id: retro.id })).toEqual([retroPeer.session_id]);
    expect(await ids({ search: 'stand' })).toEqual([adaPeer.session_id]);
    expect(await ids({ search: retroPeer.session_id })).toEqual([retroPeer.session_id]);
    expect(await ids({ participants: '2:10' })).toEqual([adaPeer.session_id]);
    expect(await ids({ start_time: '2026-03-02T10:10:00.000Z' })).toEqual([retroPeer.session_id]);
    expect(await ids({ sort_by: 'minutesConsumed', sort_order: 'ASC' })).toEqual([
      retroPeer.session_id,
      adaPeer.session_id,
    ]);
    expect(await ids({ sort_order: 'ASC' })).toEqual([adaPeer.session_id, retroPeer.session_id]);
    const second = await raw('?per_page=1&page_no=2');
    expect(second.data.sessions.map((s: { id: string }) => s.id)).toEqual([adaPeer.session_id]);
    expect(second.paging).toEqual({ total_count: 2, start_offset: 2, end_offset: 2 });
    expect((await raw('?participants=many')).error.message).toBe(
      'query/participants must be a range of participant counts, min:max (such as 1:10), not many',
    );
    // another app's sessions are not this one's
    expect((await client(OTHER_APP).sessions.list()).data).toEqual([]);
    expect(await statusOf(client(OTHER_APP).sessions.get(adaPeer.session_id))).toBe(404);
  });

  it('forgets every session on reset()', async () => {
    const { fake, rtk, adaPeer } = await history();
    fake.reset();
    expect((await rtk.sessions.list()).data).toEqual([]);
    expect(await statusOf(rtk.sessions.get(adaPeer.session_id))).toBe(404);
  });

  it('shows a session, its participants (one per join, by peer ID) and a peer report', async () => {
    const { rtk, ada, adaPeer, bobPeer } = await history();
    const session = await rtk.sessions.get(adaPeer.session_id);
    expect(session).toMatchObject({ status: 'ENDED', minutes_consumed: 20 });
    expect(await rtk.sessions.get(adaPeer.session_id, { include_breakout_rooms: true })).toMatchObject({
      breakout_rooms: [],
    });
    const { participants } = await rtk.sessions.participants(adaPeer.session_id);
    expect(participants).toEqual([
      {
        id: adaPeer.peer_id,
        user_id: ada.id,
        custom_participant_id: 'ada',
        display_name: 'Ada',
        preset_name: 'group_call_host',
        joined_at: '2026-03-02T10:00:00.000Z',
        left_at: '2026-03-02T10:10:00.000Z',
        duration: 10,
        created_at: '2026-03-02T10:00:00.000Z',
        updated_at: '2026-03-02T10:10:00.000Z',
      },
      expect.objectContaining({ id: bobPeer.peer_id, display_name: 'Bob', duration: 10 }),
    ]);
    const search = await rtk.sessions.participants(adaPeer.session_id, { search: 'bob', sort_order: 'DESC' });
    expect(search.participants?.map((p) => p.id)).toEqual([bobPeer.peer_id]);
    const latestFirst = await rtk.sessions.participants(adaPeer.session_id, { sort_order: 'DESC' });
    expect(latestFirst.participants?.map((p) => p.id)).toEqual([bobPeer.peer_id, adaPeer.peer_id]);
    const withEvents = await rtk.sessions.participant(adaPeer.session_id, adaPeer.peer_id, {
      include_peer_events: true,
    });
    expect(withEvents.participant?.peer_events?.map((e) => [e.event_name, e.created_at])).toEqual([
      ['PEER_JOINING', '2026-03-02T10:00:00.000Z'],
      ['PEER_LEAVING', '2026-03-02T10:10:00.000Z'],
    ]);
    // the meeting participant's ID finds its latest join too
    expect((await rtk.sessions.participant(adaPeer.session_id, ada.id)).participant?.id).toBe(adaPeer.peer_id);
    expect(await statusOf(rtk.sessions.participant(adaPeer.session_id, UNKNOWN))).toBe(404);
    const report = await rtk.sessions.peerReport(bobPeer.peer_id, { filters: 'device_info' });
    expect(report.participant).toMatchObject({
      id: bobPeer.peer_id,
      session_id: adaPeer.session_id,
      role: 'group_call_host',
      custom_participant_id: 'bob',
      duration: 10,
    });
    expect(await statusOf(rtk.sessions.peerReport(UNKNOWN))).toBe(404);
    expect(await statusOf(rtk.sessions.get(UNKNOWN))).toBe(404);
  });

  it('hands out chat, transcript and summary URLs, and makes a summary of an ended session only', async () => {
    const { rtk, events, adaPeer, retroPeer, standup } = await history();
    const chat = await rtk.sessions.chat(adaPeer.session_id);
    expect(chat).toEqual({
      chat_download_url: `https://realtimekit-fake.invalid/sessions/${adaPeer.session_id}/chat.csv`,
      chat_download_url_expiry: '2026-03-03T10:26:00.000Z',
    });
    const transcript = await rtk.sessions.transcript(adaPeer.session_id, { format: 'VTT' });
    expect(transcript).toMatchObject({
      sessionId: adaPeer.session_id,
      transcript_download_url: expect.stringMatching(/\/transcript\.vtt$/),
    });
    expect((await rtk.sessions.summary(adaPeer.session_id)).summaryDownloadUrl).toMatch(/\/summary\.txt$/);
    events.length = 0;
    expect(await rtk.sessions.generateSummary(adaPeer.session_id)).toEqual({
      session_id: adaPeer.session_id,
      status: 'COMPLETED',
    });
    expect(events).toEqual([
      expect.objectContaining({
        event: 'meeting.summary',
        meeting: expect.objectContaining({ id: standup.id, sessionId: adaPeer.session_id }),
      }),
    ]);
    const live = await rtk.sessions.generateSummary(retroPeer.session_id).then(
      () => undefined,
      (e: RealtimeKitError) => e,
    );
    expect([live?.status, live?.message]).toEqual([400, expect.stringContaining('is still live')]);
    expect(events).toHaveLength(1);
  });

  it('lists the livestreams of a session: those its meeting started while it was live, with their ingest time', async () => {
    const { rtk, at, retro, retroPeer, adaPeer } = await history();
    const stream = await rtk.livestreams.start(retro.id, { name: 'main' });
    at('10:30');
    await rtk.livestreams.stop(retro.id);
    expect(await rtk.sessions.livestreams(retroPeer.session_id)).toEqual({
      data: [
        expect.objectContaining({
          livestream_id: stream.id,
          started_time: '2026-03-02T10:26:00.000Z',
          stopped_time: '2026-03-02T10:30:00.000Z',
          ingest_seconds: 240,
          viewer_seconds: 0,
        }),
      ],
      paging: { total_count: 1, start_offset: 1, end_offset: 1 },
    });
    expect(await rtk.sessions.livestreams(adaPeer.session_id)).toMatchObject({ data: [] });
  });
});
