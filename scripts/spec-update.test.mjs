import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { GenerateError, root } from './codegen/spec.mjs';
import { extractFragment, toYaml } from './spec-update/extract.mjs';
import { loadMeetingsDescription } from './spec-update/read-fragment.mjs';
import { computeUpdate, describeReport, readDescription } from './spec-update/update.mjs';
import { main } from './spec-update.mjs';

// Fixture pairs for `pnpm spec:update`: the old whole description is a stand-in for Cloudflare's (today's
// spec/upstream/ inside a document with other products' paths, components and fields, as openapi.yaml has them);
// each new one is that document with one kind of upstream change. Each asserts the classification, the bump and
// the overlay report, computed as the command computes them (extraction, overlays, generation, TypeScript check).
const UPSTREAM = path.join(root, 'spec/upstream/realtimekit-meetings.openapi.yaml');
const upstreamText = readFileSync(UPSTREAM, 'utf8');
const MEETINGS = '/accounts/{account_id}/realtime/kit/{app_id}/meetings';

function wholeDescription() {
  const fragment = YAML.parse(upstreamText);
  return {
    openapi: fragment.openapi,
    info: fragment.info,
    servers: fragment.servers,
    paths: {
      // another product's path, beside RealtimeKit's
      '/accounts/{account_id}/realtime/sfu/apps': {
        get: { operationId: 'realtimekit-apps', responses: { 200: { $ref: '#/components/responses/apps_200' } } },
      },
      ...fragment.paths,
      // a prefix of the RealtimeKit path that is not under it
      '/accounts/{account_id}/realtime/kit-archive': {
        get: { operationId: 'archive', responses: { 200: { description: 'ok' } } },
      },
      '/zones/{zone_id}': {
        get: { operationId: 'zones-get', responses: { 200: { $ref: '#/components/responses/apps_200' } } },
      },
    },
    components: {
      ...fragment.components,
      schemas: { apps_App: { type: 'object', properties: { id: { type: 'string' } } }, ...fragment.components.schemas },
      responses: {
        apps_200: {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/apps_App' } } },
        },
        ...fragment.components.responses,
      },
    },
    externalDocs: { description: 'Cloudflare Radar Documentation', url: 'https://developers.cloudflare.com/radar/' },
    security: fragment.security,
  };
}

const schemas = (/** @type {any} */ whole) => whole.components.schemas;
/** A request body's schema, by its component name. */
const body = (/** @type {any} */ whole, /** @type {string} */ name) => {
  const schema = whole.components.requestBodies[name].content['application/json'].schema;
  return schema.$ref ? whole.components.schemas[schema.$ref.split('/').pop()] : schema;
};
const op = (/** @type {any} */ whole, /** @type {string} */ id) =>
  Object.values(whole.paths)
    .flatMap((item) => Object.values(item))
    .find((o) => o?.operationId === id);

/** Renames a component of the description, every reference to it following. */
const rename = (/** @type {any} */ whole, /** @type {string} */ section, /** @type {string} */ from) => {
  const entries = whole.components[section];
  entries[`${from}_v2`] = entries[from];
  delete entries[from];
  const walk = (/** @type {any} */ node) => {
    if (typeof node !== 'object' || node === null) return;
    if (node.$ref === `#/components/${section}/${from}`) node.$ref = `#/components/${section}/${from}_v2`;
    for (const value of Object.values(node)) walk(value);
  };
  walk(whole);
};

/** Runs the update on a changed copy of the description; the report, and why it stopped if it did. */
async function update(/** @type {(whole: any) => void} */ change) {
  const whole = wholeDescription();
  change(whole);
  const { report, stopped } = await computeUpdate({ whole, source: 'fixture.json', root });
  return { ...report, stopped };
}
const find = (/** @type {any[]} */ changes, /** @type {Record<string, unknown>} */ match) =>
  changes.filter((c) => Object.entries(match).every(([k, v]) => c[k] === v));
const allNeeded = (/** @type {any[]} */ overlays) => overlays.every((o) => o.status === 'needed');

