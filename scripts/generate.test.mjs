import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractCases } from './codegen/contract-cases.mjs';
import { formatted } from './codegen/format.mjs';
import { deref, forEachRef, refPath, resolveAll } from './codegen/ref.mjs';
import { buildSurface } from './codegen/surface.mjs';
import { drift, GenerateError, generate, paths, root } from './generate.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'rtk-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const upstreamText = readFileSync(paths.upstream, 'utf8');
let cases = 0;

const namingText = readFileSync(paths.naming, 'utf8');

/** Writes an upstream variant, an overlays folder and a naming source; returns the inputs for generate(). */
function inputs({ upstream = upstreamText, overlay, naming = namingText } = {}) {
  const dir = path.join(work, `case-${++cases}`);
  cpSync(paths.overlays, path.join(dir, 'overlays'), { recursive: true });
  if (overlay !== undefined) writeFileSync(path.join(dir, 'overlays', 'zz-extra.overlay.yaml'), overlay);
  writeFileSync(path.join(dir, 'upstream.yaml'), upstream);
  writeFileSync(path.join(dir, 'sdk.yaml'), naming);
  return {
    upstream: path.join(dir, 'upstream.yaml'),
    overlays: path.join(dir, 'overlays'),
    naming: path.join(dir, 'sdk.yaml'),
  };
}

function replaceOnce(text, from, to) {
  expect(text.includes(from), `fixture text not found: ${from}`).toBe(true);
  return text.replace(from, to);
}

async function generateError(input) {
  const error = await generate(input).then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(GenerateError);
  return error.message;
}

