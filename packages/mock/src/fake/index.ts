export {
  createRealtimeKitFake,
  type FakeLimits,
  type RealtimeKitFake,
  type RealtimeKitFakeOptions,
  type StartSessionOptions,
} from './create-fake';
