export {
  createRealtimeKitProxy,
  type ProxyJoinOptions,
  type RealtimeKitProxyHandler,
  type RealtimeKitProxyOptions,
} from './create-proxy';
export type { ProxiedOperation } from './routes';
