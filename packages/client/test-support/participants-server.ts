import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Stored {
  id: string;
  custom_participant_id: string;
  preset_name: string;
  name?: string | null;
  picture?: string | null;
}

/**
 * A real HTTP server that keeps participants and counts every call, for join-token tests: add, refresh token, list
 * (with paging), edit, delete. `hangAdds` makes the next adds create the participant and then never answer, as an add whose
 * outcome is unknown to the client.
 */
export async function startParticipantsServer() {
  const meetings = new Map<string, Map<string, Stored>>();
  const calls = { add: 0, refresh: 0, list: 0, edit: 0, delete: 0 };
  const hung: ServerResponse[] = [];
  let hangAdds = 0;
  let failAdds = 0;
  let tokens = 0;
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const notFound = (res: ServerResponse) =>
    json(res, 404, { success: false, error: { code: 404, message: 'Not found' } });
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      // /accounts/{a}/realtime/kit/{app}/meetings/{meeting}/participants/{participant}/token
      const [meetingId, , participantId, action] = url.pathname.split('/').slice(7);
      const participants = meetings.get(meetingId as string) ?? new Map<string, Stored>();
      meetings.set(meetingId as string, participants);
      if (req.method === 'POST' && participantId === undefined) {
        calls.add++;
        const body = JSON.parse(text) as Omit<Stored, 'id'>;
        const stored = { id: randomUUID(), ...body };
        participants.set(stored.id, stored);
        if (hangAdds > 0) {
          hangAdds--;
          hung.push(res);
          return;
        }
        if (failAdds > 0) {
          failAdds--;
          return json(res, 502, { success: false, error: { code: 502, message: 'Bad gateway' } });
        }
        return json(res, 201, { success: true, data: { ...stored, token: `token-${++tokens}` } });
      }
      if (req.method === 'POST' && action === 'token') {
        calls.refresh++;
        if (!participants.has(participantId as string)) return notFound(res);
        return json(res, 200, { success: true, data: { token: `token-${++tokens}` } });
      }
      if (req.method === 'GET' && participantId === undefined) {
        calls.list++;
        const all = [...participants.values()];
        const page = Number(url.searchParams.get('page_no') ?? 1);
        const perPage = Number(url.searchParams.get('per_page') ?? 20);
        const data = all.slice((page - 1) * perPage, page * perPage);
        const start = (page - 1) * perPage + 1;
        return json(res, 200, {
          success: true,
          data,
          paging: { total_count: all.length, start_offset: start, end_offset: start + data.length - 1 },
        });
      }
      if (req.method === 'PATCH') {
        calls.edit++;
        const stored = participants.get(participantId as string);
        if (!stored) return notFound(res);
        Object.assign(stored, JSON.parse(text));
        return json(res, 200, { success: true, data: { ...stored, token: `token-${++tokens}` } });
      }
      if (req.method === 'DELETE') {
        calls.delete++;
        if (!participants.delete(participantId as string)) return notFound(res);
        return json(res, 200, { success: true, data: {} });
      }
      return notFound(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    participants: (meetingId: string) => [...(meetings.get(meetingId)?.values() ?? [])],
    /** The next `n` adds create their participant and never answer. */
    hangNextAdds(n: number) {
      hangAdds = n;
    },
    /** The next `n` adds create their participant and answer 502, as a gateway that lost the answer. */
    failNextAddsAfterCreating(n: number) {
      failAdds = n;
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
