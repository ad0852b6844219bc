import type { ParticipantAddBody, ParticipantWithToken } from '@realtimekit-meetings/client';
import { useAddParticipant, useMeeting, useParticipants } from '@realtimekit-meetings/react';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './error-message';
import { JoinLink } from './join-link';
import { JoinYourself } from './join-yourself';
import { LiveSession } from './live-session';
import { ParticipantRow } from './participant-row';

const PRESETS = ['group_call_host', 'group_call_participant', 'webinar_viewer'];

export function MeetingDetail({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const meeting = useMeeting(meetingId);
  const participants = useParticipants(meetingId);
  const add = useAddParticipant();
  const [name, setName] = useState('');
  const [customId, setCustomId] = useState('');
  const [picture, setPicture] = useState('');
  const [preset, setPreset] = useState(PRESETS[0] as string);
  const [joined, setJoined] = useState<ParticipantWithToken | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The form asks for what the API requires; what it checks beyond that (a picture must be a URL) its answer says.
    const body: ParticipantAddBody = {
      custom_participant_id: customId.trim(),
      preset_name: preset,
      name: name.trim() || undefined,
      picture: picture.trim() || undefined,
    };
    add.mutate(
      { meetingId, body },
      {
        onSuccess: (participant) => {
          setJoined(participant);
          setName('');
          setCustomId('');
          setPicture('');
        },
      },
    );
  };

  return (
    <section className="panel detail" aria-label="Meeting">
      <div className="detail-head">
        <div>
          <h2>{meeting.data?.title || (meeting.isPending ? 'Loading…' : 'Untitled meeting')}</h2>
          <p className="muted mono">{meetingId}</p>
        </div>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close meeting">
          ✕
        </button>
      </div>
      <ErrorMessage error={meeting.error} />
      <JoinYourself key={meetingId} meetingId={meetingId} />

      <h3>Add a participant</h3>
      <form className="add" onSubmit={submit}>
        <input
          aria-label="Participant name"
          placeholder="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          aria-label="Participant ID"
          placeholder="Your user ID"
          required
          value={customId}
          onChange={(e) => setCustomId(e.target.value)}
        />
        <input
          aria-label="Picture URL"
          placeholder="Picture URL (optional)"
          value={picture}
          onChange={(e) => setPicture(e.target.value)}
        />
        <select aria-label="Preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add participant'}
        </button>
      </form>
      <ErrorMessage error={add.error} />
      {joined && participants.data?.data.some((p) => p.id === joined.id) && (
        <JoinLink meetingId={meetingId} participant={joined} />
      )}

      <h3>
        Participants{' '}
        <span className="muted">{participants.data ? `(${participants.data.paging.total_count})` : ''}</span>
      </h3>
      <ErrorMessage error={participants.error} />
      <ul className="participants">
        {participants.data?.data.map((participant) => (
          <ParticipantRow key={participant.id} meetingId={meetingId} participant={participant} />
        ))}
      </ul>

      <LiveSession meetingId={meetingId} participants={participants.data?.data ?? []} />
    </section>
  );
}
