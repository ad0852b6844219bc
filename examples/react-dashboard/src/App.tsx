import { useState } from 'react';
import { MeetingDetail } from './meeting-detail';
import { MeetingList } from './meeting-list';

export function App() {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="shell">
      <header className="topbar">
        <span className="logo" aria-hidden="true">
          ◎
        </span>
        <h1>Meetings</h1>
        <span className="subtitle">RealtimeKit · through your server's proxy</span>
      </header>
      <main className="layout">
        <MeetingList selected={selected} onSelect={setSelected} />
        {selected ? (
          // keyed by meeting: its form, errors and the token it showed belong to that meeting, never the next
          <MeetingDetail key={selected} meetingId={selected} onClose={() => setSelected(null)} />
        ) : (
          <section className="panel empty">
            <p>Select a meeting to see its participants, or create one.</p>
          </section>
        )}
      </main>
    </div>
  );
}
