import type { PresetCreateBody } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import { countedFake } from '../../test-support/fake';
import { presetBody } from '../../test-support/preset-body';
import { rejection } from '../../test-support/rejection';
import { RealtimeKitError } from '../errors';
import { applyPresetPlan, PresetApplyError } from './apply-preset-plan';
import { describePresetPlan, planPresets } from './plan-presets';

type Json = Record<string, unknown>;

/**
 * The fake, answering presets as the API documents them: with the spec's defaults filled in where the body left
 * them out (`livestream_viewer_qualities`, `media.audio`, `media.video.simulcast`). The fake stores bodies as sent.
 */
function setupWithDefaults() {
  const setup = countedFake();
  setup.hooks.send = async (request) => {
    const answer = await setup.fake.fetch(request);
    if (!new URL(request.url).pathname.includes('/presets/') && request.method !== 'POST') return answer;
    const body = (await answer.json()) as { data?: { config?: Json } };
    const config = body.data?.config as { media?: { video?: Json } & Json } & Json;
    if (config) {
      config.livestream_viewer_qualities ??= [];
      if (config.media) {
        config.media.audio ??= { enable_high_bitrate: false, enable_stereo: false };
        if (config.media.video) config.media.video.simulcast ??= false;
      }
    }
    return Response.json(body, { status: answer.status });
  };
  return setup;
}

const PAGE = 'GET /presets?page_no=1&per_page=100';
const withVideo = (name: string, quality: 'hd' | 'fhd', canRecord = true): PresetCreateBody => {
  const body = presetBody(name);
  body.config.media.video.quality = quality;
  body.permissions.can_record = canRecord;
  return body;
};

