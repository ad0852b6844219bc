import { type OperationId, operationRoutes } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import type { RequestFunction } from '../request';
import { ApiClient } from './api-client';

/** A request pipeline that records what it was asked to send. */
function recording() {
  const calls: unknown[][] = [];
  const request = (async (...args: unknown[]) => {
    calls.push(args);
    return 'answer';
  }) as unknown as RequestFunction;
  return { client: new ApiClient(request), calls };
}

describe('ApiClient', () => {
  it('sends each verb and path as the operation they name, with the input and options as given', async () => {
    const { client, calls } = recording();
    const input = { params: { meeting_id: 'm' } };
    const options = { timeoutMs: 5 };
    for (const [id, [method, path]] of Object.entries(operationRoutes)) {
      calls.length = 0;
      await expect(client.call(method as never, path as never, input as never, options)).resolves.toBe('answer');
      // the same input object (no copy), unwrapped to `data` (1)
      expect(calls).toEqual([[id as OperationId, input, options, 1]]);
      expect(calls[0]?.[1]).toBe(input);
    }
  });

  it('asks for one page, { data, paging }, on page', async () => {
    const { client, calls } = recording();
    await client.page('GET', '/meetings', { query: { per_page: 5 } });
    expect(calls).toEqual([['get_all_meetings', { query: { per_page: 5 } }, undefined, 2]]);
  });
});
