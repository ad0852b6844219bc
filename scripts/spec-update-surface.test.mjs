import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { operationTable } from '../packages/core/src/generated/operations.gen.ts';
import { root } from './codegen/spec.mjs';
import { coreFiles, operationIds, surfaceBreaks } from './spec-update/surface-check.mjs';
import { computeUpdate } from './spec-update/update.mjs';

const MEETINGS = '/accounts/{account_id}/realtime/kit/{app_id}/meetings';
const core = coreFiles(root);

describe('spec:update compiler check', () => {
  it('the same core: no change', () => {
    expect(surfaceBreaks(core, core)).toEqual([]);
  });

  it('a diagnostic inside a hand-written core file is that file’s, not the type checked on the same line', () => {
    // the broken line is line 4 of operation-types.ts, the line where check.ts checks its first exported type
    const broken = (/** @type {string} */ file) => {
      const text = core(file);
      if (file !== 'operation-types.ts') return text;
      const lines = text.split('\n');
      lines.splice(3, 0, "export type Broken = import('./generated/openapi.gen').components['schemas']['nope'];");
      return lines.join('\n');
    };
    const changes = surfaceBreaks(core, broken);
    expect(changes).toEqual([
      expect.objectContaining({ where: 'TypeScript', path: 'packages/core/src/operation-types.ts', breaking: true }),
    ]);
    expect(changes[0].change).toMatch(/^does not compile: /);
    // no machine path in what becomes a changeset
    expect(JSON.stringify(changes)).not.toContain(tmpdir());
  });

  it('reads every operation ID of operations.gen.ts however it is formatted, and refuses a file without the table', () => {
    expect(operationIds(core('generated/operations.gen.ts'))).toEqual(Object.keys(operationTable));
    const quoted = 'export const operationTable = {\n  "a_b": {\n  },\n  \'c-d\': {},\n  e: {},\n} as const;\n';
    expect(operationIds(quoted)).toEqual(['a_b', 'c-d', 'e']);
    expect(() => operationIds('export const other = {};\n')).toThrow(/no `export const operationTable/);
  });

  it('checks each operation’s own request and response types, naming the operation (stop_livestreaming has no named type)', async () => {
    const whole = YAML.parse(
      (await import('node:fs')).readFileSync(`${root}/spec/upstream/realtimekit-meetings.openapi.yaml`, 'utf8'),
    );
    const stop = whole.paths[`${MEETINGS}/{meeting_id}/active-livestream/stop`].post;
    stop.responses['200'].content['application/json'].schema.properties.data.properties.message.type = 'number';
    const { report, stopped } = await computeUpdate({ whole, source: 'changed.json', root });
    expect(stopped).toBeUndefined();
    expect(report.bump).toBe('major');
    expect(report.changes).toContainEqual(
      expect.objectContaining({ operationId: 'stop_livestreaming', where: 'TypeScript response', breaking: true }),
    );
  });

  it('the list responses split over allOf with a paging component (as api-schemas writes them): nothing breaks (Paging is derived)', async () => {
    const whole = YAML.parse(
      (await import('node:fs')).readFileSync(`${root}/spec/upstream/realtimekit-meetings.openapi.yaml`, 'utf8'),
    );
    // the Stainless-prepared upstream writes each list flat; api-schemas puts success and paging in a component
    for (const name of ['realtimekit_GetAllMeetings', 'realtimekit_GetAllParticipants']) {
      const media = whole.components.responses[name].content['application/json'];
      const { data, ...rest } = media.schema.properties;
      const required = media.schema.required ?? [];
      // as our fix 5 leaves `success` where it is written today (in a component no action targets any more)
      rest.success = { ...rest.success, enum: [true] };
      whole.components.schemas.realtimekit_PagingResponse = {
        type: 'object',
        properties: rest,
        required: required.filter((/** @type {string} */ n) => n !== 'data'),
      };
      media.schema = {
        allOf: [
          { $ref: '#/components/schemas/realtimekit_PagingResponse' },
          { type: 'object', properties: { data }, ...(required.includes('data') ? { required: ['data'] } : {}) },
        ],
      };
    }
    expect(JSON.stringify(whole.paths[MEETINGS])).toContain('realtimekit_GetAllMeetings');
    const { report, stopped } = await computeUpdate({ whole, source: 'flattened.json', root });
    expect(stopped).toBeUndefined();
    expect(report.changes.filter((c) => c.breaking || /\badded\b/.test(c.change))).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(root);
    expect(JSON.stringify(report)).not.toContain(tmpdir());
  });
});
