import type { RealtimeKitClient } from '@realtimekit-meetings/client';
import { createContext, createElement, type ReactNode } from 'react';

export const RealtimeKitContext = createContext<RealtimeKitClient | null>(null);

export interface RealtimeKitProviderProps {
  /** A client from @realtimekit-meetings/client; in a browser, one in proxy mode (`proxyUrl`). */
  client: RealtimeKitClient;
  children?: ReactNode;
}

/** Gives the hooks below it their client. Put it inside TanStack Query's QueryClientProvider. */
export function RealtimeKitProvider({ client, children }: RealtimeKitProviderProps) {
  return createElement(RealtimeKitContext.Provider, { value: client }, children);
}
