import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffMs,
  isRetrySafe,
  networkCode,
  parseRetryAfter,
  retryDelay,
  shouldRetryNetworkError,
  shouldRetryStatus,
  sleep,
} from './retry';

describe('isRetrySafe', () => {
  it('says GET, PUT and DELETE may be repeated, POST and PATCH not', () => {
    expect(['GET', 'PUT', 'DELETE', 'POST', 'PATCH', 'get'].filter(isRetrySafe)).toEqual(['GET', 'PUT', 'DELETE']);
  });
});

describe('shouldRetryStatus', () => {
  it('retries 408, 429, 500, 502, 503 and 504 for GET, PUT and DELETE only', () => {
    const retried = [400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 505].filter((s) =>
      shouldRetryStatus(s, true),
    );
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('retries POST and PATCH on 429 alone: any other failure may have taken effect', () => {
    const retried = [408, 429, 500, 502, 503, 504].filter((s) => shouldRetryStatus(s, false));
    expect(retried).toEqual([429]);
  });
});

describe('shouldRetryNetworkError', () => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
  it('retries any network failure of a safe request, but a POST only when the connection was refused', () => {
    expect(shouldRetryNetworkError(reset, true)).toBe(true);
    expect(shouldRetryNetworkError(refused, false)).toBe(true);
    expect(shouldRetryNetworkError(reset, false)).toBe(false);
    expect(shouldRetryNetworkError(new TypeError('terminated'), false)).toBe(false);
  });

  it("reads the system code from node:http's error or fetch's cause, and nothing else", () => {
    expect(networkCode(refused)).toBe('ECONNREFUSED');
    expect(networkCode(Object.assign(new Error('connect'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    for (const error of [undefined, null, {}, { code: 7 }, { cause: null }, { cause: { code: 7 } }]) {
      expect(networkCode(error)).toBeUndefined();
    }
  });
});

describe('backoffMs', () => {
  it('is full jitter over 0.5 s doubling per retry, capped at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => backoffMs(retry, () => 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffMs(3, () => 0)).toBe(0);
    expect(backoffMs(2, () => 0.25)).toBe(500);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(1);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(1000);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads delta-seconds and HTTP dates, in seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    // a date that starts with its day, as some servers send it
    expect(parseRetryAfter('25 Nov 2026 12:01:00 GMT', now)).toBe(60);
  });

  it('never takes a number that is not whole seconds, nor an ISO time, for a date', () => {
    // Date.parse would read '1.5' as 5 January 2001, and takes ISO 8601, which is no HTTP-date
    for (const value of ['1.5', '1e3', '2026-11-25T12:00:30Z']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves after the wait, and not before', async () => {
    let done = false;
    const pending = sleep(1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the abort reason and leaves no timer behind', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it("leaves no listener on the caller's signal, whether the wait ends or is aborted", async () => {
    const controller = new AbortController();
    const waited = sleep(10, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    await waited;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const aborted = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once when already aborted, without starting a timer', async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('retryDelay: whether, and how long, to wait before the next attempt', () => {
  afterEach(() => vi.restoreAllMocks());
  const http = (status: number, retryAfter?: number) => ({ kind: 'http', status, retryAfter });
  it('waits out a Retry-After of up to 60 s exactly, and gives up past it', () => {
    expect(retryDelay(http(503, 60), true, 0)).toBe(60_000);
    expect(retryDelay(http(503, 0), true, 0)).toBe(0);
    expect(retryDelay(http(503, 61), true, 0)).toBeUndefined();
  });

  it('backs off without a Retry-After, by the number of retries made', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect([0, 1, 2].map((retry) => retryDelay(http(503), true, retry))).toEqual([500, 1000, 2000]);
  });

  it('retries a timeout only when the method is safe, and never a 4xx other than 408 and 429', () => {
    expect(retryDelay({ kind: 'timeout' }, true, 0)).toBeTypeOf('number');
    expect(retryDelay({ kind: 'timeout' }, false, 0)).toBeUndefined();
    expect([400, 404, 408, 422, 429].map((s) => retryDelay(http(s), true, 0) !== undefined)).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(retryDelay({ kind: 'invalid_response' }, true, 0)).toBeUndefined();
  });
});