describe('extraction', () => {
  it('takes the RealtimeKit paths and exactly the components they use: today it gives spec/upstream/ byte for byte', () => {
    const fragment = extractFragment(wholeDescription());
    expect(toYaml(fragment)).toBe(upstreamText);
    expect(Object.keys(fragment)).not.toContain('externalDocs');
    expect(fragment.components.schemas).not.toHaveProperty('apps_App');
  });

  it('read on a worker thread (paths and components cut there), the extraction is the same, refusals included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rtk-worker-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(wholeDescription()));
      const { whole } = /** @type {{ whole: any }} */ (await loadMeetingsDescription(file));
      expect(Object.keys(whole.paths)).not.toContain('/zones/{zone_id}');
      expect(whole.components.schemas).not.toHaveProperty('apps_App');
      expect(toYaml(extractFragment(whole))).toBe(upstreamText);
      const hostile = wholeDescription();
      op(hostile, 'get_meeting').responses['200'] = {
        description: 'ok',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/__proto__' } } },
      };
      writeFileSync(file, JSON.stringify(hostile));
      const cut = /** @type {{ whole: any }} */ (await loadMeetingsDescription(file));
      expect(() => extractFragment(cut.whole, 'hostile.json')).toThrow(
        'unresolved $ref #/components/schemas/__proto__',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a document without RealtimeKit paths, or with a reference it cannot resolve', () => {
    expect(() => extractFragment({ openapi: '3.0.3', paths: { '/zones': {} } }, 'other.json')).toThrow(
      'has no path under /accounts/{account_id}/realtime/kit/',
    );
    const whole = wholeDescription();
    op(whole, 'get_meeting').responses['200'] = { $ref: '#/components/responses/nope' };
    expect(() => extractFragment(whole)).toThrow('unresolved $ref #/components/responses/nope');
  });
});

