import type { RealtimeKitError } from '@realtimekit-meetings/client';
import { describe, expect, it } from 'vitest';
import { fakeOnClock, OTHER_APP } from '../../test-support/fake-on-clock';

async function setup() {
  const { fake, rtk, client, at } = fakeOnClock('2026-03-02T10:00:00.000Z', { seed: 9 });
  const meeting = await rtk.meetings.create({ title: 'Standup' });
  const add = (name: string) =>
    rtk.participants.add(meeting.id, { custom_participant_id: name, preset_name: 'group_call_host', name });
  const ada = await add('ada');
  const bob = await add('bob');
  return { fake, rtk, client, at, meeting, ada, bob };
}

const unix = (iso: string) => Date.parse(iso) / 1000;

describe('analytics, computed from what the fake ran', () => {
  it('counts sessions and participant-minutes day by day, and the numbers move as a session runs', async () => {
    const { fake, rtk, client, at, meeting, ada, bob } = await setup();
    const empty = await rtk.analytics.daywise();
    expect(empty.session_stats).toEqual({ day_stats: [], sessions_count: 0, sessions_minutes_consumed: 0 });
    expect(empty.recording_stats).toEqual({ day_stats: [], recording_count: 0, recording_minutes_consumed: 0 });

    fake.startSession(meeting.id); // Ada and Bob, from 10:00
    at('2026-03-02T10:30:00.000Z');
    expect((await rtk.analytics.daywise()).session_stats).toEqual({
      day_stats: [{ day: '2026-03-02', total_session_minutes: 60, total_sessions: 1 }], // live: up to now
      sessions_count: 1,
      sessions_minutes_consumed: 60,
    });
    fake.leaveParticipant(meeting.id, ada.id);
    at('2026-03-02T10:45:00.000Z');
    fake.leaveParticipant(meeting.id, bob.id); // ended: 30 + 45 minutes
    at('2026-03-03T09:00:00.000Z');
    fake.joinParticipant(meeting.id, ada.id);
    at('2026-03-03T09:10:00.000Z');
    fake.endSession(meeting.id);

    const stats = (await rtk.analytics.daywise()).session_stats;
    expect(stats).toEqual({
      day_stats: [
        { day: '2026-03-02', total_session_minutes: 75, total_sessions: 1 },
        { day: '2026-03-03', total_session_minutes: 10, total_sessions: 1 },
      ],
      sessions_count: 2,
      sessions_minutes_consumed: 85,
    });
    const oneDay = await rtk.analytics.daywise({ start_date: '2026-03-03', end_date: '2026-03-03' });
    expect(oneDay.session_stats?.day_stats?.map((d) => d.day)).toEqual(['2026-03-03']);
    // the spec's default range: the last 30 days, so a session 31 days back is out
    at('2026-04-02T12:00:00.000Z');
    expect((await rtk.analytics.daywise()).session_stats?.day_stats?.map((d) => d.day)).toEqual(['2026-03-03']);
    // another app ran nothing
    expect((await client(OTHER_APP).analytics.daywise()).session_stats?.sessions_count).toBe(0);
  });

  it("sums its meetings' livestreams: count and ingest seconds, by day and overall, in a Unix-seconds range", async () => {
    const { rtk, at, meeting } = await setup();
    expect(await rtk.analytics.livestreamsOverall()).toEqual({
      count: 0,
      total_ingest_seconds: 0,
      total_viewer_seconds: 0,
    });
    await rtk.livestreams.start(meeting.id, {});
    at('2026-03-02T10:02:00.000Z');
    await rtk.livestreams.stop(meeting.id); // 120 s
    at('2026-03-03T08:00:00.000Z');
    await rtk.livestreams.start(meeting.id, {});
    at('2026-03-03T08:00:30.000Z'); // live: 30 s so far
    expect(await rtk.analytics.livestreamsDaywise()).toEqual([
      { date: '2026-03-02', count: 1, total_ingest_seconds: 120, total_viewer_seconds: 0 },
      { date: '2026-03-03', count: 1, total_ingest_seconds: 30, total_viewer_seconds: 0 },
    ]);
    expect(await rtk.analytics.livestreamsOverall()).toEqual({
      count: 2,
      total_ingest_seconds: 150,
      total_viewer_seconds: 0,
    });
    const secondDay = { start_time: unix('2026-03-03T00:00:00Z'), end_time: unix('2026-03-04T00:00:00Z') };
    expect(await rtk.analytics.livestreamsOverall(secondDay)).toMatchObject({ count: 1, total_ingest_seconds: 30 });
  });

  it('counts recordings day by day by the day each started, in whole minutes recorded, pauses left out', async () => {
    const { fake, rtk, client, at, meeting } = await setup();
    fake.startSession(meeting.id);
    const first = await rtk.recordings.start({ meeting_id: meeting.id }); // 10:00
    at('2026-03-02T10:10:00.000Z');
    await rtk.recordings.control(first.id, { action: 'pause' });
    at('2026-03-02T10:20:00.000Z');
    await rtk.recordings.control(first.id, { action: 'resume' });
    at('2026-03-02T10:40:00.000Z');
    await rtk.recordings.control(first.id, { action: 'stop' }); // 40 minutes, 10 of them paused
    at('2026-03-03T09:00:00.000Z');
    await rtk.recordings.start({ meeting_id: meeting.id });
    at('2026-03-03T09:05:00.000Z'); // still recording: 5 minutes so far
    expect((await rtk.analytics.daywise()).recording_stats).toEqual({
      day_stats: [
        { day: '2026-03-02', total_recording_minutes: 30, total_recordings: 1 },
        { day: '2026-03-03', total_recording_minutes: 5, total_recordings: 1 },
      ],
      recording_count: 2,
      recording_minutes_consumed: 35,
    });
    const firstDay = await rtk.analytics.daywise({ start_date: '2026-03-02', end_date: '2026-03-02' });
    expect(firstDay.recording_stats?.recording_count).toBe(1);
    expect((await client(OTHER_APP).analytics.daywise()).recording_stats?.recording_count).toBe(0);
  });

  it("counts an independent livestream's sessions beside the meetings' livestreams: each connection of its encoder", async () => {
    const { fake, rtk, at } = await setup();
    const created = await rtk.livestreams.create({ name: 'town hall' });
    const id = created.id as string;
    expect(await rtk.analytics.livestreamsOverall()).toMatchObject({ count: 0 }); // no encoder yet: nothing streamed
    fake.ingestLivestream(id); // 10:00
    at('2026-03-02T10:01:00.000Z');
    fake.ingestLivestream(id, false); // 60 s
    at('2026-03-02T11:00:00.000Z');
    fake.ingestLivestream(id);
    at('2026-03-02T11:00:20.000Z'); // live: 20 s so far
    expect(await rtk.analytics.livestreamsDaywise()).toEqual([
      { date: '2026-03-02', count: 2, total_ingest_seconds: 80, total_viewer_seconds: 0 },
    ]);
  });

  it('refuses a range it cannot read, or one that ends before it starts, naming the parameter', async () => {
    const { rtk } = await setup();
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: RealtimeKitError) => [e.status, e.message],
      );
    expect(await refusal(rtk.analytics.daywise({ start_date: 'yesterday' }))).toEqual([
      400,
      expect.stringContaining('query/start_date must be a date such as 2022-09-01, not yesterday'),
    ]);
    expect(await refusal(rtk.analytics.daywise({ start_date: '2026-03-05', end_date: '2026-03-01' }))).toEqual([
      400,
      expect.stringContaining('query/end_date must not be before start_date'),
    ]);
    expect(await refusal(rtk.analytics.livestreamsDaywise({ start_time: 200, end_time: 100 }))).toEqual([
      400,
      expect.stringContaining('query/end_time must not be before start_time'),
    ]);
  });
});
