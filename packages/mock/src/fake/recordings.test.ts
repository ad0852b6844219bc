import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { BASE, failure, fakeOnClock, UNKNOWN } from '../../test-support/fake-on-clock';
import { createRealtimeKitFake, type RealtimeKitFakeOptions } from './create-fake';
import type { FakeEvent } from './events';

const KIT = `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}`;

/** A fake on a clock the test moves, the client on it, a raw call, and the recording statuses it announced. */
function setup(options: RealtimeKitFakeOptions = {}) {
  const { fake, rtk, client, tick, events, scopes } = fakeOnClock('2026-01-01T10:00:00.000Z', { seed: 1, ...options });
  const send = (method: string, path: string, body?: unknown) =>
    fake.fetch(
      new Request(`${KIT}${path}`, {
        method,
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const statuses = () =>
    events.map((event) => (event.recording as { status: string } | undefined)?.status).filter(Boolean);
  return { fake, rtk, client, send, tick, events, scopes, statuses };
}

describe('recordings in the fake', () => {
  it('answers a start INVOKED, as the API does before a worker joins, and is RECORDING at once after', async () => {
    const { rtk, statuses } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const started = await rtk.recordings.start({ meeting_id: meeting.id });
    expect(started).toMatchObject({ status: 'INVOKED', started_time: null, stopped_time: null, download_url: null });
    const now = await rtk.recordings.get(started.id);
    expect(now).toMatchObject({ id: started.id, status: 'RECORDING', started_time: started.invoked_time });
    expect(await rtk.recordings.getActive(meeting.id)).toMatchObject({ id: started.id, status: 'RECORDING' });
    expect(statuses()).toEqual(['RECORDING']);
  });

  it('refuses a second recording of a running meeting, unless allow_multiple_recordings', async () => {
    const { rtk } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const first = await rtk.recordings.start({ meeting_id: meeting.id });
    const second = await failure(rtk.recordings.start({ meeting_id: meeting.id }));
    expect(second.status).toBe(400);
    expect(second.message).toContain(`already has a running composite recording (${first.id}, RECORDING)`);
    expect(second.message).toContain('allow_multiple_recordings');
    const both = await rtk.recordings.start({ meeting_id: meeting.id, allow_multiple_recordings: true });
    expect(both.id).not.toBe(first.id);
    // audio tracks are another recording: one of those may run beside the composite one
    const track = await rtk.recordings.startTrack({ meeting_id: meeting.id });
    expect(track.recording).toMatchObject({ status: 'INVOKED', output_file_name: `${track.recording.id}.webm` });
    expect((await failure(rtk.recordings.startTrack({ meeting_id: meeting.id }))).status).toBe(400);
    // once stopped, the meeting may be recorded again
    await rtk.recordings.control(first.id, { action: 'stop' });
    await rtk.recordings.control(both.id, { action: 'stop' });
    expect((await rtk.recordings.start({ meeting_id: meeting.id })).status).toBe('INVOKED');
  });

  it('pauses, resumes and stops, announcing each status; the upload finishes at once, paused time not counted', async () => {
    const { rtk, tick, statuses, scopes } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const { id } = await rtk.recordings.start({ meeting_id: meeting.id, audio_config: { codec: 'AAC' } });
    tick(60);
    expect(await rtk.recordings.control(id, { action: 'pause' })).toMatchObject({ status: 'PAUSED' });
    tick(30);
    expect(await rtk.recordings.control(id, { action: 'resume' })).toMatchObject({ status: 'RECORDING' });
    tick(40);
    const stopped = await rtk.recordings.control(id, { action: 'stop' });
    expect(stopped).toMatchObject({ status: 'UPLOADING', recording_duration: 100, download_url: null });
    expect(stopped.stop_reason).toEqual({ reason: 'API_CALL', caller: { type: 'ORGANIZATION' } });
    const uploaded = await rtk.recordings.get(id);
    expect(uploaded).toMatchObject({ status: 'UPLOADED', recording_duration: 100, file_size: 100 * 83_333 });
    expect(uploaded.download_url).toBe(`https://recordings.realtimekit-fake.invalid/${id}/${id}.mp4`);
    expect(uploaded.audio_download_url).toBe(`https://recordings.realtimekit-fake.invalid/${id}/${id}.m4a`);
    expect(uploaded.download_url_expiry).toBe('2026-01-08T10:02:10.000Z'); // stopped + 7 days
    expect(statuses()).toEqual(['RECORDING', 'PAUSED', 'RECORDING', 'UPLOADING', 'UPLOADED']);
    expect(scopes.every((scope) => scope.accountId === ACCOUNT && scope.appId === APP)).toBe(true);
    expect((await failure(rtk.recordings.getActive(meeting.id))).status).toBe(404);
  });

  it('sends recording.statusUpdate with the fields the webhooks page documents', async () => {
    const { fake, rtk, events } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const ada = await rtk.participants.add(meeting.id, {
      custom_participant_id: 'ada',
      preset_name: 'group_call_host',
    });
    fake.startSession(meeting.id, { participants: [ada.id] });
    const { id } = await rtk.recordings.start({ meeting_id: meeting.id, file_name_prefix: 'standup' });
    await rtk.recordings.control(id, { action: 'stop' });
    const last = events.at(-1) as FakeEvent & {
      recording: Record<string, unknown>;
      meeting: Record<string, unknown>;
    };
    const recording = await rtk.recordings.get(id);
    expect(last.event).toBe('recording.statusUpdate');
    expect(last.recording).toEqual({
      id,
      recordingId: id,
      status: 'UPLOADED',
      downloadUrl: recording.download_url,
      audioDownloadUrl: null,
      downloadUrlExpiry: recording.download_url_expiry,
      startedTime: recording.started_time,
      stoppedTime: recording.stopped_time,
      fileSize: '0',
      outputFileName: `standup_${id}.mp4`,
      meetingId: meeting.id,
      recordingDuration: 0,
      organizationId: APP,
      roomUUID: meeting.id,
    });
    expect(recording.session_id).toEqual(expect.any(String));
    expect(last.meeting).toMatchObject({
      id: meeting.id,
      sessionId: recording.session_id,
      title: 'Standup',
      roomName: meeting.id,
      status: 'LIVE',
      createdAt: meeting.created_at,
      organizedBy: { id: APP, name: '' },
    });
  });

  it('refuses what cannot move: resume a running recording, stop one twice, an unknown one, an inactive meeting', async () => {
    const { rtk, statuses } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const { id } = await rtk.recordings.start({ meeting_id: meeting.id });
    const resume = await failure(rtk.recordings.control(id, { action: 'resume' }));
    expect(resume.status).toBe(400);
    expect(resume.message).toContain(`Recording ${id} is RECORDING: only a recording that is PAUSED can resume`);
    await rtk.recordings.control(id, { action: 'stop' });
    expect((await failure(rtk.recordings.control(id, { action: 'stop' }))).status).toBe(400);
    expect((await failure(rtk.recordings.control(UNKNOWN, { action: 'stop' }))).status).toBe(404);
    expect((await failure(rtk.recordings.start({ meeting_id: UNKNOWN }))).status).toBe(404);
    await rtk.meetings.update(meeting.id, { status: 'INACTIVE' });
    const inactive = await failure(rtk.recordings.start({ meeting_id: meeting.id }));
    expect([inactive.status, inactive.message]).toEqual([400, expect.stringContaining('is INACTIVE')]);
    // nothing refused changed anything
    expect(statuses()).toEqual(['RECORDING', 'UPLOADING', 'UPLOADED']);
  });

  it('keeps a recording to its app', async () => {
    const { rtk, client } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const { id } = await rtk.recordings.start({ meeting_id: meeting.id });
    const other = client('00000000-0000-4000-8000-00000000a99a');
    expect((await failure(other.recordings.get(id))).status).toBe(404);
    expect((await other.recordings.list()).data).toEqual([]);
    expect((await failure(other.recordings.start({ meeting_id: meeting.id }))).status).toBe(404);
  });

  it('lists newest first, by meeting, status, search and page, with the meeting', async () => {
    const { rtk, send, tick } = setup();
    const a = await rtk.meetings.create({ title: 'Alpha' });
    const b = await rtk.meetings.create({ title: 'Beta' });
    const first = await rtk.recordings.start({ meeting_id: a.id });
    tick(1);
    const second = await rtk.recordings.start({ meeting_id: b.id });
    await rtk.recordings.control(first.id, { action: 'stop' });
    const all = await rtk.recordings.list();
    expect(all.data.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(all.data[0]?.meeting).toMatchObject({ id: b.id, title: 'Beta' });
    expect(all.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 2 });
    expect((await rtk.recordings.list({ sort_order: 'ASC' })).data.map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await rtk.recordings.list({ meeting_id: a.id })).data.map((r) => r.id)).toEqual([first.id]);
    expect((await rtk.recordings.list({ status: ['UPLOADED'] })).data.map((r) => r.id)).toEqual([first.id]);
    expect((await rtk.recordings.list({ status: ['RECORDING', 'PAUSED'] })).data.map((r) => r.id)).toEqual([second.id]);
    // the spec's form (explode: false) (our client's) as well as the repeated one generic clients send
    const comma = await (await send('GET', '/recordings?status=RECORDING,PAUSED')).json();
    expect(comma.data.map((r: { id: string }) => r.id)).toEqual([second.id]);
    expect((await rtk.recordings.list({ search: 'beta' })).data.map((r) => r.id)).toEqual([second.id]);
    expect((await rtk.recordings.list({ per_page: 1, page_no: 2 })).data.map((r) => r.id)).toEqual([first.id]);
  });

  it('never echoes the storage secrets it was given', async () => {
    const { rtk, send } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const storage_config = { type: 'aws', bucket: 'b', secret: 'SECRET-S3', access_key: 'AKIA-KEY', password: 'pw-1' };
    const response = await send('POST', '/recordings', { meeting_id: meeting.id, storage_config });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).data.storage_config).toEqual({ type: 'aws', bucket: 'b' });
    const listed = await (await send('GET', '/recordings')).text();
    for (const secret of ['SECRET-S3', 'AKIA-KEY', 'pw-1']) {
      expect(text).not.toContain(secret);
      expect(listed).not.toContain(secret);
    }
  });
});

