import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_PATH_PREFIX, operationRoutes, operationTable } from './generated/operations.gen';

const specFile = new URL('../../../spec/realtimekit-meetings.openapi.yaml', import.meta.url);
const spec = parse(readFileSync(specFile, 'utf8'));
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

const fromSpec = Object.entries(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
  ([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ operationId: item[m]?.operationId, method: m.toUpperCase(), path })),
);

describe('operationTable', () => {
  it('lists exactly the operations of the spec, with their method and path', () => {
    expect(fromSpec.length).toBeGreaterThan(0);
    const table = Object.values(operationTable).map(({ operationId, method, path }) => ({ operationId, method, path }));
    expect(table).toEqual(fromSpec);
    for (const [key, op] of Object.entries(operationTable)) expect(key).toBe(op.operationId);
  });

  it("names path parameters in template order, under the app prefix (or RealtimeKit's, for the account's apps)", () => {
    for (const op of Object.values(operationTable)) {
      const kit = APP_PATH_PREFIX.slice(0, -'/{app_id}'.length);
      expect(op.path.startsWith(`${APP_PATH_PREFIX}/`) || op.path.startsWith(`${kit}/apps`)).toBe(true);
      expect(op.pathParams).toEqual([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    }
    expect(operationTable.regenerate_token.pathParams).toEqual([
      'account_id',
      'app_id',
      'meeting_id',
      'participant_id',
    ]);
  });

  it('records success status, request body and tag as the spec says', () => {
    expect(operationTable.create_meeting).toMatchObject({ successStatus: 201, hasBody: true, method: 'POST' });
    expect(operationTable.add_participant).toMatchObject({ successStatus: 201, hasBody: true, tag: 'Meetings' });
    expect(operationTable.CreatePoll).toMatchObject({ successStatus: 201, tag: 'Active session' });
    expect(operationTable.get_all_meetings).toMatchObject({ successStatus: 200, hasBody: false, method: 'GET' });
    expect(operationTable.replace_meeting).toMatchObject({ method: 'PUT' });
    expect(operationTable.update_meeting).toMatchObject({ method: 'PATCH' });
    expect(operationTable.delete_meeting_participant).toMatchObject({ method: 'DELETE' });
    // requestBody with an empty content map: nothing to send
    expect(operationTable.stop_livestreaming).toMatchObject({ hasBody: false, tag: 'Live streams' });
    expect(operationTable.KickAllParticipants.hasBody).toBe(false);
    expect(operationTable.get_all_meetings.queryParams).toEqual([
      'page_no',
      'per_page',
      'start_time',
      'end_time',
      'search',
      'status',
    ]);
  });

  it('operationRoutes is the same table reduced to method, path below the app (or whole, for apps) and body', () => {
    const expanded = Object.fromEntries(
      Object.entries(operationRoutes).map(([id, [method, below, hasBody]]) => [
        id,
        // the account's own operations (apps) carry their whole path
        { method, path: below.startsWith('/accounts/') ? below : APP_PATH_PREFIX + below, hasBody: !!hasBody },
      ]),
    );
    const reduced = Object.fromEntries(
      Object.entries(operationTable).map(([id, op]) => [id, { method: op.method, path: op.path, hasBody: op.hasBody }]),
    );
    expect(expanded).toEqual(reduced);
  });
});
