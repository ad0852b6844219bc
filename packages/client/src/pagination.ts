import type { Page } from '@realtimekit-meetings/core';
import { RealtimeKitError } from './errors';
import { check, isPlainObject } from './validate-input';

export interface PageQuery {
  page_no?: number;
  per_page?: number;
}

/**
 * Streams every item of a list, page by page, from the caller's `page_no` (default 1) with `per_page` (default 100).
 * Holds one page at a time. Stops when `paging.end_offset` reaches `total_count` or a page comes back empty, and
 * throws rather than loop when the server answers a page that does not advance (a repeated page).
 */
export function paginate<T>(
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
  query: PageQuery = {},
): AsyncIterable<T> {
  check(isPlainObject(query), 'query must be a plain object');
  return pages(fetchPage, query);
}

async function* pages<T>(fetchPage: (query: PageQuery) => Promise<Page<T>>, query: PageQuery) {
  let page = query.page_no ?? 1;
  const perPage = query.per_page ?? 100;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (;;) {
    const { data, paging } = await fetchPage({ ...query, page_no: page, per_page: perPage });
    if (data.length === 0) return;
    if (paging.end_offset <= lastEnd) {
      throw new RealtimeKitError(
        'invalid_response',
        `Page ${page} repeats an earlier page (end_offset ${paging.end_offset})`,
      );
    }
    yield* data;
    if (paging.end_offset >= paging.total_count) return;
    lastEnd = paging.end_offset;
    page++;
  }
}
