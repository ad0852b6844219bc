import { describe, expectTypeOf, it } from 'vitest';
import {
  createRealtimeKitClient,
  memoryRateBudgetStore,
  type RateBudgetStore,
  type RealtimeKitErrorKind,
} from './index';

describe('the rate budget option', () => {
  it('takes an object of numbers and a store, or false', () => {
    createRealtimeKitClient({ rateBudget: { requests: 1200, windowSeconds: 300, store: memoryRateBudgetStore() } });
    createRealtimeKitClient({ rateBudget: false });
    // @ts-expect-error requests is a number
    createRealtimeKitClient({ rateBudget: { requests: '1200' } });
    // @ts-expect-error true is not a budget
    createRealtimeKitClient({ rateBudget: true });
    expectTypeOf<'rate_limited'>().toExtend<RealtimeKitErrorKind>();
  });

  it('a store answers a number at once or later, for memory and SQL alike', () => {
    expectTypeOf<ReturnType<RateBudgetStore['take']>>().toEqualTypeOf<number | Promise<number>>();
  });
});
