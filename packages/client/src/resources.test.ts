import { readFileSync } from 'node:fs';
import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACCOUNT, APP, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import { createRealtimeKitClient } from './create-client';

// The oracle is the naming source beside the spec, not the generated code under test.
const naming = parse(readFileSync(new URL('../../../spec/sdk.yaml', import.meta.url), 'utf8')) as {
  operations: Record<string, { method: string; paginated?: { items?: string } | false; types?: { query?: string } }>;
};
const methods = Object.entries(naming.operations).map(([operationId, entry]) => {
  const [resource, name] = entry.method.split('.') as [string, string];
  return {
    operationId: operationId as OperationId,
    resource,
    name,
    paginated: !!entry.paginated,
    query: !!entry.paginated || !!entry.types?.query,
  };
});

/** The GET paths whose list sits under `data` (`data.sessions`), as a pattern each, with that list's name. */
const listsUnder = Object.entries(naming.operations).flatMap(([operationId, entry]) => {
  const items = entry.paginated ? entry.paginated.items : undefined;
  const path = operationTable[operationId as OperationId].path.replace(/\{[\w-]+\}/g, '[^/]+');
  return items ? [{ pattern: new RegExp(`${path.replace(/^.*\/realtime\/kit/, '')}$`), items }] : [];
});
const answer = (request: Request) => {
  const under = listsUnder.find(({ pattern }) => pattern.test(new URL(request.url).pathname))?.items;
  const data = request.method !== 'GET' ? {} : under ? { [under]: [] } : [];
  return Response.json({ success: true, data, paging: { total_count: 0 } });
};

describe('the generated client methods', () => {
  it('name every operation of the table once, as spec/sdk.yaml says, and nothing else', () => {
    expect(methods.map((m) => m.operationId).sort()).toEqual(Object.keys(operationTable).sort());
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch: recordingFetch().fetch,
    });
    const resources = [...new Set(methods.map((m) => m.resource))];
    for (const resource of resources) {
      const target = (rtk as unknown as Record<string, object>)[resource];
      const own = Object.getOwnPropertyNames(Object.getPrototypeOf(target)).filter((n) => n !== 'constructor');
      const expected = methods
        .filter((m) => m.resource === resource)
        .flatMap((m) => (m.paginated ? [m.name, `${m.name}All`] : [m.name]));
      expect(own.sort(), resource).toEqual(expected.sort());
    }
  });

  it('call the operation they name, with IDs, body, query and options in that order', async () => {
    const { fetch, requests } = recordingFetch(answer);
    const rtk = createRealtimeKitClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      appId: APP,
      fetch,
    }) as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
    for (const { resource, name, operationId, query } of methods) {
      const op = operationTable[operationId];
      // an app's operations take account and app from the client; the account's own (apps) take the app's ID
      const ofApp = op.path.startsWith(`${APP_PATH_PREFIX}/`);
      const ids = op.pathParams.slice(ofApp ? 2 : 1).map((param) => `${param}-value`);
      const args: unknown[] = [...ids];
      if (op.hasBody) args.push({ probe: operationId });
      if (query) args.push({ page_no: 3 });
      args.push({ headers: { 'x-method': `${resource}.${name}` } });
      requests.length = 0;
      await rtk[resource]![name]!(...args);
      expect(requests, `${resource}.${name}`).toHaveLength(1);
      const request = requests[0]!;
      const expectedPath = op.path
        .replace(APP_PATH_PREFIX, `/accounts/${ACCOUNT}/realtime/kit/${APP}`)
        .replace('{account_id}', ACCOUNT)
        .replace(/\{([\w-]+)\}/g, (_, param: string) => `${param}-value`);
      expect(request.method, `${resource}.${name}`).toBe(op.method);
      expect(new URL(request.url).pathname, `${resource}.${name}`).toBe(`/client/v4${expectedPath}`);
      expect(new URL(request.url).search, `${resource}.${name}`).toBe(query ? '?page_no=3' : '');
      expect(request.headers.get('x-method')).toBe(`${resource}.${name}`);
      if (op.hasBody) expect(await request.json()).toEqual({ probe: operationId });
      else expect(await request.text()).toBe('');
    }
  });

  it('unwrap data, data with paging for lists, and page through everything with listAll', async () => {
    const meeting = (n: number) => ({ id: `m${n}`, created_at: 'c', updated_at: 'u' });
    const { fetch, requests } = recordingFetch((request) => {
      const url = new URL(request.url);
      if (!url.pathname.endsWith('/meetings')) return Response.json({ success: true, data: meeting(1) });
      const page = Number(url.searchParams.get('page_no'));
      const paging = { start_offset: page * 2 - 1, end_offset: Math.min(page * 2, 3), total_count: 3 };
      return Response.json({
        success: true,
        data: [meeting(page * 2 - 1), meeting(page * 2)].slice(0, page < 2 ? 2 : 1),
        paging,
      });
    });
    const rtk = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch });
    expect(await rtk.meetings.list({ page_no: 1 })).toEqual({
      data: [meeting(1), meeting(2)],
      paging: { start_offset: 1, end_offset: 2, total_count: 3 },
    });
    expect(await rtk.meetings.get('m1')).toEqual(meeting(1));
    requests.length = 0;
    const all = [];
    for await (const m of rtk.meetings.listAll({ search: 'x', per_page: 2 })) all.push(m.id);
    expect(all).toEqual(['m1', 'm2', 'm3']);
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      '?search=x&per_page=2&page_no=1',
      '?search=x&per_page=2&page_no=2',
    ]);
  });
});
