import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { cliRunner } from '@realtimekit-meetings/test-fixtures/cli';
import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { startMockServer } from './mock-server';

const { bin, run, runAsync } = cliRunner(path.join(import.meta.dirname, '..'));

const meetings = `/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings`;

/** Starts `realtimekit-mock` and resolves with the child and the URL it printed. */
async function startMockCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin('mock'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    out += chunk;
    const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    if (match) return { child, url: match[1] as string };
  }
  throw new Error(`realtimekit-mock printed no URL: ${out}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('realtimekit-mock', () => {
  it('answers --help with the usage', () => {
    const result = run('mock', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: realtimekit-mock [--port N] [--stateful [--seed N] [--token T]');
    expect(result.stdout).toContain('realtimekit-mock start-session MEETING_ID [--url URL]');
    expect(result.stdout).toContain('realtimekit-mock join MEETING_ID PARTICIPANT_ID [--url URL]');
  });

  it.each([
    [['--prot', '4010'], "Unknown option '--prot'"],
    [['--port', 'abc'], '--port must be a number from 0 to 65535, not abc'],
    [['--port', '70000'], '--port must be a number from 0 to 65535, not 70000'],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--proxy', 'nowhere'], '--proxy must be an absolute http(s) URL, not nowhere'],
    [['--proxy', 'file:///etc/passwd'], '--proxy must be an absolute http(s) URL, not file:///etc/passwd'],
    [['extra'], "Unexpected argument 'extra'"],
    [['--stateful', '--dynamic'], '--stateful serves the fake: it does not go with --dynamic or --proxy'],
    [['--seed', '3'], '--seed takes a whole number and goes with --stateful, not 3'],
    [['--stateful', '--seed', 'x'], '--seed takes a whole number and goes with --stateful, not x'],
    [['--token', 'secret-value'], '--token goes with --stateful'],
    [['--stateful', '--app-id', ' '], '--app-id needs a value'],
    [['start-session'], 'start-session takes one meeting ID'],
    [['start-session', 'a', 'b'], 'start-session takes one meeting ID'],
    [['start-session', 'm', '--url', 'file:///x'], "--url must be the running fake's http(s) URL"],
    [['start-session', 'm', '--name', 'n'], '--name goes with start-livestream'],
    [['join', 'm'], 'join takes a meeting ID and a participant ID'],
    [['leave', 'm', 'p', 'q'], 'leave takes a meeting ID and a participant ID'],
    [['end-session', 'm', 'p'], 'end-session takes one meeting ID'],
  ])('refuses %j with the usage and exit 2', (args, message) => {
    const result = run('mock', args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: realtimekit-mock');
  });

  it('with --stateful --seed remembers what is created, and repeats its IDs run to run', async () => {
    const created: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { child, url } = await startMockCli(['--port', '0', '--stateful', '--seed', '5']);
      try {
        const headers = { authorization: 'Bearer x', 'content-type': 'application/json' };
        const create = await fetch(`${url}${meetings}`, { method: 'POST', headers, body: '{"title":"CLI"}' });
        expect(create.status).toBe(201);
        const { data } = await create.json();
        const got = await fetch(`${url}${meetings}/${data.id}`, { headers }).then((r) => r.json());
        expect(got.data.title).toBe('CLI');
        created.push(data.id);
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    expect(created[1]).toBe(created[0]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves until %s, then stops cleanly and leaves no process',
    async (signal) => {
      const { child, url } = await startMockCli(['--port', '0']);
      const response = await fetch(`${url}${meetings}`, { headers: { authorization: 'Bearer x' } });
      expect(response.status).toBe(200);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(alive(child.pid as number)).toBe(false);
      await expect(fetch(`${url}${meetings}`)).rejects.toThrow();
    },
  );

  it('with --token, --account-id and --app-id refuses the others; start-session starts what kick then acts on', async () => {
    const token = 'cli-secret-token';
    const { child, url } = await startMockCli([
      '--port',
      '0',
      '--stateful',
      '--token',
      token,
      '--account-id',
      ACCOUNT,
      '--app-id',
      APP,
      '--presets',
      'moderator',
    ]);
    let output = '';
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
    });
    try {
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const other = await fetch(`${url}${meetings}`, { headers: { authorization: 'Bearer other' } });
      expect(other.status).toBe(401);
      const elsewhere = await fetch(`${url}${meetings.replace(APP, '00000000-0000-4000-8000-00000000a99a')}`, {
        headers,
      });
      expect(elsewhere.status).toBe(404);
      const meeting = (await (await fetch(`${url}${meetings}`, { method: 'POST', headers, body: '{}' })).json()).data;
      const added = await fetch(`${url}${meetings}/${meeting.id}/participants`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ custom_participant_id: 'ada', preset_name: 'moderator' }),
      });
      expect(added.status).toBe(201);
      const started = await runAsync('mock', ['start-session', meeting.id, '--url', url]);
      expect([started.status, started.stderr]).toEqual([0, '']);
      expect(JSON.parse(started.stdout).data.meeting_id).toBe(meeting.id);
      const kicked = await fetch(`${url}${meetings}/${meeting.id}/active-session/kick-all`, {
        method: 'POST',
        headers,
      });
      expect((await kicked.json()).data.kicked_participants_count).toBe(1);
      // kicking the last one ended the session; join starts another, leave ends it, end-session finds none
      const participant = (await added.json()).data.id;
      const joined = await runAsync('mock', ['join', meeting.id, participant, '--url', url]);
      expect([joined.status, joined.stderr]).toEqual([0, '']);
      expect(JSON.parse(joined.stdout).data).toMatchObject({ meeting_id: meeting.id, participant_id: participant });
      const left = await runAsync('mock', ['leave', meeting.id, participant, '--url', url]);
      expect(JSON.parse(left.stdout).data.session_ended).toBe(true);
      const ended = await runAsync('mock', ['end-session', meeting.id, '--url', url]);
      expect([ended.status, ended.stderr]).toEqual([1, expect.stringContaining('404 endSession: meeting')]);
      const live = await runAsync('mock', ['start-livestream', meeting.id, '--url', url, '--name', 'main']);
      expect(live.status).toBe(0);
      const unknown = await runAsync('mock', ['start-session', '00000000-0000-4000-8000-000000000000', '--url', url]);
      expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining('404 startSession: no meeting')]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    expect(output).not.toContain(token);
  });

  it('fails clearly when its port is taken', async () => {
    const taken = await startMockServer();
    try {
      const result = await runAsync('mock', ['--port', String(taken.port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${taken.port} on 127.0.0.1 is already in use`);
    } finally {
      await taken.close();
    }
  });
});