describe('a hostile description', () => {
  const TOKEN = `${MEETINGS}/{meeting_id}/participants/{participant_id}/token`;
  it.each([
    ['..', `${MEETINGS}/{meeting_id}/participants/{participant_id}/../../../../../../../../user/tokens`],
    ['.', `${MEETINGS}/{meeting_id}/./participants/{participant_id}/token`],
    ['', `${MEETINGS}/{meeting_id}//participants/{participant_id}/token`],
    ['%2e%2e', `${MEETINGS}/{meeting_id}/participants/%2e%2e/token`],
  ])('refuses a path template with a %j segment, naming the operation', (segment, template) => {
    const whole = wholeDescription();
    whole.paths[template] = whole.paths[TOKEN];
    delete whole.paths[TOKEN];
    let error;
    try {
      extractFragment(whole, 'hostile.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GenerateError);
    expect(String(error?.message)).toContain('regenerate_token');
    expect(String(error?.message)).toContain(`segment ${JSON.stringify(segment)}`);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a $ref to components.schemas.%s is unresolved, not a property of Object',
    (name) => {
      const whole = wholeDescription();
      op(whole, 'get_meeting').responses['200'] = {
        description: 'ok',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
      };
      expect(() => extractFragment(whole, 'hostile.json')).toThrow(`unresolved $ref #/components/schemas/${name}`);
    },
  );

  it('a $ref into components.__proto__ is unresolved too', () => {
    const whole = wholeDescription();
    op(whole, 'get_meeting').responses['200'] = { $ref: '#/components/__proto__/constructor' };
    expect(() => extractFragment(whole, 'hostile.json')).toThrow('unresolved $ref #/components/__proto__/constructor');
  });

  it('a YAML "billion laughs" is refused after a bounded number of aliases, not parsed into memory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rtk-hostile-'));
    try {
      const lines = ['openapi: 3.0.3', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const prev = String.fromCharCode(96 + i);
        const next = String.fromCharCode(97 + i);
        lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      const file = path.join(dir, 'laughs.yaml');
      writeFileSync(file, `${lines.join('\n')}\n`);
      expect(readFileSync(file).length).toBeLessThan(2048);
      await expect(readDescription(file)).rejects.toThrow(/is neither JSON nor YAML .*alias/i);
      // a description with a few aliases is still read
      writeFileSync(path.join(dir, 'few.yaml'), 'openapi: 3.0.3\nx: &x [1]\ny: *x\n');
      expect(await readDescription(path.join(dir, 'few.yaml'))).toEqual({ openapi: '3.0.3', x: [1], y: [1] });
      // the command reads on a worker thread: the same refusal, as a GenerateError naming the file
      await expect(main(['--from', file, '--dry-run'], root, () => {})).rejects.toThrow(
        new GenerateError(file, 'is neither JSON nor YAML (x)').message.replace(' (x)', ''),
      );
      await expect(main(['--from', file, '--dry-run'], root, () => {})).rejects.toBeInstanceOf(GenerateError);
      await expect(main(['--from', path.join(dir, 'missing.json'), '--dry-run'], root, () => {})).rejects.toThrow(
        /missing\.json: cannot be read \(ENOENT/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pnpm spec:update, one fixture per kind of upstream change', () => {
  it('the same description: nothing to release, every overlay still needed', async () => {
    const { bump, changes, overlays, stopped } = await update(() => {});
    expect([bump, changes, stopped]).toEqual(['none', [], undefined]);
    expect(overlays.length).toBeGreaterThan(30);
    expect(allNeeded(overlays)).toBe(true);
  });

  it('a field added to a response: minor', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.region = { type: 'string' };
    });
    expect(bump).toBe('minor');
    // the Stainless-prepared description inlines the meeting in get_meeting: the list still names the component
    expect(find(changes, { operationId: 'get_all_meetings', where: 'response 200', path: 'data[].region' })).toEqual([
      {
        operationId: 'get_all_meetings',
        where: 'response 200',
        path: 'data[].region',
        change: 'added',
        breaking: false,
      },
    ]);
    expect(changes.every((c) => !c.breaking)).toBe(true);
  });

  it('a required field added to a request body: major', async () => {
    const { bump, changes } = await update((w) => {
      body(w, 'realtimekit_AddParticipantBody').properties.email = { type: 'string' };
      body(w, 'realtimekit_AddParticipantBody').required.push('email');
    });
    expect(bump).toBe('major');
    expect(find(changes, { where: 'request body', path: 'email' })).toEqual([
      {
        operationId: 'add_participant',
        where: 'request body',
        path: 'email',
        change: 'added, required',
        breaking: true,
      },
    ]);
  });

  it('a field removed: major, wherever it was read', async () => {
    const { bump, changes } = await update((w) => {
      delete schemas(w).realtimekit_Participant.properties.picture;
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.picture' })).toEqual([
      {
        operationId: 'get_meeting_participant',
        where: 'response 200',
        path: 'data.picture',
        change: 'removed',
        breaking: true,
      },
    ]);
  });

  it('a type changed: major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.session_keep_alive_time_in_secs = { type: 'string' };
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_all_meetings', path: 'data[].session_keep_alive_time_in_secs' })).toEqual([
      expect.objectContaining({ change: 'changed type: number → string', breaking: true }),
    ]);
  });

  it('an enum value removed from a request: listed as breaking; added to a request: minor', async () => {
    const removed = await update((w) => {
      body(w, 'realtimekit_UpdateMeetingBody').properties.status.enum = ['ACTIVE'];
    });
    // generation goes on (the contract cases take a value the new enum allows): the change is listed, a major
    expect(removed.stopped).toBeUndefined();
    expect(removed.bump).toBe('major');
    expect(find(removed.changes, { operationId: 'update_meeting', where: 'request body', path: 'status' })).toEqual([
      expect.objectContaining({ change: 'enum value "INACTIVE" removed', breaking: true }),
    ]);
    const added = await update((w) => {
      const status = op(w, 'get_all_meetings').parameters.find((p) => p.name === 'status');
      status.schema.enum.push('ENDED');
    });
    expect(added.bump).toBe('minor');
    expect(added.changes).toEqual([
      {
        operationId: 'get_all_meetings',
        where: 'query',
        path: 'status',
        change: 'enum value "ENDED" added',
        breaking: false,
      },
    ]);
  });

  it('an enum value added to a response: major (a reader meets a value it does not know)', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.status.enum.push('ENDED');
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_all_meetings', path: 'data[].status' })).toEqual([
      expect.objectContaining({ change: 'enum value "ENDED" added', breaking: true }),
    ]);
    expect(find(changes, { where: 'TypeScript', path: 'Meeting' })).toHaveLength(1);
  });

  it('a response field narrowed to an enum: the spec diff says minor, the compiler says major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Participant.properties.preset_name.enum = ['group_call_host', 'group_call_participant'];
    });
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.preset_name' })).toEqual([
      expect.objectContaining({ change: 'now one of "group_call_host", "group_call_participant"', breaking: false }),
    ]);
    const compiler = find(changes, { where: 'TypeScript', path: 'Participant' });
    expect(compiler).toEqual([expect.objectContaining({ breaking: true })]);
    expect(compiler[0].change).toMatch(/^consumers may no longer compile: /);
    expect(bump).toBe('major');
  });

  it('a response field no longer required: major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Participant.required = schemas(w).realtimekit_Participant.required.filter(
        (n) => n !== 'preset_name',
      );
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.preset_name' })).toEqual([
      expect.objectContaining({ change: 'no longer required', breaking: true }),
    ]);
  });

  it('a maxLength tightened on a request: major', async () => {
    const { bump, changes } = await update((w) => {
      body(w, 'realtimekit_CreateMeetingBody').properties.title.maxLength = 100;
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'create_meeting', where: 'request body', path: 'title' })).toEqual([
      expect.objectContaining({ change: 'maxLength none → 100', breaking: true }),
    ]);
  });

  it('a query parameter renamed: the old name removed (major), the new one added', async () => {
    const { bump, changes } = await update((w) => {
      const list = op(w, 'get_all_meetings');
      list.parameters = list.parameters.map((p) =>
        p.$ref?.endsWith('realtimekit_search') ? { name: 'q', in: 'query', schema: { type: 'string' } } : p,
      );
    });
    expect(bump).toBe('major');
    expect(changes.filter((c) => c.where === 'query')).toEqual([
      { operationId: 'get_all_meetings', where: 'query', path: 'search', change: 'removed', breaking: true },
      { operationId: 'get_all_meetings', where: 'query', path: 'q', change: 'added', breaking: false },
    ]);
  });

  it('an operation added: listed as added, and it stops (release unknown) until spec/sdk.yaml names it', async () => {
    const { bump, changes, stopped } = await update((w) => {
      w.paths[`${MEETINGS}/{meeting_id}/recordings`] = {
        get: {
          operationId: 'get_meeting_recordings',
          parameters: ['account_id', 'app_id', 'meeting_id'].map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
          tags: ['Meetings'],
        },
      };
    });
    expect(bump).toBe('unknown');
    expect(changes).toEqual([
      expect.objectContaining({
        operationId: 'get_meeting_recordings',
        where: 'operation',
        change: 'added',
        breaking: false,
      }),
    ]);
    expect(stopped).toContain('operations.get_meeting_recordings is missing');
  });

  it('an operation removed: listed as breaking, and it stops (release unknown) until spec/sdk.yaml lets it go', async () => {
    const { bump, changes, stopped } = await update((w) => {
      delete w.paths[`${MEETINGS}/{meeting_id}/participants/{participant_id}`].put;
    });
    expect(bump).toBe('unknown');
    expect(changes).toEqual([
      expect.objectContaining({
        operationId: 'replace_participant',
        where: 'operation',
        change: 'removed',
        breaking: true,
      }),
    ]);
    expect(stopped).toContain('operations.replace_participant: the spec has no such operation');
  });

  it('an upstream fix that makes one of our overlays redundant: reported, and nothing changes for users', async () => {
    const { bump, changes, overlays } = await update((w) => {
      schemas(w).realtimekit_app_id.maxLength = 36;
    });
    expect([bump, changes]).toEqual(['none', []]);
    expect(overlays.filter((o) => o.status !== 'needed')).toEqual([
      {
        action: 'realtimekit-fixes.overlay.yaml action 1 ($.components.schemas.realtimekit_app_id)',
        status: 'redundant',
      },
    ]);
  });

  it('overlay targets the new description lacks, whose fixes hold without them: absent, reported, not fatal, dropped from their file', async () => {
    const whole = wholeDescription();
    // upstream drops the requirement action 4 removes
    delete body(whole, 'realtimekit_KickParticipantsBody').required;
    const {
      report: { bump, changes, overlays },
      stopped,
      writes,
    } = await computeUpdate({ whole, source: 'fixture.json', root });
    expect(stopped).toBeUndefined();
    expect(overlays.filter((o) => o.status !== 'needed')).toEqual([
      {
        action: expect.stringMatching(
          /^realtimekit-fixes\.overlay\.yaml action 4 \(\$\.components\.requestBodies\.realtimekit_KickParticipantsBody/,
        ),
        status: 'absent',
      },
    ]);
    // compared: what the action did, upstream now does itself, so the effective spec is the same
    expect([bump, changes]).toEqual(['none', []]);
    const text = describeReport({ bump, changes, overlays });
    expect(text).toContain('action 4');
    expect(text).toContain('absent, its target is not in the new description and what it fixed holds without it');
    const fixes = writes.get(path.join(root, 'spec/overlays/realtimekit-fixes.overlay.yaml')) ?? '';
    expect(fixes).not.toContain('realtimekit_KickParticipantsBody');
    expect(fixes).toContain('target: $.components.schemas.realtimekit_app_id\n'); // the others stay
  });

  it('an overlay target renamed away while the defect stays (app_id maxLength 32 under a new name): stops, naming where the fix lapsed', async () => {
    const { bump, changes, overlays, stopped } = await update((w) => rename(w, 'schemas', 'realtimekit_app_id'));
    const broken = overlays.filter((o) => o.status === 'broken');
    expect(broken).toEqual([
      {
        // our provenance note on the schema: no effect on a type, and the node it annotates is there under the new name
        action: 'annotations.overlay.yaml action 28 ($.components.schemas.realtimekit_app_id)',
        status: 'broken',
        why: 'its target matches nothing in the new description, and what it fixed is still wrong in it: the node it corrected is there at another place',
      },
      {
        action: 'realtimekit-fixes.overlay.yaml action 1 ($.components.schemas.realtimekit_app_id)',
        status: 'broken',
        why: 'its target matches nothing in the new description, and what it fixed no longer holds there: `get-org-analytics` path `app_id`: maxLength 36 → 32, `get-livestream-analytics-daywise` path `app_id`: maxLength 36 → 32, `get-livestream-analytics-complete` path `app_id`: maxLength 36 → 32 and 56 more',
      },
    ]);
    expect(stopped).toContain('nothing was changed');
    // nothing was compared, so nothing may be promised: not "none", not "Nothing changes for users"
    expect(bump).toBe('unknown');
    expect(changes).toEqual([]);
    expect(describeReport({ bump, changes, overlays })).toContain('Not compared');
    expect(describeReport({ bump, changes, overlays })).not.toContain('Nothing changes');
  });

  it('a fix whose target was renamed away with its defect (PeerReportEvent, nullable without a type): stops', async () => {
    const { bump, overlays, stopped } = await update((w) => rename(w, 'schemas', 'realtimekit_PeerReportEvent'));
    // the second action's type-bearing branch is still untyped-nullable at the new name: it lapsed, and the run stops
    const broken = overlays.filter((o) => o.status === 'broken');
    expect(broken.map((o) => o.action.replace(/ \(.*/, ''))).toEqual(['realtimekit-fixes.overlay.yaml action 8']);
    expect([bump, stopped]).toEqual(['unknown', expect.stringContaining('nothing was changed')]);
  });

  it('a change outside the RealtimeKit paths: reports nothing', async () => {
    const { bump, changes, overlays } = await update((w) => {
      schemas(w).apps_App.properties.name = { type: 'string' };
      w.paths['/zones/{zone_id}'].get.summary = 'Zone details';
    });
    expect([bump, changes, allNeeded(overlays)]).toEqual(['none', [], true]);
  });

  it('a description-only change: no change to list, a patch for the generated docs', async () => {
    const { bump, changes } = await update((w) => {
      op(w, 'get_meeting').description = 'Returns a meeting, by its ID.';
    });
    expect([bump, changes]).toEqual(['patch', []]);
  });
});

