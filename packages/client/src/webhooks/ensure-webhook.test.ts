import { describe, expect, it } from 'vitest';
import { countedFake, startFakeServer } from '../../test-support/fake';
import { rejection } from '../../test-support/rejection';
import { RealtimeKitError } from '../errors';
import { ensureWebhook } from './ensure-webhook';

const URL_ = 'https://example.com/realtimekit';
const WANTED = { url: URL_, events: ['meeting.ended', 'recording.statusUpdate'] } as const;

/** The app's webhooks, read without counting. */
const webhooksOf = (setup: ReturnType<typeof countedFake>) => setup.other.webhooks.list();

describe('ensureWebhook converges from each start state, calls counted', () => {
  it('absent: creates it, then lists once more to see a concurrent create (3 calls)', async () => {
    const setup = countedFake();
    const result = await ensureWebhook(setup.rtk, { ...WANTED, name: 'deploy' });
    expect(setup.calls).toEqual(['GET /webhooks', 'POST /webhooks', 'GET /webhooks']);
    expect(result).toMatchObject({ action: 'created', deleted: [] });
    expect(result.webhook).toMatchObject({ url: URL_, name: 'deploy', enabled: true, events: [...WANTED.events] });
    expect(await webhooksOf(setup)).toEqual([result.webhook]);
  });

  it('already right: one list, no write', async () => {
    const setup = countedFake();
    const existing = await setup.other.webhooks.create({
      name: 'mine',
      url: URL_,
      events: ['recording.statusUpdate', 'meeting.ended'],
    });
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(setup.calls).toEqual(['GET /webhooks']);
    expect(result).toEqual({ webhook: existing, action: 'unchanged', deleted: [] });
  });

  it('present with other events: edits it in place with one PATCH, keeping its ID (2 calls)', async () => {
    const setup = countedFake();
    const existing = await setup.other.webhooks.create({ name: 'old', url: URL_, events: ['meeting.started'] });
    const result = await ensureWebhook(setup.rtk, { ...WANTED, name: 'new' });
    expect(setup.calls).toEqual(['GET /webhooks', `PATCH /webhooks/${existing.id}`]);
    expect(result).toMatchObject({ action: 'updated', deleted: [] });
    expect(result.webhook).toMatchObject({ id: existing.id, name: 'new', events: [...WANTED.events] });
    expect(await webhooksOf(setup)).toEqual([result.webhook]);
  });

  it('present but disabled: enables it; a name left out keeps the existing one', async () => {
    const setup = countedFake();
    const existing = await setup.other.webhooks.create({
      name: 'theirs',
      url: URL_,
      events: [...WANTED.events],
      enabled: false,
    });
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(setup.calls).toEqual(['GET /webhooks', `PATCH /webhooks/${existing.id}`]);
    expect(result.webhook).toMatchObject({ id: existing.id, name: 'theirs', enabled: true });
  });

  it('present twice: keeps the oldest, deletes the other, edits the kept one (4 calls)', async () => {
    const setup = countedFake();
    // The fake refuses the same string twice, as RealtimeKit's spec declares; two spellings of one URL are one
    // endpoint that RealtimeKit would POST every event to twice.
    const first = await setup.other.webhooks.create({
      name: 'a',
      url: 'https://EXAMPLE.com/realtimekit',
      events: ['meeting.started'],
    });
    const second = await setup.other.webhooks.create({
      name: 'b',
      url: 'https://example.com:443/realtimekit',
      events: [...WANTED.events],
    });
    const unrelated = await setup.other.webhooks.create({
      name: 'c',
      url: 'https://example.com/other',
      events: ['meeting.started'],
    });
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(setup.calls).toEqual(['GET /webhooks', `DELETE /webhooks/${second.id}`, `PATCH /webhooks/${first.id}`]);
    expect(result.action).toBe('updated');
    expect(result.deleted.map((w) => w.id)).toEqual([second.id]);
    expect((await webhooksOf(setup)).map((w) => [w.id, w.events])).toEqual([
      [first.id, [...WANTED.events]],
      [unrelated.id, ['meeting.started']],
    ]);
  });

  it('a create refused with 400 because the URL was registered meanwhile: lists again and converges, one create', async () => {
    const setup = countedFake();
    // between our list and our create, another deploy registers the URL with other events
    setup.hooks.before = async (call) => {
      if (call === 'POST /webhooks')
        await setup.other.webhooks.create({ name: 'x', url: URL_, events: ['meeting.started'] });
    };
    const result = await ensureWebhook(setup.rtk, WANTED);
    const [hook] = await webhooksOf(setup);
    expect(setup.calls).toEqual(['GET /webhooks', 'POST /webhooks', 'GET /webhooks', `PATCH /webhooks/${hook?.id}`]);
    expect(result).toMatchObject({ action: 'updated', webhook: hook });
    expect(await webhooksOf(setup)).toHaveLength(1);
  });

  it('the same race answered 409 "same URL already registered", as users report the API does, over a real server', async () => {
    const setup = countedFake();
    let refusals = 0;
    const server = await startFakeServer(setup.fake, async (request, forward) => {
      const answer = await forward();
      if (request.method !== 'POST' || answer.status !== 400) return answer;
      refusals++;
      const error = { code: 409, message: 'A webhook with the same URL is already registered' };
      return Response.json({ success: false, error }, { status: 409 });
    });
    try {
      setup.via(server.url);
      setup.hooks.before = async (call) => {
        if (call === 'POST /webhooks')
          await setup.other.webhooks.create({ name: 'x', url: URL_, events: ['meeting.started'] });
      };
      const result = await ensureWebhook(setup.rtk, WANTED);
      expect(refusals).toBe(1);
      expect(setup.writes()).toEqual(['POST /webhooks', `PATCH /webhooks/${result.webhook.id}`]);
      expect(setup.calls).toHaveLength(4);
      expect((await webhooksOf(setup)).map((w) => w.events)).toEqual([[...WANTED.events]]);
    } finally {
      await server.close();
    }
  });

  it('a create refused for another reason (the URL is not there after all) is thrown as it came, never repeated', async () => {
    const setup = countedFake();
    const server = await startFakeServer(setup.fake, (request) =>
      request.method === 'POST'
        ? Response.json({ success: false, error: { code: 400, message: 'url is not reachable' } }, { status: 400 })
        : undefined,
    );
    try {
      setup.via(server.url);
      const error = await rejection(ensureWebhook(setup.rtk, WANTED));
      expect(error).toBeInstanceOf(RealtimeKitError);
      expect(error).toMatchObject({ status: 400, message: expect.stringContaining('url is not reachable') });
      expect(setup.calls).toEqual(['GET /webhooks', 'POST /webhooks', 'GET /webhooks']);
    } finally {
      await server.close();
    }
  });

  it('a deletion answered 404 (another caller deleted it first) counts as done', async () => {
    const setup = countedFake();
    const first = await setup.other.webhooks.create({ name: 'a', url: URL_, events: [...WANTED.events] });
    const second = await setup.other.webhooks.create({
      name: 'b',
      url: 'https://example.com:443/realtimekit',
      events: [...WANTED.events],
    });
    setup.hooks.before = async (call) => {
      if (call.startsWith('DELETE')) await setup.other.webhooks.delete(second.id);
    };
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(setup.calls).toEqual(['GET /webhooks', `DELETE /webhooks/${second.id}`]);
    expect(result).toMatchObject({ action: 'unchanged', webhook: first });
    expect(result.deleted.map((w) => w.id)).toEqual([second.id]);
  });
});

