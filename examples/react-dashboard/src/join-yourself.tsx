import { useJoinToken } from '@realtimekit-meetings/react';
import { useState } from 'react';
import { ErrorMessage } from './error-message';

/**
 * Join this meeting as yourself: the proxy's join route decides who you are and your preset, adds you once, and
 * refreshes your token after that. The token is a secret: masked here, and kept out of every cache.
 */
export function JoinYourself({ meetingId }: { meetingId: string }) {
  const [joining, setJoining] = useState(false);
  return joining ? (
    <JoinToken meetingId={meetingId} />
  ) : (
    <button type="button" onClick={() => setJoining(true)}>
      Join
    </button>
  );
}

function JoinToken({ meetingId }: { meetingId: string }) {
  const join = useJoinToken(meetingId);
  if (join.status === 'error') return <ErrorMessage error={join.error} />;
  if (join.status !== 'success') return <p className="muted">Joining…</p>;
  return (
    <p className="join">
      You can join: token <code data-testid="own-token">{`${join.token.slice(0, 4)}${'•'.repeat(12)}`}</code>
    </p>
  );
}
