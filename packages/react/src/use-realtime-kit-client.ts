import type { RealtimeKitClient } from '@realtimekit-meetings/client';
import { useContext } from 'react';
import { RealtimeKitContext } from './provider';

/** The client given to the nearest RealtimeKitProvider. */
export function useRealtimeKitClient(): RealtimeKitClient {
  const client = useContext(RealtimeKitContext);
  if (!client) throw new Error('RealtimeKit hooks need a <RealtimeKitProvider client={...}> above them');
  return client;
}
