import { operationRoutes } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import type { SendFunction } from '../request';
import { ApiClient } from './api-client';

/** A request pipeline that records what it was asked to send. */
function recording() {
  const calls: unknown[][] = [];
  const send = (async (...args: unknown[]) => {
    calls.push(args);
    return 'answer';
  }) as unknown as SendFunction;
  return { client: new ApiClient(send), calls };
}

describe('ApiClient', () => {
  it("sends each operation with its route as core's table holds it, the input and options as given", async () => {
    const { client, calls } = recording();
    const options = { timeoutMs: 5 };
    for (const [id, route] of Object.entries(operationRoutes)) {
      const [method, path, hasBody, ...commaQuery] = route as readonly [string, string, number, string[]?];
      calls.length = 0;
      // the generated methods put `body` in the input of the operations that have one, and only theirs
      const input = hasBody ? { params: { meeting_id: 'm' }, body: {} } : { params: { meeting_id: 'm' } };
      const call = client.call as unknown as (...args: unknown[]) => Promise<unknown>;
      await expect(call.call(client, id, method, path, input, options, ...commaQuery)).resolves.toBe('answer');
      // the same input object (no copy), unwrapped to `data` (1); the comma-separated query parameters, if any
      expect(calls).toEqual([[id, [method, path, !!hasBody, ...commaQuery], input, options, 1]]);
      expect(calls[0]?.[2]).toBe(input);
    }
  });

  it('asks for one page, { data, paging }, on page', async () => {
    const { client, calls } = recording();
    await client.page('get_all_meetings', 'GET', '/meetings', { query: { per_page: 5 } });
    expect(calls).toEqual([
      ['get_all_meetings', ['GET', '/meetings', false], { query: { per_page: 5 } }, undefined, 2],
    ]);
  });

  it("hands the pipeline an operation's comma-separated query parameters (explode: false) in its route", async () => {
    const { client, calls } = recording();
    await client.page('get_all_recordings', 'GET', '/recordings', { query: { status: ['PAUSED'] } }, undefined, [
      'status',
    ]);
    expect(calls[0]?.[1]).toEqual(['GET', '/recordings', false, ['status']]);
  });
});