describe('planPresets and applyPresetPlan, against the stateful fake, calls counted', () => {
  it('from nothing: plans two creates, applies them, and then plans nothing although the API added defaults', async () => {
    const setup = setupWithDefaults();
    const desired = [presetBody('host'), presetBody('guest')];
    const plan = await planPresets(setup.rtk, desired);
    expect(plan).toEqual({
      steps: [
        { action: 'create', name: 'host', body: desired[0] },
        { action: 'create', name: 'guest', body: desired[1] },
      ],
      empty: false,
    });
    expect(setup.calls).toEqual([PAGE]);
    const applied = await applyPresetPlan(setup.rtk, plan);
    expect(applied.map((a) => [a.step.action, a.preset.name])).toEqual([
      ['create', 'host'],
      ['create', 'guest'],
    ]);
    expect(setup.calls.slice(1)).toEqual(['POST /presets', 'POST /presets']);
    // the server's answer holds what the body left out: a plan that compared everything would see a difference
    expect(applied[0]?.preset.config.livestream_viewer_qualities).toEqual([]);
    expect(presetBody('host').config).not.toHaveProperty('livestream_viewer_qualities');

    setup.calls.length = 0;
    const again = await planPresets(setup.rtk, desired);
    const [host, guest] = applied.map((a) => a.preset.id);
    expect(again).toEqual({
      steps: [
        { action: 'unchanged', name: 'host', id: host },
        { action: 'unchanged', name: 'guest', id: guest },
      ],
      empty: true,
    });
    expect(setup.calls).toEqual([PAGE, `GET /presets/${host}`, `GET /presets/${guest}`]);
    expect(await applyPresetPlan(setup.rtk, again)).toEqual([]);
    expect(setup.calls).toHaveLength(3);
  });

  it('a preset that differs: an update listing each differing field, one PATCH that keeps the rest, then nothing', async () => {
    const setup = setupWithDefaults();
    const existing = await setup.other.presets.create(withVideo('host', 'hd'));
    const plan = await planPresets(setup.rtk, [withVideo('host', 'fhd', false)]);
    expect(plan.steps).toEqual([
      {
        action: 'update',
        name: 'host',
        id: existing.id,
        changes: [
          { path: 'config.media.video.quality', from: 'hd', to: 'fhd' },
          { path: 'permissions.can_record', from: true, to: false },
        ],
        body: expect.objectContaining({ config: expect.any(Object), permissions: expect.any(Object) }),
      },
    ]);
    expect(plan.steps[0]).not.toHaveProperty('body.ui'); // a section with no difference is not sent
    expect(describePresetPlan(plan)).toBe(
      [
        '~ update "host"',
        '    config.media.video.quality: "hd" -> "fhd"',
        '    permissions.can_record: true -> false',
      ].join('\n'),
    );
    setup.calls.length = 0;
    await applyPresetPlan(setup.rtk, plan);
    expect(setup.calls).toEqual([`PATCH /presets/${existing.id}`]);
    const after = await setup.other.presets.get(existing.id);
    expect(after.config.media.video.quality).toBe('fhd');
    expect(after.config.max_video_streams).toEqual({ desktop: 1, mobile: 1 }); // merged, not replaced
    expect(after.ui).toEqual(existing.ui);
    expect((await planPresets(setup.rtk, [withVideo('host', 'fhd', false)])).empty).toBe(true);
  });

  it('reads every page: 101 presets, the desired one on the second page', async () => {
    const setup = countedFake();
    for (let i = 0; i < 101; i++) await setup.other.presets.create(presetBody(`preset-${i}`));
    const last = (await setup.other.presets.list({ page_no: 2, per_page: 100 })).data[0];
    expect(last?.name).toBe('preset-100');
    const plan = await planPresets(setup.rtk, [withVideo('preset-100', 'fhd'), presetBody('new')]);
    expect(plan.steps.map((s) => [s.action, s.name])).toEqual([
      ['update', 'preset-100'],
      ['create', 'new'],
    ]);
    expect(setup.calls).toEqual([PAGE, 'GET /presets?page_no=2&per_page=100', `GET /presets/${last?.id}`]);
  });

  it('deletes presets that desired does not name only with prune: true, after the creates and updates', async () => {
    const setup = countedFake();
    const old = await setup.other.presets.create(presetBody('old'));
    const kept = await setup.other.presets.create(presetBody('kept'));
    const plain = await planPresets(setup.rtk, [presetBody('kept'), presetBody('new')]);
    expect(plain.steps.map((s) => s.action)).toEqual(['unchanged', 'create']);
    const pruning = await planPresets(setup.rtk, [presetBody('kept'), presetBody('new')], { prune: true });
    expect(pruning.steps).toEqual([
      { action: 'unchanged', name: 'kept', id: kept.id },
      { action: 'create', name: 'new', body: presetBody('new') },
      { action: 'delete', name: 'old', id: old.id },
    ]);
    expect(describePresetPlan(pruning)).toBe('= unchanged "kept"\n+ create "new"\n- delete "old"');
    setup.calls.length = 0;
    await applyPresetPlan(setup.rtk, pruning);
    expect(setup.calls).toEqual(['POST /presets', `DELETE /presets/${old.id}`]);
    const names = (await setup.other.presets.list()).data.map((p) => p.name);
    expect(names).toEqual(['kept', 'new']);
    expect((await planPresets(setup.rtk, [presetBody('kept'), presetBody('new')], { prune: true })).empty).toBe(true);
  });

  it('an apply that fails midway says what it did and what it did not, sends the failed write once, and a new plan finishes', async () => {
    const setup = countedFake();
    const gone = await setup.other.presets.create(presetBody('moderator'));
    const desired = [presetBody('host'), withVideo('moderator', 'fhd'), presetBody('guest')];
    const plan = await planPresets(setup.rtk, desired);
    expect(plan.steps.map((s) => s.action)).toEqual(['create', 'update', 'create']);
    // between plan and apply, someone deletes the preset the plan updates
    await setup.other.presets.delete(gone.id);
    setup.calls.length = 0;
    const error = await applyPresetPlan(setup.rtk, plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PresetApplyError);
    const failure = error as PresetApplyError;
    expect(failure.done.map((d) => [d.step.action, d.step.name, d.preset.name])).toEqual([['create', 'host', 'host']]);
    expect(failure.failed).toMatchObject({ action: 'update', name: 'moderator' });
    expect(failure.notDone.map((s) => s.name)).toEqual(['guest']);
    expect(failure.cause).toBeInstanceOf(RealtimeKitError);
    expect(failure.message).toMatch(
      /^applyPresetPlan stopped at update "moderator": 404 patch-presets-preset_id: No preset found .*\. Done: create "host"\. Not done: create "guest"\. Nothing was retried; run planPresets again/,
    );
    expect(setup.calls).toEqual(['POST /presets', `PATCH /presets/${gone.id}`]);
    // the state is what the error says: host made, guest not
    expect((await setup.other.presets.list()).data.map((p) => p.name)).toEqual(['host']);
    const next = await planPresets(setup.rtk, desired);
    expect(next.steps.map((s) => s.action)).toEqual(['unchanged', 'create', 'create']);
    await applyPresetPlan(setup.rtk, next);
    expect((await planPresets(setup.rtk, desired)).empty).toBe(true);
  });

  it("a default preset's name, which the list does not return: the apply's error says planning again will not help, and what to do", async () => {
    const setup = countedFake();
    const desired = [presetBody('host'), presetBody('group_call_host'), presetBody('guest')];
    const plan = await planPresets(setup.rtk, desired);
    // the fake's list leaves out the app's default presets, so the plan sees none of that name
    expect(plan.steps.map((s) => `${s.action} ${s.name}`)).toEqual([
      'create host',
      'create group_call_host',
      'create guest',
    ]);
    const failure = (await applyPresetPlan(setup.rtk, plan).catch((e: unknown) => e)) as PresetApplyError;
    expect(failure).toBeInstanceOf(PresetApplyError);
    expect(failure.failed).toMatchObject({ action: 'create', name: 'group_call_host' });
    expect((failure.cause as RealtimeKitError).status).toBe(409);
    expect(failure.message).toMatch(
      /^applyPresetPlan stopped at create "group_call_host": 409 post-presets: A preset named 'group_call_host' already exists .*\. Done: create "host"\. Not done: create "guest"\. Nothing was retried\. The name "group_call_host" is taken: if planPresets still plans this create, the app's list of presets does not return the preset that has it \(RealtimeKit's default presets, such as group_call_host, are not in the fake's list, and may not be in the API's\), and every apply fails the same way: give yours another name, or leave that preset out of the presets you keep as code$/,
    );
    expect(failure.message).not.toContain('run planPresets again');
    // what the message says: planning again plans the same create, and renaming ends it
    const again = await planPresets(setup.rtk, desired);
    expect(again.steps.map((s) => `${s.action} ${s.name}`)).toEqual([
      'unchanged host',
      'create group_call_host',
      'create guest',
    ]);
    const renamed = [presetBody('host'), presetBody('team_host'), presetBody('guest')];
    await applyPresetPlan(setup.rtk, await planPresets(setup.rtk, renamed));
    expect((await planPresets(setup.rtk, renamed)).empty).toBe(true);
  });

  it('only a create refused as taken gets that advice: other refusals, a 409 on an update and a network error keep "plan again"', async () => {
    const setup = countedFake();
    const existing = await setup.other.presets.create(presetBody('moderator'));
    let refusal: { status: number; message: string } | 'network' = { status: 400, message: 'Refused' };
    setup.answerSome((call) => {
      if (call.startsWith('GET ')) return undefined;
      if (refusal === 'network') throw new TypeError('fetch failed');
      const { status, message } = refusal;
      return Response.json({ success: false, error: { code: status, message } }, { status });
    });
    const applyError = async (desired: PresetCreateBody[]) =>
      (await applyPresetPlan(setup.rtk, await planPresets(setup.rtk, desired)).catch(
        (e: unknown) => e,
      )) as PresetApplyError;
    const TAKEN = /Nothing was retried\. The name "new" is taken: if planPresets still plans this create/;
    const AGAIN = /Nothing was retried; run planPresets again to see what is left$/;

    const refused = await applyError([presetBody('new')]);
    expect(refused.message).toMatch(/400 post-presets: Refused\. Done: nothing/);
    expect(refused.message).toMatch(AGAIN);
    refusal = { status: 400, message: 'A preset with this name already exists' }; // the API's status is unknown
    expect((await applyError([presetBody('new')])).message).toMatch(TAKEN);
    refusal = { status: 422, message: 'Duplicate preset name' };
    expect((await applyError([presetBody('new')])).message).toMatch(TAKEN);
    refusal = { status: 409, message: 'Conflict' };
    const update = await applyError([withVideo('moderator', 'fhd')]);
    expect(update.failed).toMatchObject({ action: 'update', id: existing.id });
    expect(update.message).toMatch(AGAIN);
    refusal = 'network';
    const network = await applyError([presetBody('new')]);
    expect((network.cause as RealtimeKitError).kind).toBe('network');
    expect(network.message).toMatch(AGAIN);
  });
});

