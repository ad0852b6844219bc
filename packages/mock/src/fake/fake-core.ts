import type { RealtimeKitFake } from './create-fake';
import type { FakeAnswer, FakeRequest } from './fake-request';

/**
 * Where a fake keeps its core: a registered symbol, not a module's WeakMap, because the package's Node entries load
 * the fake by the package's own name (`@realtimekit-meetings/mock/fake`, the one copy of its validators) and must find
 * the core of a fake that module made. Non-enumerable: not in the fake's keys, JSON or inspection.
 */
export const FAKE_CORE = Symbol.for('@realtimekit-meetings/mock fake core');

/**
 * @internal The core of a fake made by createRealtimeKitFake, which the node:http server calls with what it reads
 * from an `IncomingMessage` (no web `Request` or `Response` made per request). Not exported from the package.
 */
export function fakeCore(fake: RealtimeKitFake): (request: FakeRequest) => Promise<FakeAnswer> {
  const core = (fake as unknown as Record<symbol, unknown>)[FAKE_CORE];
  if (typeof core !== 'function') throw new TypeError('fakeCore: not a fake made by createRealtimeKitFake');
  return core as (request: FakeRequest) => Promise<FakeAnswer>;
}
