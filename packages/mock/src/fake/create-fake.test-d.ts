import { expectTypeOf, test } from 'vitest';
import { createRealtimeKitFake, type RealtimeKitFake, type RealtimeKitFakeOptions } from './create-fake';

test('the recording limit is a window or false; an independent livestream is connected by ID', () => {
  expectTypeOf(
    createRealtimeKitFake({ recordingRateLimit: { requests: 10, windowSeconds: 5 } }),
  ).toEqualTypeOf<RealtimeKitFake>();
  expectTypeOf(createRealtimeKitFake({ recordingRateLimit: false })).toEqualTypeOf<RealtimeKitFake>();
  // @ts-expect-error: true is not a limit
  createRealtimeKitFake({ recordingRateLimit: true });
  // @ts-expect-error: a limit needs its window
  createRealtimeKitFake({ recordingRateLimit: { requests: 10 } });
  expectTypeOf<RealtimeKitFakeOptions['recordingRateLimit']>().toEqualTypeOf<
    { requests: number; windowSeconds: number } | false | undefined
  >();
  expectTypeOf<RealtimeKitFake['ingestLivestream']>().toEqualTypeOf<(livestreamId: string, live?: boolean) => void>();
});