describe("the recording APIs' rate limit", () => {
  it("is Cloudflare's by default: 1,000 calls in 50 s, then 429 with Retry-After until the window ends", async () => {
    const { send, tick } = setup();
    for (let i = 0; i < 1000; i++) expect((await send('GET', '/recordings')).status).toBe(200);
    // other operations are not counted against it
    expect((await send('GET', '/meetings')).status).toBe(200);
    tick(20);
    const refused = await send('GET', '/recordings');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error.message).toContain('More than 1000 calls to the recording APIs in 50 seconds');
    tick(30);
    expect((await send('GET', '/recordings')).status).toBe(200);
  });

  it('starts a new window on reset()', async () => {
    const { fake, send } = setup({ recordingRateLimit: { requests: 1, windowSeconds: 50 } });
    expect((await send('GET', '/recordings')).status).toBe(200);
    expect((await send('GET', '/recordings')).status).toBe(429);
    fake.reset();
    expect((await send('GET', '/recordings')).status).toBe(200);
  });

  it('takes another limit, or none', async () => {
    const limited = setup({ recordingRateLimit: { requests: 2, windowSeconds: 10 } });
    const meeting = await limited.rtk.meetings.create({ title: 'Standup' });
    await limited.rtk.recordings.start({ meeting_id: meeting.id });
    await limited.rtk.recordings.getActive(meeting.id);
    expect((await failure(limited.rtk.recordings.getActive(meeting.id))).status).toBe(429);
    const free = setup({ recordingRateLimit: false });
    for (let i = 0; i < 1001; i++) expect((await free.send('GET', '/recordings')).status).toBe(200);
    expect(() => createRealtimeKitFake({ recordingRateLimit: { requests: 0, windowSeconds: 50 } })).toThrow(
      /recordingRateLimit needs requests/,
    );
  });
});

describe('routing below /recordings', () => {
  it('sends POST recordings/track and GET recordings/active-recording/{id} to their own operations', async () => {
    const { rtk, send } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const track = await send('POST', '/recordings/track', { meeting_id: meeting.id });
    expect(track.status).toBe(200);
    expect((await track.json()).data.recording.output_file_name).toMatch(/\.webm$/);
    const active = await send('GET', `/recordings/active-recording/${meeting.id}`);
    expect(active.status).toBe(200);
    const none = await send('GET', `/recordings/active-recording/${UNKNOWN}`);
    expect((await none.json()).error.message).toBe(`No meeting found with id ${UNKNOWN} in app ${APP}`);
    // "track" where a recording's ID goes is an ID, and not a UUID: refused by the spec's format
    const get = await send('GET', '/recordings/track');
    expect([get.status, (await get.json()).error.message]).toEqual([400, 'recording_id must match format "uuid"']);
  });
});
