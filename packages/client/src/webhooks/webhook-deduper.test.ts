import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleEvents } from '../../test-support/webhook-events';
import { type JoinTokenStore, memoryJoinTokenStore } from '../join-tokens';
import type { KnownWebhookEvent, WebhookEvent } from './events';
import { WEBHOOK_DEDUPE_TTL_MS, webhookDeduper, webhookEventKey } from './webhook-deduper';

afterEach(() => {
  vi.useRealTimers();
});

const sample = <N extends KnownWebhookEvent['event']>(name: N) =>
  structuredClone(sampleEvents.find((e) => e.event === name)) as Extract<KnownWebhookEvent, { event: N }>;

/** A store as KV is: get, set, delete and nothing atomic. */
function kvLikeStore(): JoinTokenStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, value);
    },
    delete: async (key) => {
      map.delete(key);
    },
  };
}

describe('webhookDeduper', () => {
  it('a replayed delivery is a duplicate; the first is not', async () => {
    const dedupe = webhookDeduper();
    const event = sample('meeting.participantJoined');
    expect(await dedupe.claim(event)).toBe(true);
    expect(await dedupe.claim(structuredClone(event))).toBe(false);
  });

  it('a retry carrying fresh download URLs and expiries is the same event', async () => {
    const dedupe = webhookDeduper();
    const first = sample('recording.statusUpdate');
    const retry = sample('recording.statusUpdate');
    retry.recording.downloadUrl = 'https://storage.example.test/rec.mp4?sig=2';
    retry.recording.downloadUrlExpiry = '2026-12-07T10:31:00.000Z';
    const chat = sample('meeting.chatSynced');
    const chatRetry = {
      ...sample('meeting.chatSynced'),
      chatDownloadUrl: 'https://x.test/other',
      chatDownloadUrlExpiry: 'later',
    };
    const transcript = sample('meeting.transcript');
    const transcriptRetry = { ...sample('meeting.transcript'), transcriptDownloadUrl: 'https://x.test/other' };
    for (const [a, b] of [
      [first, retry],
      [chat, chatRetry],
      [transcript, transcriptRetry],
    ] as WebhookEvent[][]) {
      expect(await dedupe.claim(a as WebhookEvent)).toBe(true);
      expect(await dedupe.claim(b as WebhookEvent)).toBe(false);
    }
  });

  it('a new status, a new join of the same user and another session are new events', async () => {
    const dedupe = webhookDeduper();
    const uploaded = sample('recording.statusUpdate');
    const errored = sample('recording.statusUpdate');
    errored.recording.status = 'ERRORED';
    const joined = sample('meeting.participantJoined');
    const rejoined = sample('meeting.participantJoined');
    rejoined.participant.joinedAt = '2026-12-05T10:20:00.000Z';
    const left = sample('meeting.participantLeft');
    const leftAgain = sample('meeting.participantLeft');
    leftAgain.participant.leftAt = '2026-12-05T10:40:00.000Z';
    const started = sample('meeting.started');
    const nextSession = sample('meeting.started');
    nextSession.meeting.sessionId = '11111111-2222-4333-8444-555555555555';
    const live = sample('livestreaming.statusUpdate');
    const offline = { ...sample('livestreaming.statusUpdate'), status: 'OFFLINE' };
    for (const event of [uploaded, errored, joined, rejoined, left, leftAgain, started, nextSession, live, offline]) {
      expect(await dedupe.claim(event)).toBe(true);
    }
  });

  it('every documented event has a key of its own', async () => {
    const keys = await Promise.all(sampleEvents.map(webhookEventKey));
    expect(new Set(keys).size).toBe(9);
    for (const key of keys) expect(key).toMatch(/^rtk-webhook:[0-9a-f]{64}$/);
  });

  it('an unknown event is keyed on its whole content, whatever the order of its keys', async () => {
    const dedupe = webhookDeduper();
    expect(await dedupe.claim({ event: 'x.new', a: 1, b: { c: 2, d: [3] } })).toBe(true);
    expect(await dedupe.claim({ b: { d: [3], c: 2 }, a: 1, event: 'x.new' })).toBe(false);
    expect(await dedupe.claim({ event: 'x.new', a: 2, b: { c: 2, d: [3] } })).toBe(true);
  });

  it('forgets a claim after the TTL, and after release', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = kvLikeStore();
    const dedupe = webhookDeduper(store, { ttlMs: 1000 });
    const event = sample('meeting.ended');
    expect(await dedupe.claim(event)).toBe(true);
    vi.setSystemTime(Date.now() + 999);
    expect(await dedupe.claim(event)).toBe(false);
    vi.setSystemTime(Date.now() + 1);
    expect(await dedupe.claim(event)).toBe(true);
    await dedupe.release(event);
    expect(store.map.size).toBe(0);
    expect(await dedupe.claim(event)).toBe(true);
    // the default TTL is a week
    const week = webhookDeduper(kvLikeStore());
    expect(await week.claim(event)).toBe(true);
    vi.setSystemTime(Date.now() + WEBHOOK_DEDUPE_TTL_MS - 1);
    expect(await week.claim(event)).toBe(false);
  });

  it('with compareAndSet, concurrent claims of one event on two instances: exactly one wins', async () => {
    const store = memoryJoinTokenStore();
    const a = webhookDeduper(store);
    const b = webhookDeduper(store);
    const event = sample('meeting.summary');
    const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim(event)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('takes over an unreadable value, and refuses a store or TTL it cannot use', async () => {
    const store = kvLikeStore();
    const event = sample('meeting.started');
    store.map.set(await webhookEventKey(event), 'garbage');
    expect(await webhookDeduper(store).claim(event)).toBe(true);
    expect(() => webhookDeduper({ get: async () => null } as never)).toThrow(/get, set and delete/);
    expect(() => webhookDeduper(kvLikeStore(), { ttlMs: 0 })).toThrow(/ttlMs/);
  });
});
