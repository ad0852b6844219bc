import type { ParticipantWithToken } from '@realtimekit-meetings/client';
import { useState } from 'react';

/**
 * The link that lets this participant join. The join token is a secret: masked until revealed, and kept in the
 * URL fragment, which browsers never send to a server or write to its logs.
 */
export function JoinLink({ meetingId, participant }: { meetingId: string; participant: ParticipantWithToken }) {
  const [revealed, setRevealed] = useState(false);
  const link = `${window.location.origin}/join?meeting=${encodeURIComponent(meetingId)}#token=${participant.token}`;
  return (
    <section className="join" aria-label="Join link">
      <p>
        <strong>{participant.name || participant.custom_participant_id}</strong> can join with this link:
      </p>
      <code className="mono" data-testid="join-link">
        {revealed ? link : `${window.location.origin}/join?meeting=${meetingId}#token=${'•'.repeat(16)}`}
      </code>
      <div className="join-actions">
        <button type="button" className="ghost" onClick={() => setRevealed((r) => !r)}>
          {revealed ? 'Hide token' : 'Reveal token'}
        </button>
        <button type="button" className="ghost" onClick={() => navigator.clipboard?.writeText(link)}>
          Copy link
        </button>
      </div>
    </section>
  );
}
