import { openapiDocument } from '@realtimekit-meetings/mock/openapi';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startFakeServer } from '../test-support/fake-server';
import { resolveRef } from '../test-support/spec';
import { createRealtimeKitProxy } from './create-proxy';

type Node = Record<string, unknown>;

/** A join-only proxy on the stateful fake over node:http, which refuses an ID out of its format as the API does (400). */
async function joinProxy() {
  const fake = await startFakeServer();
  onTestFinished(() => fake.close());
  const onError = vi.fn();
  const identify = vi.fn(() => ({ id: 'user-ada' }));
  const handle = createRealtimeKitProxy({
    client: fake.client(),
    basePath: '/api',
    join: { identify, authorize: () => true },
    onError,
  });
  const join = (meetingId: string) =>
    handle(
      new Request(`https://app.example.test/api/meetings/${meetingId}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      }),
    );
  return { fake, join, onError, identify };
}

describe('the join route takes only a meeting ID in the format the spec declares (a UUID)', () => {
  it('every operation a join makes declares meeting_id as format: uuid', () => {
    const joinOperations = ['get_meeting_participants', 'add_participant', 'edit_participant', 'regenerate_token'];
    const formats: Record<string, unknown> = {};
    for (const item of Object.values(openapiDocument.paths as Record<string, Node>)) {
      for (const operation of Object.values(item) as Node[]) {
        if (!joinOperations.includes(operation?.operationId as string)) continue;
        // an operation's own parameter overrides its path's of the same name
        const declared = [...((item.parameters as Node[]) ?? []), ...((operation.parameters as Node[]) ?? [])]
          .map((p) => resolveRef(p) as Node)
          .filter((p) => p.in === 'path' && p.name === 'meeting_id');
        formats[operation.operationId as string] = (declared.at(-1)?.schema as Node)?.format;
      }
    }
    expect(formats).toEqual(Object.fromEntries(joinOperations.map((id) => [id, 'uuid'])));
  });

  it('an ID that is not a UUID: 400 before identify (so before anything is sent), nothing told to onError', async () => {
    const { join, onError, identify } = await joinProxy();
    for (const id of [
      'abc',
      'abcdef-ghijkl',
      'bbb0339924e34b0c90ec172e97e636be', // the hex without dashes
      'bbb03399-24e3-4b0c-90ec-172e97e636b', // one digit short
      'gbb03399-24e3-4b0c-90ec-172e97e636be', // not hex
      'urn:uuid:bbb03399-24e3-4b0c-90ec-172e97e636be',
      'a.b',
    ]) {
      const response = await join(id);
      expect([id, response.status, await response.json()]).toEqual([
        id,
        400,
        { success: false, error: { code: 400, message: 'meeting_id is not a valid ID: a meeting ID is a UUID' } },
      ]);
    }
    expect(identify).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('a UUID goes upstream: a meeting’s joins; one of no meeting is the browser’s 404, not an onError', async () => {
    const { fake, join, onError } = await joinProxy();
    const meetingId = await fake.newMeeting();
    expect((await join(meetingId)).status).toBe(200);
    const response = await join('6bf2b8be-04dd-4191-b602-1128921a306b');
    expect(response.status).toBe(404);
    expect(onError).not.toHaveBeenCalled();
  });

  it('an ID in upper or mixed case is the same meeting, joined by the same participant (not one more per spelling)', async () => {
    const { fake, join } = await joinProxy();
    const meetingId = await fake.newMeeting();
    const mixed = meetingId.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
    const answers = await Promise.all([meetingId, meetingId.toUpperCase(), mixed, meetingId.toUpperCase()].map(join));
    const ids = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { participant_id: string }).participant_id),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(ids).size).toBe(1);
    const listed = await fake.client().participants.list(meetingId);
    expect(listed.data.filter((p) => p.custom_participant_id === 'user-ada')).toHaveLength(1);
  });
});