describe('planPresets refuses bad input before any call', () => {
  it.each([
    [
      'the same name twice',
      [presetBody('host'), presetBody('host')],
      'two desired presets are named "host": names are unique in an app',
    ],
    ['an empty name', [{ ...presetBody('x'), name: '' }], 'desired[0] has no name: presets are matched by name'],
    ['null in the list', [presetBody('a'), null], 'desired[1] must be a preset object'],
    ['an object by name, not a list', { host: presetBody('host') }, 'desired must be a list of presets'],
  ])('%s', async (_case, desired, message) => {
    const setup = countedFake();
    const error = await rejection(planPresets(setup.rtk, desired as never));
    expect(error).toMatchObject({
      kind: 'invalid_argument',
      message: expect.stringContaining(`planPresets: ${message}`),
    });
    expect(setup.calls).toEqual([]);
  });

  it('refuses a prune that is not a boolean, a client that is not one, and a plan that is not one', async () => {
    const setup = countedFake();
    const prune = await rejection(planPresets(setup.rtk, [], { prune: 'yes' as never }));
    expect(prune.message).toContain('prune must be true or false');
    const client = await rejection(planPresets({} as never, []));
    expect(client.message).toContain('planPresets: the first argument must be a client');
    const plan = await rejection(applyPresetPlan(setup.rtk, {} as never));
    expect(plan.message).toContain('applyPresetPlan: plan must be what planPresets returned');
    expect(setup.calls).toEqual([]);
  });

  it('an empty desired list plans nothing, and prunes everything only when asked', async () => {
    const setup = countedFake();
    const only = await setup.other.presets.create(presetBody('only'));
    expect(await planPresets(setup.rtk, [])).toEqual({ steps: [], empty: true });
    expect(describePresetPlan({ steps: [], empty: true })).toBe('no presets desired, none to delete');
    expect((await planPresets(setup.rtk, [], { prune: true })).steps).toEqual([
      { action: 'delete', name: 'only', id: only.id },
    ]);
  });
});

