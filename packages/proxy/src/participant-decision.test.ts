import { openapiDocument } from '@realtimekit-meetings/mock/openapi';
import { describe, expect, it, vi } from 'vitest';
import { browserRequest, MEETING, PARTICIPANT, proxyWith } from '../test-support/setup';
import { resolveRef } from '../test-support/spec';
import { PARTICIPANT_BODY_PROPERTIES, PARTICIPANT_OPERATIONS } from './participant-body';

type Node = Record<string, unknown>;
const bodyProperties = (operation: Node) => {
  const body = resolveRef(operation.requestBody as Node);
  const schema = resolveRef(((body?.content as Node)?.['application/json'] as Node)?.schema as Node);
  return Object.keys((schema?.properties as Node) ?? {});
};

const post = (path: string, body: unknown, method = 'POST') =>
  browserRequest(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('no browser chooses a participant’s preset or identity through an allowed operation', () => {
  it('PARTICIPANT_OPERATIONS names exactly the operations whose body has preset_name or custom_participant_id', () => {
    const found: Record<string, string[]> = {};
    for (const path of Object.values(openapiDocument.paths as Record<string, Record<string, Node>>)) {
      for (const operation of Object.values(path)) {
        if (typeof operation !== 'object' || !operation.operationId) continue;
        const fields = bodyProperties(operation).filter((p) => p === 'preset_name' || p === 'custom_participant_id');
        if (fields.length > 0) found[operation.operationId as string] = fields.sort();
      }
    }
    expect(found).toEqual(
      Object.fromEntries(Object.entries(PARTICIPANT_OPERATIONS).map(([id, fields]) => [id, [...fields].sort()])),
    );
  });

  it('PARTICIPANT_BODY_PROPERTIES lists exactly the properties the spec declares for each body', () => {
    const declared: Record<string, string[]> = {};
    for (const path of Object.values(openapiDocument.paths as Record<string, Record<string, Node>>)) {
      for (const operation of Object.values(path)) {
        const id = typeof operation === 'object' ? (operation.operationId as string) : '';
        if (id in PARTICIPANT_BODY_PROPERTIES) declared[id] = bodyProperties(operation).sort();
      }
    }
    expect(declared).toEqual(
      Object.fromEntries(Object.entries(PARTICIPANT_BODY_PROPERTIES).map(([id, names]) => [id, [...names].sort()])),
    );
  });

  it.each([
    ['add_participant', 'POST', `/meetings/${MEETING}/participants`, 201],
    ['replace_participant', 'PUT', `/meetings/${MEETING}/participants/${PARTICIPANT}`, 200],
    ['edit_participant', 'PATCH', `/meetings/${MEETING}/participants/${PARTICIPANT}`, 200],
  ] as const)(
    '%s: aliases of the decided fields and prototype keys never reach upstream',
    async (id, method, path, status) => {
      const decideParticipant = vi.fn(() => ({ preset_name: 'guest', custom_participant_id: 'user-ada' }));
      const { handle, sent } = proxyWith({ allow: [id], decideParticipant });
      // raw JSON: an object literal's __proto__ would set its prototype instead of holding a key
      const raw = `{"name":"Ada","picture":"https://example.com/a.png","presetName":"group_call_host",
      "preset_id":"host-id","Preset_Name":"group_call_host","PRESET_NAME":"group_call_host","preset-name":"x",
      "customParticipantId":"the-ceo","custom_participant_ID":"the-ceo","__proto__":{"preset_name":"group_call_host"},
      "constructor":{"prototype":{"preset_name":"group_call_host"}},"prototype":{"admin":true},"token":"forged"}`;
      const response = await handle(
        browserRequest(path, { method, headers: { 'content-type': 'application/json' }, body: raw }),
      );
      expect(response.status).toBe(status);
      const upstream = JSON.parse(sent[0]!.body);
      expect(upstream).toEqual({
        name: 'Ada',
        picture: 'https://example.com/a.png',
        preset_name: 'guest',
        ...(id === 'edit_participant' ? {} : { custom_participant_id: 'user-ada' }),
      });
      // toEqual overlooks an own __proto__ key; the text does not
      expect(sent[0]!.body).not.toMatch(/__proto__|constructor|prototype/);
    },
  );

  it('allowing add, replace or edit without decideParticipant is refused when the proxy is created', () => {
    for (const operation of ['add_participant', 'replace_participant', 'edit_participant'] as const) {
      expect(() => proxyWith({ allow: ['get_meeting', operation], decideParticipant: undefined })).toThrow(
        `${operation} would let a browser choose a participant's preset or identity: pass decideParticipant to decide them on the server`,
      );
    }
    expect(() => proxyWith({ allow: ['get_meeting', 'KickPartcipants'], decideParticipant: undefined })).not.toThrow();
  });

  it('what decideParticipant returns replaces what the browser sent; the rest of the body goes through', async () => {
    const decideParticipant = vi.fn(() => ({ preset_name: 'guest', custom_participant_id: 'user-ada' }));
    const { handle, sent } = proxyWith({ allow: ['add_participant'], decideParticipant });
    const response = await handle(
      post(`/meetings/${MEETING}/participants`, {
        preset_name: 'group_call_host',
        custom_participant_id: 'the-ceo',
        name: 'Ada',
      }),
    );
    expect(response.status).toBe(201);
    expect(JSON.parse(sent[0]!.body)).toEqual({ name: 'Ada', preset_name: 'guest', custom_participant_id: 'user-ada' });
    expect(decideParticipant).toHaveBeenCalledWith(
      expect.any(Request),
      expect.objectContaining({ operationId: 'add_participant', params: { meeting_id: MEETING } }),
      { preset_name: 'group_call_host', custom_participant_id: 'the-ceo', name: 'Ada' },
    );
  });

  it('an edit keeps no preset the app did not decide', async () => {
    const { handle, sent } = proxyWith({ allow: ['edit_participant'], decideParticipant: () => ({}) });
    await handle(
      post(`/meetings/${MEETING}/participants/${PARTICIPANT}`, { preset_name: 'group_call_host', name: 'A' }, 'PATCH'),
    );
    expect(JSON.parse(sent[0]!.body)).toEqual({ name: 'A' });
  });

  it('a decision that is missing or throws is a 500 told to onError, nothing sent', async () => {
    for (const decide of [
      () => ({ preset_name: 'guest' }),
      () => null,
      () => {
        throw new Error('roles table down');
      },
    ]) {
      const onError = vi.fn();
      const { handle, sent } = proxyWith({ allow: ['add_participant'], decideParticipant: decide as never, onError });
      const response = await handle(post(`/meetings/${MEETING}/participants`, { name: 'x' }));
      expect([response.status, (await response.json()).error.message]).toEqual([
        500,
        'Deciding the participant failed',
      ]);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(sent).toHaveLength(0);
    }
  });
});
