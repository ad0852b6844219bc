import { describe, expect, it } from 'vitest';
import { infiniteQuery } from './query-options';

describe('infiniteQuery: the next page of a list', () => {
  const { getNextPageParam, initialPageParam } = infiniteQuery(['k'], undefined, async () => {
    throw new Error('not fetched here');
  });
  const page = (items: number, end: number, total: number) => ({
    data: Array.from({ length: items }, (_, i) => ({ id: `m${i}` })),
    paging: { total_count: total, start_offset: end - items + 1, end_offset: end },
  });

  it('follows page_no from 1 until end_offset reaches total_count', () => {
    expect(initialPageParam).toBe(1);
    expect(getNextPageParam(page(20, 20, 45), [], 1, [])).toBe(2);
    expect(getNextPageParam(page(5, 45, 45), [], 3, [])).toBeUndefined();
  });

  it('stops at an empty page even when the count promised more (items deleted meanwhile)', () => {
    expect(getNextPageParam(page(0, 20, 45), [], 2, [])).toBeUndefined();
  });

  it("starts at the caller's page_no", () => {
    expect(infiniteQuery(['k'], 3, async () => page(0, 0, 0)).initialPageParam).toBe(3);
  });
});
