import type { Participant } from '@realtimekit-meetings/client';
import { useDeleteParticipant, useEditParticipant } from '@realtimekit-meetings/react';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from './error-message';

export function ParticipantRow({ meetingId, participant }: { meetingId: string; participant: Participant }) {
  const edit = useEditParticipant();
  const remove = useDeleteParticipant();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(''); // the draft, filled from the participant when editing starts

  const save = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate({ meetingId, participantId: participant.id, body: { name } }, { onSuccess: () => setEditing(false) });
  };

  return (
    <li className="participant">
      {editing ? (
        <form className="rename" onSubmit={save}>
          <input aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={edit.isPending}>
            Save
          </button>
          <button type="button" className="ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="avatar" aria-hidden="true">
            {(participant.name || participant.custom_participant_id || '?').slice(0, 1).toUpperCase()}
          </span>
          <span className="who">
            <span className="name">{participant.name || 'No name'}</span>
            <span className="meta">
              {participant.custom_participant_id} · {participant.preset_name}
            </span>
          </span>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setName(participant.name ?? '');
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="ghost danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ meetingId, participantId: participant.id })}
          >
            Remove
          </button>
        </>
      )}
      <ErrorMessage error={edit.error ?? remove.error} />
    </li>
  );
}
