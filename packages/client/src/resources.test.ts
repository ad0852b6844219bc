import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, APP, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { createRealtimeKitClient } from './create-client';
import { LIST, QUERY, resourceMethods } from './resources';

const methods = Object.entries(resourceMethods).flatMap(([resource, table]) =>
  Object.entries(table).map(([name, entry]) => {
    const [operationId, flags = 0] = typeof entry === 'string' ? [entry] : entry;
    return { resource, name, operationId, flags };
  }),
);

describe('client methods', () => {
  it('give every operation of the table exactly one method', () => {
    const covered = methods.map((m) => m.operationId).sort();
    expect(covered).toEqual(Object.keys(operationTable).sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  it('call the operation they name, with IDs, body, query and options in that order', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      Response.json({ success: true, data: request.method === 'GET' ? [] : {}, paging: { total_count: 0 } }),
    );
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
    }) as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
    for (const { resource, name, operationId, flags } of methods) {
      const op = operationTable[operationId as OperationId];
      const ids = op.pathParams.slice(2).map((param) => `${param}-value`);
      const args: unknown[] = [...ids];
      if (op.hasBody) args.push({ probe: operationId });
      if (flags & QUERY) args.push({ page_no: 3 });
      args.push({ headers: { 'x-method': `${resource}.${name}` } });
      requests.length = 0;
      await rtk[resource]![name]!(...args);
      expect(requests, `${resource}.${name}`).toHaveLength(1);
      const request = requests[0]!;
      const expectedPath = op.path
        .replace(APP_PATH_PREFIX, `/accounts/${ACCOUNT}/realtime/kit/${APP}`)
        .replace(/\{(\w+)\}/g, (_, param: string) => `${param}-value`);
      expect(request.method, `${resource}.${name}`).toBe(op.method);
      expect(new URL(request.url).pathname, `${resource}.${name}`).toBe(`/client/v4${expectedPath}`);
      expect(new URL(request.url).search).toBe(flags & QUERY ? '?page_no=3' : '');
      expect(request.headers.get('x-method')).toBe(`${resource}.${name}`);
      if (op.hasBody) expect(await request.json()).toEqual({ probe: operationId });
      else expect(await request.text()).toBe('');
    }
  });

  it('unwrap data, and data with paging for lists', async () => {
    const paging = { start_offset: 1, end_offset: 1, total_count: 1 };
    const meeting = { id: 'm1', created_at: 'c', updated_at: 'u' };
    const { fetch } = recordingFetch((request) =>
      Response.json(
        request.method === 'GET' && request.url.endsWith('/meetings')
          ? { success: true, data: [meeting], paging }
          : { success: true, data: meeting },
      ),
    );
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch });
    expect(await rtk.meetings.list()).toEqual({ data: [meeting], paging });
    expect(await rtk.meetings.get('m1')).toEqual(meeting);
    expect(methods.filter((m) => m.flags === LIST).map((m) => `${m.resource}.listAll`)).toEqual([
      'meetings.listAll',
      'participants.listAll',
    ]);
    expect(typeof rtk.meetings.listAll).toBe('function');
    expect(typeof rtk.participants.listAll).toBe('function');
  });
});