describe('ensureWebhook run twice at once', () => {
  it('ends with one webhook: the second create is refused, and its caller converges on the first (6 calls)', async () => {
    const setup = countedFake();
    const [a, b] = await Promise.all([ensureWebhook(setup.rtk, WANTED), ensureWebhook(setup.rtk, WANTED)]);
    const hooks = await webhooksOf(setup);
    expect(hooks).toHaveLength(1);
    expect(a.webhook.id).toBe(hooks[0]?.id);
    expect(b.webhook.id).toBe(hooks[0]?.id);
    expect([a.action, b.action].sort()).toEqual(['created', 'unchanged']);
    expect(setup.calls.filter((c) => c === 'POST /webhooks')).toHaveLength(2);
    expect(setup.calls).toHaveLength(6);
  });

  it('three at once, each wanting other events: one webhook, with the events one of them asked for', async () => {
    const setup = countedFake();
    const all = ['meeting.started', 'meeting.ended', 'meeting.participantJoined'] as const;
    const results = await Promise.all(all.map((event) => ensureWebhook(setup.rtk, { url: URL_, events: [event] })));
    const hooks = await webhooksOf(setup);
    expect(hooks).toHaveLength(1);
    expect(results.every((r) => r.webhook.id === hooks[0]?.id)).toBe(true);
    expect(all.map((e) => [e])).toContainEqual(hooks[0]?.events);
  });
});

