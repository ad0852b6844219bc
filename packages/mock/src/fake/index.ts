export {
  CONTROL_PATH,
  createRealtimeKitFake,
  DEFAULT_PRESETS,
  FAKE_HEADER,
  type FakeLimits,
  IGNORED_HEADER,
  type JoinedParticipant,
  type RealtimeKitFake,
  type RealtimeKitFakeOptions,
  type StartSessionOptions,
} from './create-fake';
export type { EventScope, FakeEvent, FakeEventName } from './events';
