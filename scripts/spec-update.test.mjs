import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GenerateError, root } from './codegen/spec.mjs';
import { componentsReached } from './spec-update/components-reached.mjs';
import { extractFragment, toYaml } from './spec-update/extract.mjs';
import { MEETINGS, op, rename, schemas, upstreamText, wholeDescription } from './spec-update/fixture-description.mjs';
import { loadMeetingsDescription } from './spec-update/read-fragment.mjs';
import { readDescription } from './spec-update/update.mjs';
import { main } from './spec-update.mjs';

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
  it('a schema nested 100,000 deep, or a chain of 100,000 references, is followed without overflowing the stack', () => {
    let deep = /** @type {any} */ ({ $ref: '#/components/schemas/c0' });
    for (let i = 0; i < 100_000; i++) deep = { items: deep };
    /** @type {Record<string, any>} */
    const schemas = {};
    for (let i = 0; i < 100_000; i++)
      schemas[`c${i}`] = { properties: { next: { $ref: `#/components/schemas/c${i + 1}` } } };
    schemas.c100000 = { type: 'string' };
    const unfollowed = /** @type {string[]} */ ([]);
    const reached = componentsReached({ schemas }, { schema: deep }, (ref) => unfollowed.push(ref));
    expect([reached.size, reached.get('#/components/schemas/c100000'), unfollowed]).toEqual([
      100_001,
      ['schemas', 'c100000'],
      [],
    ]);
  });

  it('a reference is followed by own properties only, ~1 and ~0 decoded; what cannot be followed is told, and why', () => {
    const components = { schemas: { 'a/b~c': { type: 'string' }, Inner: { type: 'string' } } };
    const refs = [
      '#/components/schemas/a~1b~0c',
      '#/components/schemas/__proto__',
      '#/components/schemas/toString',
      '#/components/__proto__/x',
      '#/definitions/x',
      'other.yaml#/components/schemas/x',
    ];
    const unfollowed = /** @type {string[]} */ ([]);
    // a property named `$ref` whose value is no string is a value like any other: what it holds is followed
    const named = { properties: { $ref: { $ref: '#/components/schemas/Inner' } } };
    const reached = componentsReached(components, [...refs.map(($ref) => ({ $ref })), named], (ref, why) =>
      unfollowed.push(`${why} ${ref}`),
    );
    expect([...reached]).toEqual([
      ['#/components/schemas/a~1b~0c', ['schemas', 'a/b~c']],
      ['#/components/schemas/Inner', ['schemas', 'Inner']],
    ]);
    expect(unfollowed).toEqual([
      'unresolved #/components/schemas/__proto__',
      'unresolved #/components/schemas/toString',
      'unresolved #/components/__proto__/x',
      'unsupported #/definitions/x',
      'unsupported other.yaml#/components/schemas/x',
    ]);
  });

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