describe('planPresets and applyPresetPlan, the edges', () => {
  it('an update keeps the fields the API has and desired leaves out (a PATCH merged over what is there)', async () => {
    const setup = countedFake();
    const body = withVideo('host', 'hd');
    body.config.livestream_viewer_qualities = [360, 720];
    const existing = await setup.other.presets.create(body);
    await applyPresetPlan(setup.rtk, await planPresets(setup.rtk, [withVideo('host', 'fhd')]));
    const after = await setup.other.presets.get(existing.id);
    expect(after.config.livestream_viewer_qualities).toEqual([360, 720]);
    expect(after.config.media.video.quality).toBe('fhd');
  });

  it('shows a field the API lacks as (absent), compares arrays whole, takes null as absent, skips undefined', async () => {
    const setup = countedFake();
    const existing = await setup.other.presets.create(presetBody('host'));
    const desired = presetBody('host');
    desired.config.media.audio = { enable_stereo: true };
    desired.config.livestream_viewer_qualities = [360];
    Object.assign(desired.config.media.video, { simulcast: undefined });
    const plan = await planPresets(setup.rtk, [desired]);
    expect(plan.steps[0]).toMatchObject({
      changes: [
        { path: 'config.media.audio', from: undefined, to: { enable_stereo: true } },
        { path: 'config.livestream_viewer_qualities', from: undefined, to: [360] },
      ],
    });
    expect(describePresetPlan(plan)).toBe(
      [
        '~ update "host"',
        '    config.media.audio: (absent) -> {"enable_stereo":true}',
        '    config.livestream_viewer_qualities: (absent) -> [360]',
      ].join('\n'),
    );
    await applyPresetPlan(setup.rtk, plan);
    expect((await planPresets(setup.rtk, [desired])).empty).toBe(true);
    desired.config.livestream_viewer_qualities = [360, 720];
    expect((await planPresets(setup.rtk, [desired])).steps[0]).toMatchObject({
      changes: [{ path: 'config.livestream_viewer_qualities', from: [360], to: [360, 720] }],
    });
    const nulls = {
      ...presetBody('host'),
      ui: undefined,
      config: { ...presetBody('host').config, livestream_viewer_qualities: null },
    };
    await setup.other.presets.update(existing.id, { config: presetBody('host').config });
    expect((await planPresets(setup.rtk, [nulls as unknown as PresetCreateBody])).empty).toBe(true);
  });

  it('skips list items without a name or an ID, and prunes a second preset of the same name', async () => {
    const setup = countedFake();
    const items = [{ id: 'a1', name: 'a' }, { id: 'a2', name: 'a' }, { id: 'no-name' }, { name: 'no-id' }];
    setup.answerSome((call) =>
      call.startsWith('GET /presets?')
        ? Response.json({ success: true, data: items, paging: { total_count: 4, start_offset: 1, end_offset: 4 } })
        : undefined,
    );
    expect((await planPresets(setup.rtk, [])).steps).toEqual([]);
    expect((await planPresets(setup.rtk, [], { prune: true })).steps).toEqual([
      { action: 'delete', name: 'a', id: 'a1' },
      { action: 'delete', name: 'a', id: 'a2' },
    ]);
  });

  it('a failure at the only write: nothing done, nothing left; the error is a PresetApplyError', async () => {
    const setup = countedFake();
    const plan = {
      steps: [{ action: 'delete' as const, name: 'x', id: '00000000-0000-4000-8000-000000000000' }],
      empty: false,
    };
    const error = await applyPresetPlan(setup.rtk, plan).catch((e: PresetApplyError) => e);
    expect(error).toMatchObject({ name: 'PresetApplyError', done: [], notDone: [] });
    expect((error as PresetApplyError).message).toContain('. Done: nothing. Not done: nothing. Nothing was retried');
  });

  it.each([
    [
      'no client to plan with',
      () => planPresets(undefined as never, []),
      'planPresets: the first argument must be a client',
    ],
    [
      'a blank name',
      () => planPresets(countedFake().rtk, [{ ...presetBody('x'), name: '  ' }]),
      'desired[0] has no name',
    ],
    [
      'null options',
      () => planPresets(countedFake().rtk, [], null as never),
      'options must be an object: { prune?, request? }',
    ],
    [
      'no client to apply with',
      () => applyPresetPlan(undefined as never, { steps: [], empty: true }),
      'applyPresetPlan: the first argument must be a client',
    ],
    [
      'no plan',
      () => applyPresetPlan(countedFake().rtk, undefined as never),
      'applyPresetPlan: plan must be what planPresets returned',
    ],
  ])('refuses %s', async (_case, call, message) => {
    const error = await rejection(call());
    expect(error).toMatchObject({ kind: 'invalid_argument', message: expect.stringContaining(message) });
  });
});