describe('pnpm spec:update, writing', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'rtk-spec-update-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('writes spec/upstream/, drops a redundant overlay action, regenerates, and writes a changeset from the report', async () => {
    for (const dir of ['spec', '.changeset']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
    for (const name of ['core', 'client', 'react', 'contract', 'mock']) {
      cpSync(path.join(root, 'packages', name, 'src'), path.join(copy, 'packages', name, 'src'), { recursive: true });
    }
    const whole = wholeDescription();
    schemas(whole).realtimekit_app_id.maxLength = 36; // upstream fixes a defect we correct
    schemas(whole).realtimekit_Meeting.properties.region = { type: 'string' }; // and adds a field
    const from = path.join(copy, 'openapi.json');
    writeFileSync(from, JSON.stringify(whole));
    const printed = [];
    const dry = await main(['--from', from, '--dry-run', '--json'], copy, (text) => printed.push(text));
    expect(dry).toBe(0);
    expect(JSON.parse(printed[0]).bump).toBe('minor');
    expect(readFileSync(path.join(copy, 'spec/upstream/realtimekit-meetings.openapi.yaml'), 'utf8')).toBe(upstreamText);

    expect(await main(['--from', from], copy, () => {})).toBe(0);
    const fixes = readFileSync(path.join(copy, 'spec/overlays/realtimekit-fixes.overlay.yaml'), 'utf8');
    expect(fixes).not.toContain('target: $.components.schemas.realtimekit_app_id\n');
    expect(fixes).toContain('# One action per upstream defect.'); // its comments kept
    expect(readFileSync(path.join(copy, 'spec/upstream/realtimekit-meetings.openapi.yaml'), 'utf8')).toContain(
      'region:',
    );
    expect(readFileSync(path.join(copy, 'packages/core/src/generated/openapi.gen.ts'), 'utf8')).toContain(
      'region?: string;',
    );
    const [changeset] = readdirSync(path.join(copy, '.changeset')).filter((n) => n.startsWith('upstream-spec-'));
    const text = readFileSync(path.join(copy, '.changeset', changeset), 'utf8');
    expect(text).toContain('"@realtimekit-meetings/client": minor');
    expect(text).toContain('- `get_all_meetings` response 200 `data[].region`: added');
    expect(text).toContain(
      'realtimekit-fixes.overlay.yaml action 1 ($.components.schemas.realtimekit_app_id): redundant',
    );
  });

  it('a stopped run prints "not compared", gives bump unknown and writes no changeset; no machine path anywhere', async () => {
    for (const dir of ['spec', '.changeset']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
    const whole = wholeDescription();
    rename(whole, 'schemas', 'realtimekit_app_id'); // breaks an overlay action: its target gone, its defect not
    const from = path.join(copy, 'broken.json');
    writeFileSync(from, JSON.stringify(whole));
    const changesets = () => readdirSync(path.join(copy, '.changeset')).sort();
    const before = changesets();
    const json = [];
    expect(await main(['--from', from, '--json'], copy, (text) => json.push(text))).toBe(1);
    expect(JSON.parse(json[0])).toMatchObject({ bump: 'unknown', changes: [] });
    const printed = [];
    expect(await main(['--from', from], copy, (text) => printed.push(text))).toBe(1);
    const text = printed.join('\n');
    expect(text).toContain('not compared');
    expect(text).toContain('Not compared');
    expect(text).not.toContain('Nothing changes for users');
    expect(changesets()).toEqual(before);
    // the report names files as the repository does, never by this machine's folders
    expect(text.replaceAll(from, '')).not.toContain(copy);
    for (const name of changesets().filter((n) => n.startsWith('upstream-spec-'))) {
      expect(readFileSync(path.join(copy, '.changeset', name), 'utf8')).not.toContain(tmpdir());
    }
  });

  it('the command line (a child process, with the TypeScript load hook) reports what main reports', async () => {
    const whole = wholeDescription();
    schemas(whole).realtimekit_Meeting.properties.region = { type: 'string' };
    const from = path.join(copy, 'cli.json');
    writeFileSync(from, JSON.stringify(whole));
    const args = ['--from', from, '--dry-run', '--json'];
    const cli = spawnSync(process.execPath, [path.join(root, 'scripts/spec-update.mjs'), ...args], {
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const printed = [];
    expect(await main(args, root, (text) => printed.push(text))).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(printed[0]));
    expect(JSON.parse(cli.stdout).bump).toBe('minor');
    // the hook hands ESM importers TypeScript as require loads it: its default export only, the whole API in it
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { register } from 'node:module';
        register('./spec-update/typescript-hook.mjs', ${JSON.stringify(pathToFileURL(path.join(root, 'scripts/x.mjs')).href)});
        const ns = await import('typescript');
        console.log(JSON.stringify([Object.keys(ns), typeof ns.default.createProgram]));`,
      ],
      { cwd: path.join(root, 'scripts'), encoding: 'utf8' },
    );
    expect(JSON.parse(probe.stdout)).toEqual([['default'], 'function']);
  }, 60_000); // two whole runs, on a machine the other suites share

  it('refuses a missing --from and unknown flags with the usage', async () => {
    expect(await main([], copy)).toBe(2);
    expect(await main(['--from', 'x', '--force'], copy)).toBe(2);
  });
});
