import { useCreateMeeting, useInfiniteMeetings } from '@realtimekit-meetings/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from './error-message';

export function MeetingList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const meetings = useInfiniteMeetings({ per_page: 20 });
  const create = useCreateMeeting({ onSuccess: (meeting) => onSelect(meeting.id) });
  const [title, setTitle] = useState('');
  const sentinel = useRef<HTMLLIElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = meetings;

  // Infinite scroll: the next page loads when the end of the list comes into view.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title: title.trim() || 'Untitled meeting' }, { onSuccess: () => setTitle('') });
  };
  const items = meetings.data?.pages.flatMap((page) => page.data) ?? [];
  const total = meetings.data?.pages[0]?.paging.total_count;

  return (
    <section className="panel list" aria-label="Meetings">
      <form className="create" onSubmit={submit}>
        <input
          aria-label="New meeting title"
          placeholder="New meeting title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create meeting'}
        </button>
      </form>
      <ErrorMessage error={create.error} />
      <ErrorMessage error={meetings.error} />
      {meetings.isPending && <p className="muted">Loading meetings…</p>}
      {total !== undefined && <p className="muted count">{total} meetings</p>}
      <ul className="meetings">
        {items.map((meeting) => (
          <li key={meeting.id}>
            <button
              type="button"
              className={meeting.id === selected ? 'meeting active' : 'meeting'}
              data-id={meeting.id}
              onClick={() => onSelect(meeting.id)}
            >
              <span className="title">{meeting.title || 'Untitled meeting'}</span>
              <span className={`badge ${meeting.status === 'INACTIVE' ? 'off' : 'on'}`}>
                {meeting.status ?? 'ACTIVE'}
              </span>
              <span className="meta">Created {new Date(meeting.created_at).toLocaleDateString()}</span>
            </button>
          </li>
        ))}
        <li ref={sentinel} className="sentinel" aria-hidden="true">
          {isFetchingNextPage ? 'Loading more…' : ''}
        </li>
      </ul>
    </section>
  );
}
