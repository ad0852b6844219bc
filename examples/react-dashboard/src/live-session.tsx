import type { Participant } from '@realtimekit-meetings/client';
import {
  useActiveLivestream,
  useActiveSession,
  useKickParticipants,
  useMuteAllParticipants,
  useMuteParticipants,
  useStartLivestream,
  useStopLivestream,
} from '@realtimekit-meetings/react';
import { useState } from 'react';
import { ErrorMessage } from './error-message';

/** A read that answered 404: there is no session, or no livestream, right now. */
const absent = (query: { error: { status?: number } | null }) => query.error?.status === 404;

/**
 * The meeting while it is live: who is in it (mute, kick, mute everyone) and its livestream (start, stop). Each
 * action refetches the session or the livestream it changed. With the mock, "Simulate a live session" puts the
 * meeting's participants in a session (the server's demo route); against the real API, people join from their apps.
 */
export function LiveSession({ meetingId, participants }: { meetingId: string; participants: Participant[] }) {
  const session = useActiveSession(meetingId, { retry: false });
  const livestream = useActiveLivestream(meetingId, { retry: false });
  const mute = useMuteParticipants();
  const muteAll = useMuteAllParticipants();
  const kick = useKickParticipants();
  const start = useStartLivestream();
  const stop = useStopLivestream();
  const [notice, setNotice] = useState('');

  const simulate = async () => {
    const response = await fetch(`/demo/meetings/${encodeURIComponent(meetingId)}/session`, { method: 'POST' });
    setNotice(response.ok ? '' : 'Simulating a session needs the mock (the real API has real participants).');
    await session.refetch();
  };
  const names = (list: { name?: string }[] | undefined) => list?.map((p) => p.name ?? 'someone').join(', ') || 'nobody';

  return (
    <section className="live" aria-label="Live session">
      <h3>Live</h3>
      {absent(session) ? (
        <p className="muted">
          No one is in the meeting right now.{' '}
          <button type="button" className="ghost" onClick={simulate}>
            Simulate a live session
          </button>
        </p>
      ) : (
        <ErrorMessage error={session.error} />
      )}
      {session.data && !absent(session) && (
        <>
          <p data-testid="live-count">
            {session.data.live_participants} live
            <button
              type="button"
              className="ghost"
              disabled={muteAll.isPending}
              onClick={() =>
                muteAll.mutate(
                  { meetingId, body: { allow_unmute: true } },
                  { onSuccess: (r) => setNotice(`Muted ${r.muted_participants_count ?? 0} (they may unmute)`) },
                )
              }
            >
              Mute everyone
            </button>
          </p>
          <ul className="participants">
            {participants.map((p) => (
              <li key={p.id} className="participant">
                <span className="who">
                  <span className="name">{p.name || p.custom_participant_id}</span>
                </span>
                <button
                  type="button"
                  className="ghost"
                  onClick={() =>
                    mute.mutate(
                      { meetingId, body: { participant_ids: [p.id] } },
                      { onSuccess: (r) => setNotice(`Muted ${names(r.participants)}`) },
                    )
                  }
                >
                  Mute
                </button>
                <button
                  type="button"
                  className="ghost danger"
                  onClick={() =>
                    kick.mutate(
                      { meetingId, body: { participant_ids: [p.id] } },
                      { onSuccess: (r) => setNotice(`Removed from the session: ${names(r.participants)}`) },
                    )
                  }
                >
                  Kick
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorMessage error={mute.error ?? muteAll.error ?? kick.error} />

      {/* a refetch that answers 404 keeps the last data: the error says the stream is gone */}
      {!absent(livestream) && livestream.data?.status === 'LIVE' ? (
        <p data-testid="livestream">
          Livestreaming: <code>{livestream.data.playback_url}</code>{' '}
          <button type="button" className="ghost" disabled={stop.isPending} onClick={() => stop.mutate({ meetingId })}>
            Stop livestream
          </button>
        </p>
      ) : (
        <p data-testid="livestream">
          {absent(livestream) ? 'Not livestreaming.' : <ErrorMessage error={livestream.error} />}{' '}
          <button
            type="button"
            className="ghost"
            disabled={start.isPending}
            // a stream's name: letters, digits, - and _ (the spec's pattern)
            onClick={() => start.mutate({ meetingId, body: { name: 'dashboard-stream' } })}
          >
            Start livestream
          </button>
        </p>
      )}
      <ErrorMessage error={start.error ?? stop.error} />
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