describe('ensureWebhook run twice at once, where the API takes one URL twice', () => {
  it('both create, both list again, both keep the oldest: one webhook left (8 calls)', async () => {
    const setup = countedFake();
    // an API that registers the same URL twice (the issue reports copies): webhooks in memory, in order of creation
    const stored: Record<string, unknown>[] = [];
    let created = 0;
    setup.answerSome(async (call, request) => {
      const ok = (data: unknown) => Response.json({ success: true, data });
      if (call === 'GET /webhooks') return ok(stored);
      if (call === 'POST /webhooks') {
        const n = ++created;
        const at = `2026-01-01T00:00:0${n}.000Z`;
        const body = (await request.json()) as object;
        const hook = { ...body, id: `00000000-0000-4000-8000-00000000000${n}`, created_at: at, updated_at: at };
        stored.push(hook);
        return ok(hook);
      }
      const i = stored.findIndex((w) => call.endsWith(w.id as string));
      if (i < 0) return Response.json({ success: false, error: { code: 404, message: 'gone' } }, { status: 404 });
      return ok(stored.splice(i, 1)[0]);
    });
    const [a, b] = await Promise.all([ensureWebhook(setup.rtk, WANTED), ensureWebhook(setup.rtk, WANTED)]);
    expect(stored.map((w) => w.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect([a.webhook.id, b.webhook.id]).toEqual([stored[0]?.id, stored[0]?.id]);
    expect(setup.calls.filter((c) => c === 'POST /webhooks')).toHaveLength(2);
    expect(setup.calls.filter((c) => c.startsWith('DELETE'))).toEqual([
      'DELETE /webhooks/00000000-0000-4000-8000-000000000002',
      'DELETE /webhooks/00000000-0000-4000-8000-000000000002',
    ]);
    expect(setup.calls).toHaveLength(8);
  });
});

describe('ensureWebhook refuses bad input before sending anything', () => {
  it.each([
    [{ url: 'example.com/hook', events: ['meeting.ended'] }, 'url must be an absolute http(s) URL'],
    [{ url: 'ftp://example.com/hook', events: ['meeting.ended'] }, 'url must be an absolute http(s) URL'],
    [{ url: 42, events: ['meeting.ended'] }, 'url must be an absolute http(s) URL'],
    [{ url: URL_, events: [] }, 'events must list at least one of meeting.started, meeting.ended'],
    [{ url: URL_, events: 'meeting.ended' }, 'events must list at least one of'],
    [
      { url: URL_, events: ['meeting.ended', 'meeting.end'] },
      'unknown event "meeting.end": the API knows meeting.started',
    ],
    [{ url: URL_, events: ['meeting.ended'], name: '' }, 'name must be a non-empty string'],
    [{ url: URL_, events: ['meeting.ended'], enabled: 'yes' }, 'enabled must be true or false'],
    [undefined, 'pass { url, events }'],
  ])('%j: %s', async (wanted, message) => {
    const setup = countedFake();
    const error = await rejection(ensureWebhook(setup.rtk, wanted as never));
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error).toMatchObject({
      kind: 'invalid_argument',
      message: expect.stringContaining(`ensureWebhook: ${message}`),
    });
    expect(setup.calls).toEqual([]);
  });

  it('refuses something that is not a client, and never quotes the URL (it may hold a secret)', async () => {
    const error = await rejection(ensureWebhook({} as never, WANTED));
    expect(error).toMatchObject({ kind: 'invalid_argument', message: expect.stringContaining('must be a client') });
    const secret = 'not a url?token=s3cr3t';
    const bad = await rejection(ensureWebhook(countedFake().rtk, { url: secret, events: ['meeting.ended'] }));
    expect(String(bad.message)).not.toContain('s3cr3t');
  });
});

describe('ensureWebhook, the edges', () => {
  const hook = (id: string, created_at: string, url = URL_) => ({
    id,
    name: id,
    url,
    events: [...WANTED.events],
    enabled: true,
    created_at,
    updated_at: created_at,
  });
  const list = (...data: unknown[]) => Response.json({ success: true, data });

  it('keeps the oldest by created_at whatever the list order, the smaller ID on a tie', async () => {
    const setup = countedFake();
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const c = '00000000-0000-4000-8000-00000000000c';
    const answers = [
      list(
        hook(c, '2026-01-02T00:00:00.000Z'),
        hook(b, '2026-01-01T00:00:00.000Z'),
        hook(a, '2026-01-01T00:00:00.000Z'),
      ),
    ];
    setup.answerSome((call) =>
      call === 'GET /webhooks' ? answers.shift() : Response.json({ success: true, data: hook(call.slice(-36), '') }),
    );
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(result.webhook.id).toBe(a);
    expect(setup.calls).toEqual(['GET /webhooks', `DELETE /webhooks/${b}`, `DELETE /webhooks/${c}`]);
  });

  it.each([
    ['one event fewer', ['meeting.ended', 'recording.statusUpdate', 'meeting.started']],
    ['one event more', ['meeting.ended']],
    ['as many, one other', ['meeting.ended', 'meeting.started']],
  ] as const)('edits a webhook with %s', async (_case, events) => {
    const setup = countedFake();
    const existing = await setup.other.webhooks.create({ name: 'n', url: URL_, events: [...events] });
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(setup.writes()).toEqual([`PATCH /webhooks/${existing.id}`]);
    expect(result.webhook.events).toEqual([...WANTED.events]);
  });

  it('names a webhook it creates without a name realtimekit-meetings, and takes an http URL', async () => {
    const setup = countedFake();
    const result = await ensureWebhook(setup.rtk, { url: 'http://example.com/hook', events: ['meeting.ended'] });
    expect(result.webhook).toMatchObject({ name: 'realtimekit-meetings', url: 'http://example.com/hook' });
  });

  it('uses what the create answered when the list after it does not show it yet', async () => {
    const setup = countedFake();
    let lists = 0;
    setup.answerSome((call) => (call === 'GET /webhooks' && ++lists === 2 ? list() : undefined));
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(result).toMatchObject({ action: 'created', deleted: [] });
    expect(setup.calls).toHaveLength(3);
  });

  it('an answer that is not a URL is compared as written and left alone', async () => {
    const setup = countedFake();
    setup.answerSome((call) =>
      call === 'GET /webhooks' ? list(hook('x', '2026-01-01T00:00:00.000Z', 'not a url')) : undefined,
    );
    const result = await ensureWebhook(setup.rtk, WANTED);
    expect(result.action).toBe('created');
  });

  it('throws, naming the fix, when the API answers the created webhook under another URL', async () => {
    const setup = countedFake();
    setup.answerSome(async (call, request) => {
      if (call !== 'GET /webhooks') return undefined;
      const { data } = (await (await setup.fake.fetch(request)).json()) as { data: { url: string }[] };
      return list(...data.map((w) => ({ ...w, url: `${w.url}/elsewhere` })));
    });
    const error = await rejection(ensureWebhook(setup.rtk, WANTED));
    expect(error).toMatchObject({
      kind: 'invalid_response',
      message: expect.stringContaining('run ensureWebhook again'),
    });
    expect(setup.calls).toEqual(['GET /webhooks', 'POST /webhooks', 'GET /webhooks']);
  });

  it('throws a create that failed otherwise (500) at once, with no list after it', async () => {
    const setup = countedFake();
    setup.answerSome((call) =>
      call === 'POST /webhooks'
        ? Response.json({ success: false, error: { code: 500, message: 'down' } }, { status: 500 })
        : undefined,
    );
    const error = await rejection(ensureWebhook(setup.rtk, WANTED));
    expect(error.status).toBe(500);
    expect(setup.calls).toEqual(['GET /webhooks', 'POST /webhooks']);
  });

  it('throws a deletion that failed otherwise (403), and edits nothing after it', async () => {
    const setup = countedFake();
    await setup.other.webhooks.create({ name: 'a', url: URL_, events: ['meeting.started'] });
    const second = await setup.other.webhooks.create({
      name: 'b',
      url: 'https://EXAMPLE.com/realtimekit',
      events: ['meeting.started'],
    });
    setup.answerSome((call) =>
      call.startsWith('DELETE')
        ? Response.json({ success: false, error: { code: 403, message: 'no' } }, { status: 403 })
        : undefined,
    );
    const error = await rejection(ensureWebhook(setup.rtk, WANTED));
    expect(error.status).toBe(403);
    expect(setup.calls).toEqual(['GET /webhooks', `DELETE /webhooks/${second.id}`]);
  });

  it.each([
    ['no client', undefined, WANTED, 'the first argument must be a client'],
    ['null options', 'client', null, 'pass { url, events }'],
    ['a blank name', 'client', { ...WANTED, name: '   ' }, 'name must be a non-empty string'],
  ])('refuses %s', async (_case, client, wanted, message) => {
    const setup = countedFake();
    const error = await rejection(ensureWebhook((client && setup.rtk) as never, wanted as never));
    expect(error.message).toContain(message);
    expect(setup.calls).toEqual([]);
  });

  it('names every event the API knows when one is unknown', async () => {
    const error = await rejection(ensureWebhook(countedFake().rtk, { url: URL_, events: ['meeting.nope' as never] }));
    expect(error.message).toBe(
      'invalid_argument: ensureWebhook: unknown event "meeting.nope": the API knows meeting.started, meeting.ended, meeting.participantJoined, meeting.participantLeft, meeting.chatSynced, recording.statusUpdate, livestreaming.statusUpdate, meeting.transcript, meeting.summary',
    );
  });
});
