import type { RealtimeKitError } from '@realtimekit-meetings/client';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import { realtimeKitRetry, useMeeting, useRealtimeKitQueries } from './index';

describe('realtimeKitRetry', () => {
  it("is a TanStack retry function, for the hooks' options and TanStack's own hooks", () => {
    expectTypeOf(realtimeKitRetry).toExtend<UseQueryOptions<unknown, RealtimeKitError>['retry']>();
    expectTypeOf(realtimeKitRetry).parameters.toEqualTypeOf<[number, unknown]>();
    useMeeting('id', { retry: realtimeKitRetry });
    useQuery({ ...useRealtimeKitQueries().meeting('id'), retry: realtimeKitRetry });
    // @ts-expect-error a retry function takes the failure count first
    useMeeting('id', { retry: (error: RealtimeKitError) => error.status === 503 });
  });
});
