import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { root } from './codegen/spec.mjs';
import { bumpFor, classify } from './spec-update/classify.mjs';
import { corpusCases } from './spec-update/corpus.mjs';

// The classifier against the corpus (scripts/spec-update/corpus.mjs): each kind of change at each schema position
// of today's fragment, each position written several ways. A case passes when the release is the one the change
// calls for and the changes name exactly the operations that reach the position (lists included).
const fragment = YAML.parse(readFileSync(path.join(root, 'spec/upstream/realtimekit-meetings.openapi.yaml'), 'utf8'));
const cases = corpusCases(fragment);

/** What the classifier says of one case, in the corpus's terms. */
function verdict(/** @type {{ before: any, after: any }} */ c) {
  const changes = classify(c.before, c.after);
  return {
    bump: bumpFor(changes, true),
    operations: [...new Set(changes.map((x) => x.operationId))].sort(),
  };
}

describe('spec:update classifier corpus', () => {
  it('has at least 200 cases, each touching at least one operation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.operations.length === 0).map((c) => c.name)).toEqual([]);
    // the lists are among the positions: a change to a list's items must name the list operation
    expect(
      cases.some((c) => c.operations.includes('get_all_meetings') && c.name.startsWith('realtimekit_Meeting')),
    ).toBe(true);
    expect(cases.some((c) => c.operations.includes('get_meeting_participants'))).toBe(true);
  });

  it('classifies every case: the bump the change calls for, naming every operation it touches', () => {
    const wrong = cases
      .map((c) => ({ name: c.name, expected: { bump: c.bump, operations: c.operations }, got: verdict(c) }))
      .filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.got));
    expect(wrong).toEqual([]);
  });
});

/** Replaces every `$ref` to the schema `name` with a copy of it. */
function inline(/** @type {any} */ spec, /** @type {string} */ name) {
  const target = `#/components/schemas/${name}`;
  const walk = (/** @type {any} */ node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    if (node.$ref === target) return structuredClone(spec.components.schemas[name]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return { ...spec, paths: walk(spec.paths), components: walk(spec.components) };
}

/** The list responses' `allOf` of the paging envelope and the list written as one object, as Stainless does. */
/** The two list responses split as api-schemas writes them: success and paging in a component, `data` beside it. */
function splitLists(/** @type {any} */ spec) {
  const out = structuredClone(spec);
  for (const name of ['realtimekit_GetAllMeetings', 'realtimekit_GetAllParticipants']) {
    const media = out.components.responses[name].content['application/json'];
    const { data, ...rest } = media.schema.properties;
    const required = media.schema.required ?? [];
    out.components.schemas.realtimekit_PagingResponse = {
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
  return out;
}

describe('spec:update refactor fixtures: the same meaning written another way changes nothing', () => {
  const unchanged = (/** @type {any} */ after) =>
    classify(fragment, after).filter((c) => c.breaking || /\badded\b/.test(c.change));

  it('a $ref inlined (Meeting, Participant and the paging envelope): no breaking and no added line', () => {
    let after = fragment;
    for (const name of ['realtimekit_Meeting', 'realtimekit_Participant', 'realtimekit_PagingResponse']) {
      after = inline(after, name);
    }
    expect(JSON.stringify(after.paths)).not.toContain('schemas/realtimekit_Participant');
    expect(unchanged(after)).toEqual([]);
  });

  it('the two list responses split over allOf (as api-schemas writes them): no breaking and no added line', () => {
    const after = splitLists(fragment);
    expect(JSON.stringify(after.components.responses.realtimekit_GetAllMeetings)).toContain('allOf');
    expect(unchanged(after)).toEqual([]);
  });

  it("the Stainless-prepared copy of today's fragment (cloudflare-typescript v7.1.0 scripts/mock): no breaking and no added line", () => {
    const stainless = YAML.parse(
      readFileSync(path.join(root, 'scripts/spec-update/stainless-fragment.fixture.yaml'), 'utf8'),
    );
    // written differently indeed: no allOf left in the list responses
    expect(JSON.stringify(stainless.components.responses ?? {})).not.toContain('realtimekit_PagingResponse');
    // today's fragment has every RealtimeKit path; the fixture, the meetings paths only: compared on those
    const meetingsOnly = { ...fragment, paths: stainless.paths };
    expect(classify(meetingsOnly, stainless).filter((c) => c.breaking || /\badded\b/.test(c.change))).toEqual([]);
  });

  it('a list item changed behind the paging allOf: major, naming the list (the case that was called a patch)', () => {
    const after = structuredClone(fragment);
    const participant = after.components.schemas.realtimekit_Participant;
    delete participant.properties.picture;
    participant.properties.id.type = 'integer';
    const changes = classify(fragment, after);
    expect(bumpFor(changes, true)).toBe('major');
    expect(changes.filter((c) => c.breaking).map((c) => `${c.operationId} ${c.path}`)).toContain(
      'get_meeting_participants data[].picture',
    );
  });
});