describe('generate', () => {
  it('reproduces the committed files byte for byte', async () => {
    const first = await generate();
    const second = await generate();
    expect([...second.entries()]).toEqual([...first.entries()]);
    expect(drift(first)).toEqual([]);
    for (const content of first.values()) expect(content).toMatch(/Do not edit/);
  });

  it('formats generated TypeScript with Biome, so --check compares formatted text', async () => {
    const files = await generate();
    // what is written is already what Biome would write
    const typescript = new Map([...files].filter(([file]) => file.endsWith('.ts')));
    expect([...formatted(typescript)]).toEqual([...typescript]);
    expect(formatted(new Map([['/x/a.ts', 'const  a = {b:"c"}\n']]))).toEqual(
      new Map([['/x/a.ts', "const a = { b: 'c' };\n"]]),
    );
    // and a hand-written generated file that is only formatted differently is drift
    const meetings = path.join(root, 'packages/client/src/generated/meetings.gen.ts');
    const unformatted = new Map(files).set(
      meetings,
      /** @type {string} */ (files.get(meetings)).replace(/\n {4}/g, '\n  '),
    );
    expect(drift(unformatted)).toEqual(['packages/client/src/generated/meetings.gen.ts']);
    // the client and react files keep to the line width, comments included
    for (const [file, content] of files) {
      if (!/packages\/(client|react)\//.test(file)) continue;
      const longest = Math.max(...content.split('\n').map((line) => line.length));
      expect(longest, path.relative(root, file)).toBeLessThanOrEqual(120);
    }
  });

  it('writes one client file and one query and mutation options file per resource; each call shows verb and path', async () => {
    const files = await generate();
    const names = (/** @type {string} */ pkg) =>
      [...files.keys()]
        .filter((file) => file.includes(`/packages/${pkg}/src/generated/`))
        .map((file) => path.basename(file));
    expect(names('client').sort()).toEqual([
      'active-session.gen.ts',
      'analytics.gen.ts',
      'apps.gen.ts',
      'livestreams.gen.ts',
      'meetings.gen.ts',
      'participants.gen.ts',
      'presets.gen.ts',
      'recordings.gen.ts',
      'resource-clients.gen.ts',
      'resources.gen.ts',
      'sessions.gen.ts',
      'webhooks.gen.ts',
    ]);
    expect(names('react')).toEqual(
      expect.arrayContaining(['meetings-queries.gen.ts', 'meetings-mutations.gen.ts', 'participants-queries.gen.ts']),
    );
    const meetings = /** @type {string} */ (
      files.get(path.join(root, 'packages/client/src/generated/meetings.gen.ts'))
    );
    // as one line, however the formatter broke it
    const flat = meetings.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
    expect(flat).toContain(
      "return this.client.call('get_meeting', 'GET', '/meetings/{meeting_id}', { params: { meeting_id: meetingId } }, options);",
    );
    expect(flat).toContain("return this.client.page('get_all_meetings', 'GET', '/meetings', { query }, options);");
    expect(meetings).toContain("import type { ApiClient } from '../internal/api-client';");
    // the account's own operations are outside any app: the call names the whole path, and get takes the app's ID
    const apps = /** @type {string} */ (files.get(path.join(root, 'packages/client/src/generated/apps.gen.ts')))
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/,? \)/g, ')');
    expect(apps).toContain(
      "return this.client.page('get_apps', 'GET', '/accounts/{account_id}/realtime/kit/apps', { query }, options);",
    );
    expect(apps).toContain(
      "return this.client.call('get_app', 'GET', '/accounts/{account_id}/realtime/kit/apps/{app_id}', { params: { app_id: appId } }, options);",
    );
  });

  it('reports drift when a generated file differs or is missing', async () => {
    const files = await generate();
    const [firstFile, firstContent] = [...files.entries()][1];
    files.set(firstFile, `${firstContent}\n// edited by hand`);
    files.set(path.join(paths.generated, 'new.gen.ts'), 'export {};\n');
    expect(drift(files)).toEqual([path.relative(root, firstFile), 'packages/core/src/generated/new.gen.ts']);
  });

  it('applies every overlay action: app_id accepts a 36-character UUID', async () => {
    const files = await generate();
    const effective = files.get(paths.effective);
    expect(effective).toMatch(/realtimekit_app_id:\n(?:.*\n)*?\s+maxLength: 36/);
    expect(upstreamText).toMatch(/realtimekit_app_id:\n(?:.*\n)*?\s+maxLength: 32/);
  });

  it('stops on invalid YAML, naming the file and the line', async () => {
    const input = inputs({ upstream: replaceOnce(upstreamText, 'paths:\n', 'paths:\n  - [\n') });
    const message = await generateError(input);
    expect(message).toContain(path.basename(input.upstream));
    expect(message).toMatch(/invalid YAML: .*line \d+/);
  });

  it("puts an array query parameter's explode: false into core's routes and at the call; stops on a style it cannot send", async () => {
    const files = await generate();
    const operations = /** @type {string} */ (
      files.get(path.join(root, 'packages/core/src/generated/operations.gen.ts'))
    );
    expect(operations).toContain("get_all_recordings: ['GET', '/recordings', 0, ['status']],");
    expect(operations).toContain("get_all_meetings: ['GET', '/meetings', 0],");
    const recordings = /** @type {string} */ (
      files.get(path.join(root, 'packages/client/src/generated/recordings.gen.ts'))
    ).replace(/\s+/g, ' ');
    expect(recordings).toContain(
      "this.client.page('get_all_recordings', 'GET', '/recordings', { query }, options, ['status'])",
    );
    const piped = inputs({
      upstream: replaceOnce(
        upstreamText,
        '      explode: false\n',
        '      explode: false\n      style: pipeDelimited\n',
      ),
    });
    expect(await generateError(piped)).toContain(
      'query parameter status has style pipeDelimited; the client sends form only',
    );
  });

  it('stops on a structurally invalid spec, naming the file and the node', async () => {
    const input = inputs({
      upstream: replaceOnce(
        upstreamText,
        '    realtimekit_AIConfig:\n      description: The AI Config allows you to customize the behavior of meeting transcriptions and summaries\n      type: object',
        '    realtimekit_AIConfig:\n      description: broken\n      type: 42',
      ),
    });
    const message = await generateError(input);
    expect(message).toContain(path.basename(input.upstream));
    expect(message).toContain('invalid spec');
    expect(message).toContain('#/components/schemas/realtimekit_AIConfig/type');
  });

  it('stops on an unresolved $ref and on duplicate operationIds', async () => {
    const badRef = inputs({
      upstream: upstreamText.replace("responses/realtimekit_GetAllMeetings'", "responses/Nope'"),
    });
    expect(await generateError(badRef)).toMatch(/invalid spec:[\s\S]*resolve \$ref/);
    const dup = inputs({
      upstream: replaceOnce(upstreamText, 'operationId: replace_participant', 'operationId: get_all_meetings'),
    });
    expect(await generateError(dup)).toContain('operationId get_all_meetings is used twice');
  });

  it('stops when an overlay action targets nothing, naming the overlay file and the action', async () => {
    const overlay = `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.realtimekit_DoesNotExist
    description: a defect that is not there
    update: { maxLength: 1 }
`;
    const message = await generateError(inputs({ overlay }));
    expect(message).toContain('zz-extra.overlay.yaml');
    expect(message).toContain('action 1 ($.components.schemas.realtimekit_DoesNotExist) changed nothing');
  });

  it('stops when upstream already carries a fix, so the overlay is revisited rather than kept blindly', async () => {
    const fixedUpstream = replaceOnce(
      upstreamText,
      '      maxLength: 32\n    realtimekit_',
      '      maxLength: 36\n    realtimekit_',
    );
    const message = await generateError(inputs({ upstream: fixedUpstream }));
    expect(message).toContain('realtimekit-fixes.overlay.yaml');
    expect(message).toContain('action 1 ($.components.schemas.realtimekit_app_id) changed nothing');
  });

  it('refuses an overlay action without a description of its defect', async () => {
    const overlay = `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.info
    update: { title: x }
`;
    expect(await generateError(inputs({ overlay }))).toContain('needs a description');
  });

  it('stops on an operation without a name, naming the operation and showing the entry to add', async () => {
    const naming = replaceOnce(
      namingText,
      '  get_meeting:\n    method: meetings.get\n',
      '  get_meeting_gone:\n    method: meetings.get\n',
    );
    const message = await generateError(inputs({ naming }));
    expect(message).toContain('sdk.yaml: operations.get_meeting is missing: every operation needs a name');
  });

  it('stops on a name without an operation, and on two operations with one method', async () => {
    const orphan = `${namingText}  get_recordings:\n    method: recordings.list\n    hook: useRecordings\n`;
    expect(await generateError(inputs({ naming: orphan }))).toContain(
      'operations.get_recordings: the spec has no such operation (renamed or removed upstream?)',
    );
    const twice = replaceOnce(namingText, 'method: meetings.replace', 'method: meetings.update');
    expect(await generateError(inputs({ naming: twice }))).toMatch(
      /method meetings\.update is already (update|replace)_meeting's/,
    );
  });

  it('stops on a list that takes page_no and per_page without saying whether it pages, and on items that are no list', async () => {
    const silent = replaceOnce(namingText, '    paginated: { hook: useInfiniteSessions, items: sessions }\n', '');
    expect(await generateError(inputs({ naming: silent }))).toContain(
      'operations.GetSessions takes page_no and per_page: give it paginated: { hook: useInfiniteSomething }',
    );
    const wrong = replaceOnce(namingText, 'items: sessions }', 'items: session }');
    expect(await generateError(inputs({ naming: wrong }))).toContain(
      'operations.GetSessions.paginated: its `data.session` is not a list',
    );
  });

  it("stops on a refetch whose item IDs neither the mutation's path nor its body gives", async () => {
    const naming = replaceOnce(
      namingText,
      '    hook: useCreateMeeting\n    cache: created\n',
      '    hook: useCreateMeeting\n    cache: created\n    invalidates: [GetActiveSession]\n',
    );
    expect(await generateError(inputs({ naming }))).toContain(
      "operations.create_meeting.invalidates: GetActiveSession's path IDs (meeting_id) come from neither its path nor its body",
    );
    // an item of another resource is not the mutation's: a recording's ID would never match a meeting's
    const other = replaceOnce(
      namingText,
      '    cache: updated\n    invalidates: [get_active_recording]\n',
      '    cache: updated\n    invalidates: [get_active_recording, get_meeting]\n',
    );
    expect(await generateError(inputs({ naming: other }))).toContain(
      "operations.pause_resume_stop_recording.invalidates: get_meeting's path IDs (meeting_id) come from neither its path nor its body, and its items are no recordings",
    );
  });

  it('refetches a read whose ID the body gives, a paged list by its lists key', async () => {
    const naming = replaceOnce(
      namingText,
      '    invalidates: [get_active_recording]\n    types: { body: RecordingStartBody',
      '    invalidates: [get_active_recording, get_meeting_participants]\n    types: { body: RecordingStartBody',
    );
    const files = await generate(inputs({ naming }));
    const hook = [...files].find(([file]) => file.endsWith('use-start-recording.gen.ts'))?.[1];
    expect(hook).toContain('{ meeting_id: meetingId }');
    expect(hook).toContain('keys.activeRecordingOf(scope, meetingId)');
    expect(hook).toContain('keys.participantLists(scope, meetingId)');
  });

  it('stops when one type name would mean two different schemas', async () => {
    const naming = replaceOnce(
      namingText,
      'types: { result: DeletedParticipant }',
      'types: { result: MeetingDetails }',
    );
    expect(await generateError(inputs({ naming }))).toMatch(
      /MeetingDetails is already .*, a different schema: give this result its own name/,
    );
  });

  it('--check passes on the committed tree and refuses unknown flags', () => {
    const script = path.join(import.meta.dirname, 'generate.mjs');
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toMatch(/match the spec/);
    const bad = spawnSync(process.execPath, [script, '--chek'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--chek'");
    expect(bad.stderr).toContain('usage: pnpm generate [--check]');
  });

  it('--check fails with "run pnpm generate and commit" on a copy whose generated file was edited', () => {
    const copy = path.join(work, 'repo');
    cpSync(path.join(root, 'spec'), path.join(copy, 'spec'), { recursive: true });
    // the formatter: the repository's Biome and its settings
    cpSync(path.join(root, 'biome.json'), path.join(copy, 'biome.json'));
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
    cpSync(paths.generated, path.join(copy, 'packages/core/src/generated'), { recursive: true });
    cpSync(path.join(import.meta.dirname, 'generate.mjs'), path.join(copy, 'scripts/generate.mjs'));
    cpSync(path.join(import.meta.dirname, 'codegen'), path.join(copy, 'scripts/codegen'), { recursive: true });
    symlinkSync(path.join(import.meta.dirname, 'node_modules'), path.join(copy, 'scripts/node_modules'));
    const edited = path.join(copy, 'packages/core/src/generated/operations.gen.ts');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('successStatus: 201', 'successStatus: 200'));
    const run = spawnSync(process.execPath, [path.join(copy, 'scripts/generate.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('packages/core/src/generated/operations.gen.ts');
    expect(run.stderr).toContain('run pnpm generate and commit');
  });
});

describe('contract cases (codegen/contract-cases.mjs): where each ID a case reads with comes from', () => {
  const app = '/accounts/{account_id}/realtime/kit/{app_id}';
  const scope = ['account_id', 'app_id'].map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const id = (/** @type {string} */ name) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const answer = (/** @type {object} */ data) => ({
    200: {
      description: 'OK',
      content: { 'application/json': { schema: { type: 'object', properties: { data } } } },
    },
  });
  const str = { type: 'string' };
  const turn = { type: 'object', properties: { id: str, started_at: str, ended_at: str } };
  const badge = { type: 'object', properties: { id: str, created_at: str, name: str } };
  /** A room lists its members (with their peers' events when asked); a peer and a turn are read by ID only. */
  const spec = {
    openapi: '3.0.3',
    info: { title: 'fixture', version: '1' },
    paths: {
      // read before what holds its ID, in the spec's order and in the cases' ranking alike
      [`${app}/peers/{peer-id}`]: {
        get: {
          operationId: 'get_peer',
          parameters: [...scope, id('peer-id')],
          responses: answer({ type: 'object', properties: { id: str } }),
        },
      },
      [`${app}/turns/{turn_id}`]: {
        get: { operationId: 'get_turn', parameters: [...scope, id('turn_id')], responses: answer(turn) },
      },
      [`${app}/rooms`]: {
        get: {
          operationId: 'list_rooms',
          parameters: scope,
          // a room's widgets have every field of a badge: not named for it, they give no badge ID
          responses: answer({
            type: 'array',
            items: { type: 'object', properties: { id: str, widgets: { type: 'array', items: badge } } },
          }),
        },
      },
      [`${app}/badges/{badge_id}`]: {
        get: { operationId: 'get_badge', parameters: [...scope, id('badge_id')], responses: answer(badge) },
      },
      // each holds the other's ID, and nothing else provides either
      [`${app}/cats/{cat_id}`]: {
        get: {
          operationId: 'get_cat',
          parameters: [...scope, id('cat_id')],
          responses: answer({ type: 'object', properties: { id: str, dog_id: str } }),
        },
      },
      [`${app}/dogs/{dog_id}`]: {
        get: {
          operationId: 'get_dog',
          parameters: [...scope, id('dog_id')],
          responses: answer({ type: 'object', properties: { id: str, cat_id: str } }),
        },
      },
      [`${app}/rooms/{room_id}`]: {
        get: {
          operationId: 'get_room',
          parameters: [...scope, id('room_id')],
          responses: answer({
            type: 'object',
            properties: {
              id: str,
              turns: { type: 'array', items: { ...turn, properties: { ...turn.properties, by: str } } },
            },
          }),
        },
      },
      [`${app}/rooms/{room_id}/members`]: {
        get: {
          operationId: 'list_members',
          parameters: [
            ...scope,
            id('room_id'),
            { name: 'include_peer_events', in: 'query', schema: { type: 'boolean' } },
            { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
          ],
          responses: answer({
            type: 'object',
            properties: {
              members: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: str,
                    peer_events: { type: 'array', items: { type: 'object', properties: { peer_id: str } } },
                  },
                },
              },
            },
          }),
        },
      },
    },
  };
  const naming = {
    operations: Object.fromEntries(
      ['get_peer', 'get_turn', 'list_rooms', 'get_badge', 'get_cat', 'get_dog', 'get_room', 'list_members'].map(
        (op) => [
          op,
          {
            method: `things.${op.replace(/_(\w)/g, (_, c) => c.toUpperCase())}`,
            hook: `use${op.replace(/(^|_)(\w)/g, (_, _u, c) => c.toUpperCase())}`,
          },
        ],
      ),
    ),
  };

  it('finds an ID by its name in an answer (turning on its include_ gate) or by the shape of what it reads', () => {
    const surface = buildSurface(spec, naming, { spec: 'fixture.yaml', naming: 'sdk.yaml' });
    const { valid, invalid } = contractCases(spec, surface, 'sdk.yaml');
    const byId = Object.fromEntries(valid.map((c) => [c.operationId, c]));
    // `peer_id` under `peer_events`, which the members' read sends include_peer_events=true for; its refusals do not
    expect(byId.list_members.finds).toEqual({ peerId: 'data.members[].peer_events[].peer_id' });
    expect(byId.list_members.input).toEqual({ query: { include_peer_events: true } });
    const refused = invalid.filter((c) => c.operationId === 'list_members');
    expect(refused.map((c) => c.input)).toEqual([{ query: { order: 'NOT_A_VALUE' } }]);
    // a room's turns have every field a turn's read answers, an `id` among them
    expect(byId.get_room.finds).toEqual({ turnId: 'data.turns[].id' });
    expect(byId.list_rooms.learns).toBe('roomId');
    // the widgets have a badge's every field, but are not badges
    expect(valid.filter((c) => c.finds?.badgeId)).toEqual([]);
    // each case after the one that provides its ID, though the spec and the ranking put it first
    const order = valid.map((c) => c.operationId);
    expect(order.indexOf('get_peer')).toBeGreaterThan(order.indexOf('list_members'));
    expect(order.indexOf('get_turn')).toBeGreaterThan(order.indexOf('get_room'));
    expect(order.indexOf('get_room')).toBeGreaterThan(order.indexOf('list_rooms'));
    // two that find each other's ID: both kept, in the spec's order (the run skips the first, having no ID yet)
    expect(byId.get_cat.finds).toEqual({ dogId: 'data.dog_id' });
    expect(byId.get_dog.finds).toEqual({ catId: 'data.cat_id' });
    expect(order.indexOf('get_dog')).toBeGreaterThan(order.indexOf('get_cat'));
    expect(order).toHaveLength(8);
  });

  it('puts a case after every provider of the IDs it reads with, whichever comes last', () => {
    // a turn's host: its turn ID found early (a room's turns), its host ID late (in a room's turn, after it in the spec)
    const withHosts = {
      ...spec,
      paths: {
        [`${app}/turns/{turn_id}/hosts/{host_id}`]: {
          get: {
            operationId: 'get_turn_host',
            parameters: [...scope, id('turn_id'), id('host_id')],
            responses: answer({ type: 'object', properties: { id: str } }),
          },
        },
        ...spec.paths,
        [`${app}/rooms/{room_id}/turns/{turn_id}`]: {
          get: {
            operationId: 'get_room_turn',
            parameters: [...scope, id('room_id'), id('turn_id')],
            responses: answer({ type: 'object', properties: { ...turn.properties, host_id: str } }),
          },
        },
      },
    };
    const names = {
      operations: {
        ...naming.operations,
        get_turn_host: { method: 'things.getTurnHost', hook: 'useTurnHost' },
        get_room_turn: { method: 'things.getRoomTurn', hook: 'useRoomTurn' },
      },
    };
    const surface = buildSurface(withHosts, names, { spec: 'fixture.yaml', naming: 'sdk.yaml' });
    const { valid } = contractCases(withHosts, surface, 'sdk.yaml');
    const order = valid.map((c) => c.operationId);
    expect(valid.find((c) => c.operationId === 'get_room_turn')?.finds).toEqual({ hostId: 'data.host_id' });
    expect(order.indexOf('get_turn_host')).toBeGreaterThan(order.indexOf('get_room'));
    expect(order.indexOf('get_turn_host')).toBeGreaterThan(order.indexOf('get_room_turn'));
  });

  it('names an ID below another parent for that parent; the resource named for the ID keeps the plain name', () => {
    const member = (/** @type {string} */ operationId, /** @type {string} */ parent) => ({
      get: {
        operationId,
        parameters: [...scope, id(parent), id('member_id')],
        responses: answer({ type: 'object', properties: { id: str } }),
      },
    });
    // first in the spec: a turn's member, in a resource not named for members
    const withMembers = {
      ...spec,
      paths: {
        [`${app}/turns/{turn_id}/members/{member_id}`]: member('get_turn_member', 'turn_id'),
        ...spec.paths,
        [`${app}/rooms/{room_id}/members/{member_id}`]: member('get_member', 'room_id'),
      },
    };
    const names = {
      operations: {
        ...naming.operations,
        get_turn_member: { method: 'things.getTurnMember', hook: 'useTurnMember' },
        get_member: { method: 'members.get', hook: 'useMember' },
      },
    };
    const surface = buildSurface(withMembers, names, { spec: 'fixture.yaml', naming: 'sdk.yaml' });
    const params = Object.fromEntries(
      contractCases(withMembers, surface, 'sdk.yaml').valid.map((c) => [c.operationId, c.params]),
    );
    expect(params.get_member).toEqual({ room_id: 'roomId', member_id: 'memberId' });
    expect(params.get_turn_member).toEqual({ turn_id: 'turnId', member_id: 'turnMemberId' });
    // list_members learns the room's members' IDs, the plain name
    expect(
      contractCases(withMembers, surface, 'sdk.yaml').valid.find((c) => c.operationId === 'list_members')?.learns,
    ).toBe('memberId');
  });
});

describe('$ref resolution (codegen/ref.mjs), the one every script uses', () => {
  const spec = {
    components: {
      schemas: {
        'a/b~c': { type: 'string' },
        Alias: { $ref: '#/components/schemas/a~1b~0c' },
        Loop: { $ref: '#/components/schemas/Loop' },
        Tree: { type: 'object', description: 'x', properties: { child: { $ref: '#/components/schemas/Tree' } } },
      },
    },
  };

  it('decodes ~1 and ~0, follows a chain of references, and names what it cannot resolve', () => {
    expect(refPath('#/components/schemas/a~1b~0c', 'f')).toEqual(['components', 'schemas', 'a/b~c']);
    expect(deref(spec, { $ref: '#/components/schemas/Alias' }, 'f')).toEqual({ type: 'string' });
    expect(deref(spec, { type: 'number' }, 'f')).toEqual({ type: 'number' });
    expect(() => deref(spec, { $ref: '#/components/schemas/Nope' }, 'f')).toThrow(
      'unresolved $ref #/components/schemas/Nope',
    );
    expect(() => deref(spec, { $ref: 'other.yaml#/x' }, 'f')).toThrow('external $ref not supported');
    expect(() => deref(spec, { $ref: '#/components/schemas/Loop' }, 'f')).toThrow('refers to itself');
  });

  it('resolves a whole schema, marking a reference back into itself, and visits every reference', () => {
    const tree = resolveAll(spec, { $ref: '#/components/schemas/Tree' }, 'f', (key) => key !== 'description');
    expect(tree).toEqual({ type: 'object', properties: { child: { $circular: '#/components/schemas/Tree' } } });
    const refs = [];
    forEachRef(spec.components.schemas, (ref) => refs.push(ref));
    expect(refs).toEqual(['#/components/schemas/a~1b~0c', '#/components/schemas/Loop', '#/components/schemas/Tree']);
  });
});
