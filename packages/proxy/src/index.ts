export {
  createRealtimeKitProxy,
  type ParticipantDecision,
  type ProxyJoinOptions,
  type RealtimeKitProxyHandler,
  type RealtimeKitProxyOptions,
  type Verdict,
} from './create-proxy';
export type { ProxiedOperation } from './routes';
