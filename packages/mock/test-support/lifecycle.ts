import { type RealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { expect } from 'vitest';

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof RealtimeKitError ? error.status : -1),
  );

/**
 * The scenario a user writes against the fake, through our own client: create a meeting, add Ada, list the
 * participants, remove Ada, she is gone; the meeting is found, renamed and listed; an unknown ID is a 404.
 */
export async function meetingLifecycle(rtk: RealtimeKitClient) {
  const meeting = await rtk.meetings.create({ title: 'Daily standup' });
  expect(meeting).toMatchObject({ title: 'Daily standup', status: 'ACTIVE', persist_chat: false });
  expect(await rtk.meetings.get(meeting.id)).toEqual(meeting);

  const ada = await rtk.participants.add(meeting.id, {
    custom_participant_id: 'user-ada',
    preset_name: 'group_call_host',
    name: 'Ada',
  });
  expect(ada.token).toMatch(/^\S{20,}$/);
  const { data } = await rtk.participants.list(meeting.id);
  expect(data.map((p) => p.name)).toEqual(['Ada']);
  expect(data[0]).not.toHaveProperty('token');

  const { token } = await rtk.participants.refreshToken(meeting.id, ada.id);
  expect(token).not.toBe(ada.token);

  await rtk.participants.delete(meeting.id, ada.id);
  expect((await rtk.participants.list(meeting.id)).data).toEqual([]);
  expect(await statusOf(rtk.participants.get(meeting.id, ada.id))).toBe(404);

  const renamed = await rtk.meetings.update(meeting.id, { title: 'Weekly sync' });
  expect(renamed.title).toBe('Weekly sync');
  const titles: (string | undefined)[] = [];
  for await (const m of rtk.meetings.listAll({ search: 'weekly' })) titles.push(m.title);
  expect(titles).toEqual(['Weekly sync']);

  expect(await statusOf(rtk.meetings.get('00000000-0000-4000-8000-000000000000'))).toBe(404);
  return { meetingId: meeting.id };
}
