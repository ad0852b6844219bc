import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const demo = path.join(import.meta.dirname, 'demo.mjs');
const run = (args, env = {}) =>
  spawnSync(process.execPath, [demo, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '', REALTIMEKIT_APP_ID: '', ...env },
  });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('pnpm demo', () => {
  const result = run([]);
  // each call as written, then "→ <status> in <n> ms: <result>"
  const calls = [...result.stdout.matchAll(/^ ?(\d+) {2}(.+)\n {4}→ (\d{3}) in \d+ ms: (.+)$/gm)].map((m) => ({
    call: m[2],
    status: Number(m[3]),
    result: m[4],
  }));

  it('runs on the stateful fake by default and prints each call as written beside its result', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('on the stateful fake');
    expect(result.stdout).not.toContain('Prism');
    expect(calls.map((c) => [c.call, c.status])).toEqual([
      ["const meeting = await rtk.meetings.create({ title: 'Demo standup' })", 201],
      [
        "const ada = await rtk.participants.add(meeting.id, { custom_participant_id: 'demo-ada', preset_name: 'group_call_host', name: 'Ada' })",
        201,
      ],
      [
        "const grace = await rtk.participants.add(meeting.id, { custom_participant_id: 'demo-grace', preset_name: 'group_call_participant', name: 'Grace' })",
        201,
      ],
      ['await rtk.participants.refreshToken(meeting.id, grace.id)', 200],
      [
        "await join(meeting.id, { id: 'user-linus', name: 'Linus' }) // join = createJoinTokens({ client: rtk, preset })",
        201,
      ],
      ["await join(meeting.id, { id: 'user-linus', name: 'Linus' }) // the same user again", 200],
      ['for await (const m of rtk.meetings.listAll({ per_page: 50 })) count++', 200],
      ['for await (const p of rtk.participants.listAll(meeting.id)) names.push(p.name)', 200],
      ["await rtk.meetings.update(meeting.id, { title: 'Demo standup (renamed)' })", 200],
      ['await rtk.participants.delete(meeting.id, ada.id)', 200],
      ['await rtk.participants.get(meeting.id, ada.id) // after the delete', 404],
    ]);
    expect(result.stdout).toMatch(/^Done: 11 calls in \d+ ms on the fake\.$/m);
  });

  it('shows real-looking data: distinct IDs, the titles and names it sent, dates of today, no schema placeholder', () => {
    const [meetingId] = calls[0].result.match(UUID);
    const [adaId] = calls[1].result.match(UUID);
    const [graceId] = calls[2].result.match(UUID);
    const [linusId] = calls[4].result.match(UUID);
    expect(new Set([meetingId, adaId, graceId, linusId]).size).toBe(4);
    // the same user joining twice is one participant
    expect(calls[5].result).toContain(`the same participant ${linusId} (created: false)`);
    expect(calls[4].result).toContain('(created: true)');
    expect(calls[7].result).toBe('3 participants: Ada, Grace, Linus');
    expect(calls[0].result).toContain('"Demo standup", ACTIVE');
    expect(calls[8].result).toContain('"Demo standup (renamed)"');
    const year = String(new Date().getUTCFullYear());
    for (const [, date] of result.stdout.matchAll(/(?:created|updated) (\d{4})-\d\d-\d\dT/g)) expect(date).toBe(year);
    // what Prism answers from the schema: "string" for every text, 2019 dates, one example UUID for everything
    expect(result.stdout).not.toMatch(/\bstring\b/);
    expect(result.stdout).not.toContain('2019-');
    expect(result.stdout).not.toContain('497f6eca-6276-4993-bfeb-53cbbbba6f08');
  });

  it('never prints a join token in full: a 6-character prefix and its length', () => {
    const masked = [...result.stdout.matchAll(/token ([A-Za-z0-9_-]+)… \((\d+) chars, secret\)/g)];
    expect(masked).toHaveLength(5);
    for (const [, prefix, length] of masked) {
      expect(prefix).toHaveLength(6);
      expect(Number(length)).toBeGreaterThan(20);
    }
    // nothing token-like is left once the UUIDs are taken out: no 16 or more token characters in a row that mix
    // digits and capitals (identifiers such as group_call_participant have neither)
    expect(result.stdout.replace(UUID, '')).not.toMatch(/\b(?=[\w-]*\d)(?=[\w-]*[A-Z])[\w-]{16,}/);
  });

  it('refuses --live without the credentials, naming what is missing, and touches nothing', () => {
    const live = run(['--live']);
    expect(live.status).toBe(2);
    expect(live.stderr).toContain('--live needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID');
    expect(live.stdout).toBe('');
  });

  it('refuses unknown flags with the usage', () => {
    const typo = run(['--lve']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('Usage: pnpm demo [--live]');
  });
});
