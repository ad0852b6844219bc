// Mock mode only. Prism answers every call with the spec's example ("string" titles, one fixed ID) and remembers
// nothing, so a dashboard on it would read like a test page. This layer, an openapi-fetch middleware on the
// server-side client, gives the demo a memory: what you create, rename or remove is remembered, and answers are
// rewritten from it; a refusal carries the violations Prism found rather than its example message. Every request still goes to Prism, which validates it against the spec (a bad one is
// refused as usual); with the real API (env vars set) this layer is not used.
import { randomUUID } from 'node:crypto';

export function demoMemory() {
  /** meeting id -> meeting */
  const meetings = new Map();
  /** meeting id -> (participant id -> participant) */
  const participants = new Map();
  const bodies = new WeakMap();
  const now = () => new Date().toISOString();
  const page = (items, url) => {
    const perPage = Number(url.searchParams.get('per_page') ?? 100) || 100;
    const pageNo = Number(url.searchParams.get('page_no') ?? 1) || 1;
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const start = (pageNo - 1) * perPage;
    return {
      data: slice,
      paging: { total_count: items.length, start_offset: start + 1, end_offset: start + slice.length },
    };
  };
  const newest = (map) => [...map.values()].reverse();

  return {
    async onRequest({ request }) {
      if (request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT') {
        bodies.set(
          request,
          await request
            .clone()
            .json()
            .catch(() => ({})),
        );
      }
    },
    async onResponse({ request, response }) {
      // Prism's example error says "string"; what it found is in sl-violations: answer with that instead.
      const violations = response.headers.get('sl-violations');
      if (!response.ok && violations) {
        const found = JSON.parse(violations)
          .filter((v) => v.location[0] === 'request')
          .map((v) => v.message);
        if (found.length > 0) {
          const error = { code: response.status, message: found.join('; ') };
          return Response.json({ success: false, error }, { status: response.status });
        }
      }
      if (!response.ok) return undefined;
      const url = new URL(request.url);
      const [, below = ''] = url.pathname.split('/meetings');
      const [meetingId, part, participantId, action] = below.split('/').filter(Boolean);
      const body = bodies.get(request) ?? {};
      const answer = await response.clone().json();
      const reply = (extra) => Response.json({ ...answer, ...extra }, { status: response.status });
      const method = request.method;

      if (!meetingId) {
        if (method === 'POST') {
          const meeting = {
            ...answer.data,
            ...body,
            id: randomUUID(),
            status: 'ACTIVE',
            created_at: now(),
            updated_at: now(),
          };
          meetings.set(meeting.id, meeting);
          participants.set(meeting.id, new Map());
          return reply({ data: meeting });
        }
        return reply(page(newest(meetings), url));
      }
      const meeting = meetings.get(meetingId);
      if (!meeting) return undefined;
      if (!part) {
        if (method === 'PATCH' || method === 'PUT') Object.assign(meeting, body, { updated_at: now() });
        return reply({ data: { ...answer.data, ...meeting } });
      }
      if (part !== 'participants') return undefined;
      const people = participants.get(meetingId);
      if (!participantId) {
        if (method === 'POST') {
          const participant = { ...answer.data, ...body, id: randomUUID(), created_at: now(), updated_at: now() };
          const { token: _token, ...kept } = participant;
          people.set(participant.id, kept);
          return reply({ data: participant });
        }
        return reply(page(newest(people), url));
      }
      const participant = people.get(participantId);
      if (!participant || action) return undefined;
      if (method === 'DELETE') people.delete(participantId);
      if (method === 'PATCH' || method === 'PUT') Object.assign(participant, body, { updated_at: now() });
      return reply({ data: { ...answer.data, ...participant } });
    },
  };
}

/** A few meetings and people to start from, created through the client (and so through Prism). */
export async function seed(client) {
  const topics = [
    'Weekly sync',
    'Design review',
    'Customer onboarding',
    'Quarterly planning',
    'Incident retro',
    'Hiring panel',
  ];
  const people = [
    ['Grace Hopper', 'grace'],
    ['Alan Turing', 'alan'],
  ];
  let latest;
  for (let i = 0; i < 26; i++) {
    latest = await client.meetings.create({
      title: `${topics[i % topics.length]} #${Math.floor(i / topics.length) + 1}`,
    });
  }
  for (const [name, id] of people) {
    await client.participants.add(latest.id, {
      name,
      custom_participant_id: id,
      preset_name: 'group_call_participant',
    });
  }
}
