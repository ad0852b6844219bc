import type { RealtimeKitError } from '@realtimekit-meetings/client';
import { useCallback, useEffect, useState } from 'react';
import { useRealtimeKitClient } from './use-realtime-kit-client';

export type JoinTokenState =
  | { status: 'idle' | 'pending'; token?: undefined; participantId?: undefined; error?: undefined }
  | { status: 'success'; token: string; participantId: string; error?: undefined }
  | { status: 'error'; token?: undefined; participantId?: undefined; error: RealtimeKitError };

/**
 * This user's join token for the meeting, from the proxy's join route (`rtk.joinMeeting`): the server decides who
 * joins and with which preset, and adds the participant on the first join only. The token is a secret, so it lives
 * in this component's state alone: never in the query cache, the mutation cache or devtools, and it is fetched again
 * when the component mounts again. No meeting ID (undefined): nothing is fetched.
 */
export function useJoinToken(meetingId: string | undefined) {
  const client = useRealtimeKitClient();
  const [state, setState] = useState<JoinTokenState>({ status: meetingId ? 'pending' : 'idle' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round; // a new round fetches again
    if (!meetingId) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'pending' });
    client.joinMeeting(meetingId, { signal: controller.signal }).then(
      ({ token, participantId }) => {
        if (!controller.signal.aborted) setState({ status: 'success', token, participantId });
      },
      (error: RealtimeKitError) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [client, meetingId, round]);
  const refetch = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, isPending: state.status === 'pending', refetch };
}
