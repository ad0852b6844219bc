import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { meetingLifecycle } from '../../test-support/lifecycle';
import {
  CONTROL_PATH,
  createRealtimeKitFake,
  DEFAULT_PRESETS,
  FAKE_HEADER,
  IGNORED_HEADER,
  type RealtimeKitFakeOptions,
} from './create-fake';

const BASE = 'https://api.cloudflare.com/client/v4';
const MEETINGS = `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const OTHER_APP = '00000000-0000-4000-8000-00000000a99a';

function setup(options: RealtimeKitFakeOptions = {}) {
  const fake = createRealtimeKitFake({ seed: 1, ...options });
  const rtk = createRealtimeKitClient({
    baseUrl: BASE,
    apiToken: 'fake-test-token',
    accountId: ACCOUNT,
    appId: APP,
    maxRetries: 0,
    fetch: fake.fetch,
  });
  /** A raw call, for what the client would refuse before sending. */
  const send = (path: string, init: RequestInit = {}) =>
    fake.fetch(
      new Request(`${MEETINGS}${path}`, {
        ...init,
        headers: { authorization: 'Bearer t', 'content-type': 'application/json', ...init.headers },
      }),
    );
  return { fake, rtk, send };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: RealtimeKitError) => error,
  );

/** A preset body the spec accepts (the contract's conforming one), under a name. */
const presetBody = (name: string) => ({
  config: {
    max_screenshare_count: 1,
    max_video_streams: { desktop: 1, mobile: 1 },
    media: { screenshare: { frame_rate: 1, quality: 'hd' }, video: { frame_rate: 1, quality: 'hd' } },
    view_type: 'GROUP_CALL',
  },
  name,
  permissions: {
    accept_waiting_requests: true,
    can_accept_production_requests: true,
    can_change_participant_permissions: true,
    can_edit_display_name: true,
    can_livestream: true,
    can_record: true,
    can_spotlight: true,
    chat: {
      private: { can_receive: true, can_send: true, files: true, text: true },
      public: { can_send: true, files: true, text: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: true,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    disable_participant_audio: true,
    disable_participant_screensharing: true,
    disable_participant_video: true,
    hidden_participant: true,
    kick_participant: true,
    media: {
      audio: { can_produce: 'ALLOWED' },
      screenshare: { can_produce: 'ALLOWED' },
      video: { can_produce: 'ALLOWED' },
    },
    pin_participant: true,
    plugins: { can_close: true, can_edit_config: true, can_start: true, config: {} },
    polls: { can_create: true, can_view: true, can_vote: true },
    recorder_type: 'NONE',
    show_participant_list: true,
    waiting_room_type: 'SKIP',
  },
  ui: {
    design_tokens: {
      border_radius: 'sharp',
      border_width: 'none',
      colors: {
        background: { '600': '#222222', '700': '#1f1f1f', '800': '#1b1b1b', '900': '#181818', '1000': '#141414' },
        brand: { '300': '#844d1c', '400': '#9d5b22', '500': '#b56927', '600': '#d37c30', '700': '#d9904f' },
        danger: '#FF2D2D',
        success: '#62A504',
        text: '#EEEEEE',
        text_on_brand: '#EEEEEE',
        video_bg: '#191919',
        warning: '#FFCD07',
      },
      spacing_base: 4,
      theme: 'darkest',
    },
  },
});

describe('presets', () => {
  it('a created preset is one participants may name; its name is unique in the app; deleted, it is gone', async () => {
    const { rtk } = setup();
    const meeting = await rtk.meetings.create({ title: 'Presets' });
    // before: an unknown preset name is refused
    const unknown = await failure(
      rtk.participants.add(meeting.id, { custom_participant_id: 'a', preset_name: 'moderator' }),
    );
    expect(unknown.status).toBe(400);
    const preset = await rtk.presets.create(presetBody('moderator') as never);
    expect(preset).toMatchObject({ id: expect.any(String), name: 'moderator' });
    const added = await rtk.participants.add(meeting.id, { custom_participant_id: 'a', preset_name: 'moderator' });
    expect(added).toMatchObject({ preset_name: 'moderator' });
    expect((await rtk.presets.list()).data.map((p) => p.name)).toEqual(['moderator']);
    expect(await rtk.presets.get(preset.id)).toEqual(preset);
    // the same name twice, or a default's name: refused (409; the API documents no status for it)
    expect((await failure(rtk.presets.create(presetBody('moderator') as never))).status).toBe(409);
    expect((await failure(rtk.presets.create(presetBody('group_call_host') as never))).status).toBe(409);
    const renamed = await rtk.presets.update(preset.id, { name: 'host' });
    expect(renamed).toMatchObject({ id: preset.id, name: 'host', config: preset.config });
    await rtk.presets.delete(preset.id);
    expect((await failure(rtk.presets.get(preset.id))).status).toBe(404);
    const gone = await failure(rtk.participants.add(meeting.id, { custom_participant_id: 'b', preset_name: 'host' }));
    expect(gone.status).toBe(400);
  });
});

describe('webhooks', () => {
  it('registers, lists, edits and deletes a webhook; the same URL twice is refused with the 400 the spec declares', async () => {
    const { rtk } = setup();
    const url = 'https://example.com/realtimekit';
    const hook = await rtk.webhooks.create({ name: 'all', url, events: ['meeting.ended'] });
    expect(hook).toMatchObject({ id: expect.any(String), url, events: ['meeting.ended'], enabled: true });
    expect(await rtk.webhooks.list()).toEqual([hook]);
    const twice = await failure(rtk.webhooks.create({ name: 'again', url, events: ['meeting.started'] }));
    expect(twice.status).toBe(400);
    expect(twice.message).toContain(`A webhook for ${url} already exists`);
    const edited = await rtk.webhooks.update(hook.id, { enabled: false });
    expect(edited).toMatchObject({ id: hook.id, url, enabled: false });
    expect(await rtk.webhooks.get(hook.id)).toEqual(edited);
    // GET webhooks/all is the events list, not a webhook named "all"
    expect(await rtk.webhooks.events()).toContain('recording.statusUpdate');
    await rtk.webhooks.delete(hook.id);
    expect(await rtk.webhooks.list()).toEqual([]);
    expect((await failure(rtk.webhooks.get(hook.id))).status).toBe(404);
    // once deleted, the URL is free again
    await expect(rtk.webhooks.create({ name: 'back', url, events: ['meeting.ended'] })).resolves.toMatchObject({ url });
  });
});

describe('apps', () => {
  it("creates, lists and gets the account's apps, outside any app's path; another account sees none", async () => {
    const { rtk, fake } = setup();
    const created = await rtk.apps.create({ name: 'staging' });
    expect(created.app).toMatchObject({ id: expect.any(String), name: 'staging' });
    const id = created.app?.id as string;
    expect(id).toHaveLength(36);
    expect(await rtk.apps.get(id)).toEqual(created.app);
    expect((await rtk.apps.list()).data).toEqual([created.app]);
    const other = createRealtimeKitClient({
      baseUrl: BASE,
      apiToken: 't',
      accountId: '0000000000000000000000000000acc2',
      appId: APP,
      maxRetries: 0,
      fetch: fake.fetch,
    });
    expect((await other.apps.list()).data).toEqual([]);
    expect((await failure(other.apps.get(id))).status).toBe(404);
  });
});

describe('createRealtimeKitFake', () => {
  it('remembers: create, get, add Ada, list, remove her, she is gone', async () => {
    await meetingLifecycle(setup().rtk);
  });

  it("fills in the spec's defaults and leaves out what was sent as null", async () => {
    const { rtk } = setup();
    const meeting = await rtk.meetings.create({ title: null, record_on_start: null });
    expect(meeting).toMatchObject({
      status: 'ACTIVE',
      record_on_start: false,
      live_stream_on_start: false,
      session_keep_alive_time_in_secs: 60,
    });
    expect(meeting).not.toHaveProperty('title');
    expect(meeting.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('replaces a meeting whole (keeping its ID, creation time and status) and merges an update', async () => {
    const { rtk } = setup();
    const meeting = await rtk.meetings.create({ title: 'A', persist_chat: true });
    await rtk.meetings.update(meeting.id, { status: 'INACTIVE' });
    const replaced = await rtk.meetings.replace(meeting.id, { title: 'B' });
    expect(replaced).toMatchObject({ id: meeting.id, created_at: meeting.created_at, title: 'B', status: 'INACTIVE' });
    expect(replaced.persist_chat).toBe(false);
  });

  it('lists with real paging, newest first, in the sense listAll reads it', async () => {
    const { rtk } = setup();
    for (let i = 0; i < 25; i++) await rtk.meetings.create({ title: `m${i}` });
    const second = await rtk.meetings.list({ page_no: 2, per_page: 10 });
    expect(second.paging).toEqual({ total_count: 25, start_offset: 11, end_offset: 20 });
    expect(second.data.map((m) => m.title)).toEqual(Array.from({ length: 10 }, (_, i) => `m${14 - i}`));
    const beyond = await rtk.meetings.list({ page_no: 4, per_page: 10 });
    expect(beyond.data).toEqual([]);
    const all = new Set<string>();
    for await (const m of rtk.meetings.listAll({ per_page: 7 })) all.add(m.id);
    expect(all.size).toBe(25);
  });

  it('filters by status, search and creation time, and keeps apps apart', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const { rtk, fake } = setup({ now: () => now });
    const early = await rtk.meetings.create({ title: 'Early standup' });
    now = new Date('2026-01-02T10:00:00Z');
    const late = await rtk.meetings.create({ title: 'Late review' });
    await rtk.meetings.update(late.id, { status: 'INACTIVE' });
    const titles = async (query: Parameters<typeof rtk.meetings.list>[0]) =>
      (await rtk.meetings.list(query)).data.map((m) => m.title);
    expect(await titles({ status: 'INACTIVE' })).toEqual(['Late review']);
    expect(await titles({ search: 'STANDUP' })).toEqual(['Early standup']);
    expect(await titles({ search: early.id })).toEqual(['Early standup']);
    expect(await titles({ start_time: '2026-01-02T00:00:00Z' })).toEqual(['Late review']);
    expect(await titles({ end_time: '2026-01-01T23:00:00Z' })).toEqual(['Early standup']);
    const otherApp = await fake.fetch(
      new Request(`${MEETINGS.replace(APP, OTHER_APP)}/${early.id}`, { headers: { authorization: 'Bearer t' } }),
    );
    expect(otherApp.status).toBe(404);
  });

  it('answers 404 for unknown meetings and participants, in RealtimeKit envelope', async () => {
    const { rtk } = setup();
    const error = await failure(rtk.meetings.get(UNKNOWN));
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error.status).toBe(404);
    expect(error.message).toContain(`No meeting found with id ${UNKNOWN}`);
    const meeting = await rtk.meetings.create({ title: 'x' });
    expect((await failure(rtk.participants.refreshToken(meeting.id, UNKNOWN))).status).toBe(404);
    expect((await failure(rtk.participants.delete(meeting.id, UNKNOWN))).status).toBe(404);
  });

  it('refuses an invalid request with 400 and a message naming the property and the rule', async () => {
    const { rtk, send } = setup();
    const meeting = await rtk.meetings.create({ title: 'x' });
    const missing = await send(`/${meeting.id}/participants`, { method: 'POST', body: '{"name":"No preset"}' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      success: false,
      error: { code: 400, message: "body must have required property 'preset_name'" },
    });
    const badEnum = await send('?status=PAUSED');
    expect((await badEnum.json()).error.message).toBe(
      'query/status must be equal to one of the allowed values: "ACTIVE", "INACTIVE"',
    );
    const badNumber = await send('?page_no=two');
    expect((await badNumber.json()).error.message).toBe('query/page_no must be number');
    const badId = await send('/not-a-uuid');
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.message).toMatch(/^meeting_id must (match pattern|match format)/);
    const notJson = await send('', { method: 'POST', body: '{' });
    expect((await notJson.json()).error.message).toBe('body is not valid JSON');
  });

  it('answers 401 without a bearer token, and 404 for a path the API does not have', async () => {
    const { fake } = setup();
    const unauthorized = await fake.fetch(new Request(MEETINGS));
    expect(unauthorized.status).toBe(401);
    expect((await unauthorized.json()).error.message).toContain('Authorization: Bearer');
    const nowhere = await fake.fetch(
      new Request(`${MEETINGS}/${UNKNOWN}/recordings`, { headers: { authorization: 'Bearer t' } }),
    );
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json()).error.message).toContain('No route for the URI');
    // below the app but outside /meetings: no operation there, so no route (an operation there would be routed)
    const elsewhere = await fake.fetch(
      new Request(MEETINGS.replace(/meetings$/, 'notes'), { headers: { authorization: 'Bearer t' } }),
    );
    expect([elsewhere.status, (await elsewhere.json()).error.message]).toEqual([
      404,
      expect.stringContaining('No route for the URI: GET'),
    ]);
    for (const path of ['/%E0%A4%A', '//participants']) {
      const odd = await fake.fetch(new Request(`${MEETINGS}${path}`, { headers: { authorization: 'Bearer t' } }));
      expect([odd.status, (await odd.json()).error.message]).toEqual([
        404,
        expect.stringContaining('No route for the URI'),
      ]);
    }
  });

  it('repeats IDs, tokens and timestamps run to run with a seed and a clock', async () => {
    const run = async () => {
      const { rtk } = setup({ seed: 42, now: () => new Date('2026-03-01T09:00:00Z') });
      const meeting = await rtk.meetings.create({ title: 'same' });
      const ada = await rtk.participants.add(meeting.id, {
        custom_participant_id: 'a',
        preset_name: 'group_call_participant',
      });
      return [meeting, ada];
    };
    const [first, second] = [await run(), await run()];
    expect(second).toEqual(first);
    const other = await createRealtimeKitFake({ seed: 43 })
      .fetch(new Request(MEETINGS, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{}' }))
      .then((r) => r.json());
    expect(other.data.id).not.toBe((first[0] as { id: string }).id);
  });

  it('refuses a creation past its limits, saying which limit and what to do', async () => {
    const { rtk, fake } = setup({ limits: { meetings: 2, participantsPerMeeting: 1 } });
    const meeting = await rtk.meetings.create({});
    await rtk.meetings.create({});
    const refused = await failure(rtk.meetings.create({}));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('at most 2 meetings (limits.meetings): call fake.reset()');
    await rtk.participants.add(meeting.id, { custom_participant_id: 'a', preset_name: 'group_call_participant' });
    const full = await failure(
      rtk.participants.add(meeting.id, { custom_participant_id: 'b', preset_name: 'group_call_participant' }),
    );
    expect(full.message).toContain('limits.participantsPerMeeting');
    fake.reset();
    expect((await rtk.meetings.list()).data).toEqual([]);
    await expect(rtk.meetings.create({})).resolves.toHaveProperty('id');
    expect(() => createRealtimeKitFake({ limits: { meetings: -1 } })).toThrow('limits.meetings must be a whole number');
  });

  it('acts on an active session only once startSession made one: kick, mute, poll, kick all (which ends it), start again', async () => {
    const { rtk, fake } = setup();
    const meeting = await rtk.meetings.create({ title: 'Standup' });
    const ada = await rtk.participants.add(meeting.id, {
      custom_participant_id: 'ada',
      preset_name: 'group_call_participant',
      name: 'Ada',
    });
    const bob = await rtk.participants.add(meeting.id, {
      custom_participant_id: 'bob',
      preset_name: 'group_call_participant',
      name: 'Bob',
    });
    expect((await failure(rtk.activeSession.get(meeting.id))).status).toBe(404);
    expect(() => fake.startSession(UNKNOWN)).toThrow(`no meeting ${UNKNOWN}`);
    expect(() => fake.startSession(meeting.id, { participants: [UNKNOWN] })).toThrow(`has no participant ${UNKNOWN}`);

    fake.startSession(meeting.id);
    const session = await rtk.activeSession.get(meeting.id);
    expect(session).toMatchObject({
      associated_id: meeting.id,
      live_participants: 2,
      status: 'LIVE',
      meeting_display_name: 'Standup',
    });
    const muted = await rtk.activeSession.mute(meeting.id, { custom_participant_ids: ['bob'] });
    expect(muted.participants?.map((p) => p.name)).toEqual(['Bob']);
    const kicked = await rtk.activeSession.kick(meeting.id, { participant_ids: [ada.id] });
    expect(kicked.participants?.map((p) => p.id)).toEqual([ada.id]);
    expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(1);
    expect((await rtk.activeSession.muteAll(meeting.id, { allow_unmute: true })).muted_participants_count).toBe(1);
    const poll = await rtk.activeSession.createPoll(meeting.id, { question: 'Lunch?', options: ['Yes', 'No'] });
    expect(poll.poll?.options.map((o) => o.text)).toEqual(['Yes', 'No']);
    expect((await rtk.activeSession.kickAll(meeting.id)).kicked_participants_count).toBe(1);
    // the last one out ends the session: no active session is left
    expect((await failure(rtk.activeSession.get(meeting.id))).status).toBe(404);
    await rtk.participants.delete(meeting.id, bob.id);
    fake.startSession(meeting.id);
    expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(1);
  });

  it('starts, shows and stops a livestream, and 404s when none is live', async () => {
    const { rtk } = setup();
    const meeting = await rtk.meetings.create({ title: 'Town hall' });
    expect((await failure(rtk.livestreams.getActive(meeting.id))).status).toBe(404);
    const started = await rtk.livestreams.start(meeting.id, { name: 'main' });
    expect(started.status).toBe('LIVE');
    expect(await rtk.livestreams.getActive(meeting.id)).toMatchObject({
      id: started.id,
      name: 'main',
      meeting_id: meeting.id,
    });
    expect((await failure(rtk.livestreams.start(meeting.id, {}))).message).toContain('already livestreaming');
    expect((await rtk.livestreams.stop(meeting.id)).message).toBe('Stopped live stream successfully');
    expect((await failure(rtk.livestreams.stop(meeting.id))).status).toBe(404);
    const details = await rtk.livestreams.getSession(meeting.id);
    expect(details.livestreams?.map((l) => l.status)).toEqual(['IDLE']);
    expect(details.sessions).toMatchObject({ livestream_id: started.id });
  });

  describe('holds what only the server may write (issue #24, item 7)', () => {
    it('never stores a server-owned field a client sends: id, created_at, updated_at, token', async () => {
      const { rtk, send } = setup({ now: () => new Date('2026-02-01T00:00:00Z') });
      const meeting = await rtk.meetings.create({ title: 'Mine' });
      const patch = await send(`/${meeting.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ id: 'other', created_at: '1999-01-01T00:00:00Z', title: 'Renamed' }),
      });
      expect(patch.status).toBe(200);
      const patched = (await patch.json()).data;
      expect(patched).toMatchObject({ id: meeting.id, created_at: meeting.created_at, title: 'Renamed' });
      expect(await rtk.meetings.get(meeting.id)).toMatchObject({ id: meeting.id, title: 'Renamed' });
      // every later list still answers
      expect((await rtk.meetings.list()).data.map((m) => m.id)).toEqual([meeting.id]);

      const ada = await rtk.participants.add(meeting.id, {
        custom_participant_id: 'ada',
        preset_name: 'group_call_participant',
      });
      const chosen = await send(`/${meeting.id}/participants/${ada.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ token: 'chosen', id: 'x', name: 'Ada' }),
      });
      expect((await chosen.json()).data).toMatchObject({ id: ada.id, name: 'Ada', token: ada.token });
      const put = await send(`/${meeting.id}/participants/${ada.id}`, {
        method: 'PUT',
        body: JSON.stringify({ custom_participant_id: 'ada', preset_name: 'group_call_participant', token: 'chosen' }),
      });
      expect((await put.json()).data.token).toBe(ada.token);
      const added = await send(`/${meeting.id}/participants`, {
        method: 'POST',
        body: JSON.stringify({
          custom_participant_id: 'bob',
          preset_name: 'group_call_participant',
          token: 'chosen',
          id: 'mine',
        }),
      });
      const bob = (await added.json()).data;
      expect(bob.token).not.toBe('chosen');
      expect(bob.id).not.toBe('mine');
      const created = await send('', { method: 'POST', body: JSON.stringify({ id: 'mine', updated_at: 'x' }) });
      expect((await created.json()).data.id).not.toBe('mine');
    });

    it('answers a malformed escape in the account or app segment with 400 in the envelope', async () => {
      const { fake } = setup();
      for (const url of [
        `${BASE}/accounts/%E0%A4%A/realtime/kit/${APP}/meetings`,
        `${BASE}/accounts/${ACCOUNT}/realtime/kit/%ZZ/meetings`,
      ]) {
        const response = await fake.fetch(new Request(url, { headers: { authorization: 'Bearer t' } }));
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          success: false,
          error: { code: 400, message: expect.stringContaining('malformed percent escape') },
        });
      }
    });

    it('refuses a body over limits.bodyBytes (1 MiB by default) with 413, and stores nothing', async () => {
      const { rtk, send } = setup();
      const big = await send('', { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }) });
      expect(big.status).toBe(413);
      expect((await big.json()).error.message).toContain('1048576 bytes (limits.bodyBytes)');
      expect((await rtk.meetings.list()).data).toEqual([]);
      const small = setup({ limits: { bodyBytes: 64 } });
      const over = await small.send('', { method: 'POST', body: JSON.stringify({ title: 'y'.repeat(64) }) });
      expect(over.status).toBe(413);
      const under = await small.send('', { method: 'POST', body: JSON.stringify({ title: 'y' }) });
      expect(under.status).toBe(201);
    });

    it('refuses adding a participant to an INACTIVE meeting, or a new token for one: users cannot join it', async () => {
      const { rtk } = setup();
      const meeting = await rtk.meetings.create({ title: 'Closed' });
      const ada = await rtk.participants.add(meeting.id, {
        custom_participant_id: 'ada',
        preset_name: 'group_call_participant',
      });
      await rtk.meetings.update(meeting.id, { status: 'INACTIVE' });
      const add = await failure(
        rtk.participants.add(meeting.id, { custom_participant_id: 'bob', preset_name: 'group_call_participant' }),
      );
      expect([add.status, add.message]).toEqual([400, expect.stringContaining(`Meeting ${meeting.id} is INACTIVE`)]);
      expect((await failure(rtk.participants.refreshToken(meeting.id, ada.id))).status).toBe(400);
      expect((await rtk.participants.list(meeting.id)).data.map((p) => p.custom_participant_id)).toEqual(['ada']);
      await rtk.meetings.update(meeting.id, { status: 'ACTIVE' });
      await expect(
        rtk.participants.add(meeting.id, { custom_participant_id: 'bob', preset_name: 'group_call_participant' }),
      ).resolves.toHaveProperty('token');
    });
  });

  describe('as strict as the API (issue #25, item 2)', () => {
    const ids = { apiToken: 'the-token', accountId: ACCOUNT, appId: APP };
    const as = (fake: ReturnType<typeof createRealtimeKitFake>, apiToken: string, accountId = ACCOUNT, appId = APP) =>
      createRealtimeKitClient({ baseUrl: BASE, apiToken, accountId, appId, maxRetries: 0, fetch: fake.fetch });

    it('given apiToken, refuses another bearer as Cloudflare does (401, its v4 envelope), never echoing either', async () => {
      const fake = createRealtimeKitFake({ seed: 1, ...ids });
      await expect(as(fake, 'the-token').meetings.list()).resolves.toHaveProperty('data', []);
      const response = await fake.fetch(new Request(MEETINGS, { headers: { authorization: 'Bearer stolen-token' } }));
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        messages: [],
        result: null,
      });
      expect(text).not.toContain('stolen-token');
      expect(text).not.toContain('the-token');
      const error = await failure(as(fake, 'stolen-token').meetings.create({ title: 'x' }));
      expect([error.status, error.code, error.message]).toEqual([
        401,
        10000,
        expect.stringContaining('Authentication error'),
      ]);
      expect(() => createRealtimeKitFake({ apiToken: '' })).toThrow('apiToken must be a non-empty string');
    });

    it('given accountId and appId, refuses other accounts (403) and unknown apps (404), never with an empty list', async () => {
      const fake = createRealtimeKitFake({ seed: 1, ...ids });
      const otherAccount = await failure(as(fake, 'the-token', '0123456789abcdef0123456789abcdef').meetings.list());
      expect([otherAccount.status, otherAccount.message]).toEqual([
        403,
        expect.stringContaining('Authentication error'),
      ]);
      const otherApp = await failure(as(fake, 'the-token', ACCOUNT, OTHER_APP).meetings.list());
      expect([otherApp.status, otherApp.message]).toEqual([
        404,
        expect.stringContaining(`No app found with id ${OTHER_APP}`),
      ]);
      // without them, any account and app is served, each apart
      const open = createRealtimeKitFake({ seed: 1 });
      await expect(as(open, 'any', ACCOUNT, OTHER_APP).meetings.list()).resolves.toHaveProperty('data', []);
    });

    it('given appId, lists that app and serves the apps created in it too, in its account only', async () => {
      const fake = createRealtimeKitFake({ seed: 1, ...ids });
      const rtk = as(fake, 'the-token');
      expect((await rtk.apps.list()).data).toEqual([{ id: APP, name: 'app', created_at: expect.any(String) }]);
      expect(await rtk.apps.get(APP)).toMatchObject({ id: APP });
      const staging = (await rtk.apps.create({ name: 'staging' })).app?.id as string;
      expect((await rtk.apps.list()).data?.map((a) => a.id)).toEqual([staging, APP]); // newest first
      // the new app is served: its meetings are its own
      const inStaging = as(fake, 'the-token', ACCOUNT, staging);
      await inStaging.meetings.create({ title: 'In staging' });
      expect((await inStaging.meetings.list()).data.map((m) => m.title)).toEqual(['In staging']);
      expect((await rtk.meetings.list()).data).toEqual([]);
      // an app ID nobody created is still unknown
      expect((await failure(as(fake, 'the-token', ACCOUNT, OTHER_APP).meetings.list())).status).toBe(404);
    });

    it("starts each app with RealtimeKit's default presets, and refuses a preset the app lacks, naming it", async () => {
      const { rtk } = setup();
      const meeting = await rtk.meetings.create({ title: 'Presets' });
      for (const preset of DEFAULT_PRESETS) {
        await rtk.participants.add(meeting.id, { custom_participant_id: preset, preset_name: preset });
      }
      const added = await failure(
        rtk.participants.add(meeting.id, { custom_participant_id: 'x', preset_name: 'hots' }),
      );
      expect([added.status, added.message]).toEqual([400, expect.stringContaining("No preset named 'hots' in app")]);
      expect(added.message).toContain('group_call_host, group_call_participant, webinar_presenter, webinar_viewer');
      const ada = await rtk.participants.add(meeting.id, {
        custom_participant_id: 'ada',
        preset_name: 'group_call_host',
      });
      const edit = await failure(rtk.participants.edit(meeting.id, ada.id, { preset_name: 'admin' }));
      expect(edit.message).toContain("No preset named 'admin'");
      const replace = await failure(
        rtk.participants.replace(meeting.id, ada.id, { custom_participant_id: 'ada', preset_name: 'admin' }),
      );
      expect(replace.message).toContain("No preset named 'admin'");
      expect((await rtk.participants.get(meeting.id, ada.id)).preset_name).toBe('group_call_host');
      const custom = setup({ presets: ['admin'] });
      const m = await custom.rtk.meetings.create({});
      await expect(
        custom.rtk.participants.add(m.id, { custom_participant_id: 'a', preset_name: 'admin' }),
      ).resolves.toHaveProperty('preset_name', 'admin');
    });

    it('names the body properties the spec does not declare (it allows them), and stores none of them', async () => {
      const { send } = setup();
      const created = await send('', { method: 'POST', body: JSON.stringify({ title: 'T', titel: 'typo', id: 'x' }) });
      expect(created.status).toBe(201);
      expect(created.headers.get(IGNORED_HEADER)).toBe('titel, id');
      expect((await created.json()).data).not.toHaveProperty('titel');
      const clean = await send('', { method: 'POST', body: JSON.stringify({ title: 'T' }) });
      expect(clean.headers.get(IGNORED_HEADER)).toBeNull();
      expect(clean.headers.get(FAKE_HEADER)).toBe(CONTROL_PATH);
    });

    it('a 400 for a missing required property names what it ignored, and the misspelt one as a did-you-mean', async () => {
      const { rtk, send } = setup();
      const meeting = await rtk.meetings.create({ title: 'x' });
      const add = (body: object) => send(`/${meeting.id}/participants`, { method: 'POST', body: JSON.stringify(body) });
      const camel = await add({ custom_participant_id: 'ada', presetName: 'group_call_host', nick: 'A' });
      expect(camel.status).toBe(400);
      expect((await camel.json()).error.message).toBe(
        "body must have required property 'preset_name' (ignored, not in the spec: presetName, nick; did you mean 'preset_name' instead of 'presetName'?)",
      );
      expect(camel.headers.get(IGNORED_HEADER)).toBe('presetName, nick');
      // nothing close to the missing one: the ignored names, no guess
      const far = await add({ custom_participant_id: 'ada', role: 'host' });
      expect((await far.json()).error.message).toBe(
        "body must have required property 'preset_name' (ignored, not in the spec: role)",
      );
      // through the client: its error message carries the fake's
      const error = await failure(
        rtk.participants.add(meeting.id, { custom_participant_id: 'ada', presetName: 'x' } as never),
      );
      expect(error.message).toContain("did you mean 'preset_name' instead of 'presetName'?");
      // nothing ignored: the message as before
      const plain = await add({ custom_participant_id: 'ada' });
      expect((await plain.json()).error.message).toBe("body must have required property 'preset_name'");
      expect(plain.headers.get(IGNORED_HEADER)).toBeNull();
    });

    it('starts sessions and livestreams over HTTP on its control route, outside the API paths', async () => {
      const { rtk, fake } = setup();
      const meeting = await rtk.meetings.create({ title: 'Live' });
      const ada = await rtk.participants.add(meeting.id, {
        custom_participant_id: 'ada',
        preset_name: 'group_call_host',
      });
      const control = (what: string, body: unknown) =>
        fake.fetch(new Request(`${BASE}${CONTROL_PATH}/${what}`, { method: 'POST', body: JSON.stringify(body) }));
      const started = await control('sessions', { meeting_id: meeting.id });
      expect(started.status).toBe(201);
      expect((await started.json()).data).toMatchObject({ meeting_id: meeting.id, participants: [ada.id] });
      expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(1);
      const live = await control('livestreams', { meeting_id: meeting.id, name: 'main' });
      expect(live.status).toBe(201);
      expect(await rtk.livestreams.getActive(meeting.id)).toMatchObject({ name: 'main', status: 'LIVE' });
      expect((await control('livestreams', { meeting_id: meeting.id })).status).toBe(400); // one live at a time
      expect((await control('sessions', { meeting_id: UNKNOWN })).status).toBe(404);
      expect((await control('sessions', {})).status).toBe(400);
      const get = await fake.fetch(new Request(`${BASE}${CONTROL_PATH}/sessions`));
      expect(get.status).toBe(405);
      // a base URL that holds an account and an app: the control route is still found below it
      const appBase = MEETINGS.slice(0, -'/meetings'.length);
      const below = await fake.fetch(
        new Request(`${appBase}${CONTROL_PATH}/sessions`, {
          method: 'POST',
          body: JSON.stringify({ meeting_id: meeting.id }),
        }),
      );
      expect(below.status).toBe(201);
    });
  });

  it("answers past its rateLimit as Cloudflare's API does: 429, Retry-After, Ratelimit and Ratelimit-Policy", async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const { fake, rtk } = setup({ now: () => now, rateLimit: { requests: 2, windowSeconds: 60 } });
    const list = () => fake.fetch(new Request(MEETINGS, { headers: { authorization: 'Bearer t' } }));
    const first = await list();
    expect(first.headers.get('ratelimit')).toBe('"default";r=1;t=60');
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=2;w=60');
    await list();
    now = new Date('2026-01-01T00:00:20Z');
    const refused = await list();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('ratelimit')).toBe('"default";r=0;t=40');
    expect((await refused.json()).errors[0]).toEqual({
      code: 10100,
      message: 'More than 2 requests per 60 seconds reached. Please wait and consider throttling your request speed',
    });
    const error = await failure(rtk.meetings.list());
    expect([error.status, error.kind]).toEqual([429, 'http']);
    now = new Date('2026-01-01T00:01:00Z'); // a new window
    expect((await list()).status).toBe(200);
    expect(() => createRealtimeKitFake({ rateLimit: { requests: 0, windowSeconds: 60 } })).toThrow('rateLimit needs');
  });
});
