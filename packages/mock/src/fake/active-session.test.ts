import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import { describe, expect, it } from 'vitest';
import { BASE, fakeOnClock, UNKNOWN } from '../../test-support/fake-on-clock';
import { CONTROL_PATH } from './create-fake';

/** A fake on a clock the test moves, recording every event it announces, with Ada and Bob in "Standup". */
async function setup() {
  const { fake, rtk, events, scopes, tick } = fakeOnClock('2026-03-02T10:00:00.000Z', { seed: 7 });
  const meeting = await rtk.meetings.create({ title: 'Standup' });
  const add = (name: string) =>
    rtk.participants.add(meeting.id, {
      custom_participant_id: name.toLowerCase(),
      preset_name: 'group_call_host',
      name,
    });
  const ada = await add('Ada');
  const bob = await add('Bob');
  const later = (minutes: number) => tick(minutes * 60);
  const names = () => events.map((e) => e.event);
  return { fake, rtk, meeting, ada, bob, events, scopes, later, names };
}

describe('the session lifecycle', () => {
  it('starts a session at the first join, announces each join and leave, and ends it when the last one leaves', async () => {
    const { fake, rtk, meeting, ada, bob, events, scopes, later, names } = await setup();
    const started = '2026-03-02T10:00:00.000Z';
    const joined = fake.joinParticipant(meeting.id, ada.id);
    expect(joined).toMatchObject({ meeting_id: meeting.id, participant_id: ada.id });
    expect(joined.peer_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await rtk.activeSession.get(meeting.id)).id).toBe(joined.session_id);
    const meetingObject = {
      id: meeting.id,
      sessionId: joined.session_id,
      title: 'Standup',
      roomName: meeting.id,
      status: 'LIVE',
      createdAt: meeting.created_at,
      startedAt: started,
      organizedBy: { id: ACCOUNT, name: ACCOUNT },
    };
    expect(events).toEqual([
      { event: 'meeting.started', meeting: meetingObject },
      {
        event: 'meeting.participantJoined',
        meeting: meetingObject,
        participant: {
          peerId: joined.peer_id,
          userDisplayName: 'Ada',
          customParticipantId: 'ada',
          clientSpecificId: 'ada',
          joinedAt: started,
        },
      },
    ]);
    expect(scopes).toEqual([
      { accountId: ACCOUNT, appId: APP },
      { accountId: ACCOUNT, appId: APP },
    ]);

    const bobJoinedAt = later(5);
    const bobPeer = fake.joinParticipant(meeting.id, bob.id);
    expect(bobPeer.session_id).toBe(joined.session_id); // the live session, not a new one
    expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(2);
    const adaLeftAt = later(10);
    fake.leaveParticipant(meeting.id, ada.id);
    expect(events.at(-1)).toEqual({
      event: 'meeting.participantLeft',
      meeting: meetingObject,
      participant: expect.objectContaining({ peerId: joined.peer_id, joinedAt: started, leftAt: adaLeftAt }),
    });
    expect(await rtk.activeSession.get(meeting.id)).toMatchObject({
      live_participants: 1,
      max_concurrent_participants: 2,
    });

    const endedAt = later(15);
    fake.leaveParticipant(meeting.id, bob.id);
    expect(names()).toEqual([
      'meeting.started',
      'meeting.participantJoined',
      'meeting.participantJoined',
      'meeting.participantLeft',
      'meeting.participantLeft',
      'meeting.ended',
      'meeting.chatSynced',
    ]);
    const ended = { ...meetingObject, endedAt };
    expect(events.slice(-3)).toEqual([
      {
        event: 'meeting.participantLeft',
        meeting: meetingObject, // announced before the end
        participant: expect.objectContaining({ peerId: bobPeer.peer_id, joinedAt: bobJoinedAt, leftAt: endedAt }),
      },
      { event: 'meeting.ended', meeting: ended, reason: 'ALL_PARTICIPANTS_LEFT' },
      {
        event: 'meeting.chatSynced',
        sessionId: joined.session_id,
        meetingId: meeting.id,
        title: 'Standup',
        chatDownloadUrl: expect.stringMatching(/^https:\/\/realtimekit-fake\.invalid\/sessions\/.+\/chat\.csv$/),
        chatDownloadUrlExpiry: '2026-03-03T10:30:00.000Z',
        createdAt: meeting.created_at,
        startedAt: started,
        endedAt,
        organizedBy: { id: ACCOUNT, name: ACCOUNT },
      },
    ]);
    // no session is live now; the next join starts another
    await expect(rtk.activeSession.get(meeting.id)).rejects.toMatchObject({ status: 404 });
    const again = fake.joinParticipant(meeting.id, ada.id);
    expect(again.session_id).not.toBe(joined.session_id);
    expect(names().slice(-2)).toEqual(['meeting.started', 'meeting.participantJoined']);
  });

  it('ends the session when the host ends it: everyone leaves, then HOST_ENDED_MEETING, transcript and summary as the meeting asks', async () => {
    const { fake, rtk, ada, bob, events, later, names } = await setup();
    const ai = await rtk.meetings.create({ title: 'Review', transcribe_on_end: true, summarize_on_end: true });
    for (const p of [ada, bob]) {
      await rtk.participants.add(ai.id, {
        custom_participant_id: p.custom_participant_id,
        preset_name: 'group_call_host',
        name: p.name ?? '',
      });
    }
    fake.startSession(ai.id);
    events.length = 0;
    const endedAt = later(30);
    fake.endSession(ai.id);
    expect(names()).toEqual([
      'meeting.participantLeft',
      'meeting.participantLeft',
      'meeting.ended',
      'meeting.chatSynced',
      'meeting.transcript',
      'meeting.summary',
    ]);
    expect(events[2]).toMatchObject({ reason: 'HOST_ENDED_MEETING', meeting: { id: ai.id, endedAt } });
    expect(events[4]).toMatchObject({
      meeting: { id: ai.id, endedAt },
      transcriptDownloadUrl: expect.stringMatching(/transcript\.csv$/),
      transcriptDownloadUrlExpiry: '2026-03-03T10:30:00.000Z',
    });
    expect(events[5]).toMatchObject({
      summaryDownloadUrl: expect.stringMatching(/summary\.txt$/),
      summaryDownloadUrlExpiry: '2026-03-03T10:30:00.000Z',
    });
    await expect(rtk.activeSession.get(ai.id)).rejects.toMatchObject({ status: 404 });
    expect(() => fake.endSession(ai.id)).toThrow(`endSession: meeting ${ai.id} has no live session`);
  });

  it('takes a kick, a kick-all and a deleted participant as leaves, the last of them ending the session', async () => {
    const { fake, rtk, meeting, ada, bob, events, names } = await setup();
    fake.startSession(meeting.id);
    expect(names()).toEqual(['meeting.started', 'meeting.participantJoined', 'meeting.participantJoined']);
    events.length = 0;
    await rtk.activeSession.kick(meeting.id, { participant_ids: [ada.id] });
    expect(events).toEqual([
      expect.objectContaining({
        event: 'meeting.participantLeft',
        participant: expect.objectContaining({ customParticipantId: 'ada' }),
      }),
    ]);
    await rtk.activeSession.kickAll(meeting.id);
    expect(names()).toEqual([
      'meeting.participantLeft',
      'meeting.participantLeft',
      'meeting.ended',
      'meeting.chatSynced',
    ]);
    expect(events[2]).toMatchObject({ reason: 'ALL_PARTICIPANTS_LEFT' });

    fake.startSession(meeting.id, { participants: [bob.id] });
    events.length = 0;
    await rtk.participants.delete(meeting.id, bob.id);
    expect(names()).toEqual(['meeting.participantLeft', 'meeting.ended', 'meeting.chatSynced']);
    // a kick the fake refuses (a body that breaks the spec) changes nothing and announces nothing
    fake.startSession(meeting.id, { participants: [ada.id] });
    events.length = 0;
    const refused = await rtk.activeSession.kick(meeting.id, { participant_ids: 'everyone' } as never).then(
      () => undefined,
      (e: { status: number }) => e.status,
    );
    expect([refused, events]).toEqual([400, []]);
    expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(1);
    // a kick that selects nobody changes nothing and announces nothing
    fake.startSession(meeting.id, { participants: [ada.id] });
    events.length = 0;
    await rtk.activeSession.kick(meeting.id, { participant_ids: [UNKNOWN] });
    expect(events).toEqual([]);
  });

  it('replaces a running session when started again: the old one ends as the host ending it', async () => {
    const { fake, meeting, events } = await setup();
    fake.startSession(meeting.id);
    events.length = 0;
    fake.startSession(meeting.id);
    expect(events.map((e) => [e.event, e.reason])).toEqual([
      ['meeting.participantLeft', undefined],
      ['meeting.participantLeft', undefined],
      ['meeting.ended', 'HOST_ENDED_MEETING'],
      ['meeting.chatSynced', undefined],
      ['meeting.started', undefined],
      ['meeting.participantJoined', undefined],
      ['meeting.participantJoined', undefined],
    ]);
  });

  it('announces only once the whole change is made: a listener that throws leaves it whole', async () => {
    const { fake, rtk } = fakeOnClock('2026-03-02T10:00:00.000Z', {
      onEvent: (_scope, event) => {
        if (event.event === 'meeting.started') throw new Error('listener failed');
      },
    });
    const meeting = await rtk.meetings.create({ title: 'Whole' });
    for (const id of ['ada', 'bob']) {
      await rtk.participants.add(meeting.id, { custom_participant_id: id, preset_name: 'group_call_host' });
    }
    expect(() => fake.startSession(meeting.id)).toThrow('listener failed');
    expect((await rtk.activeSession.get(meeting.id)).live_participants).toBe(2);
  });

  it('refuses a join or leave that cannot happen, by name, changing and announcing nothing', async () => {
    const { fake, rtk, meeting, ada, bob, events } = await setup();
    expect(() => fake.joinParticipant(UNKNOWN, ada.id)).toThrow(`joinParticipant: no meeting ${UNKNOWN}`);
    expect(() => fake.joinParticipant(meeting.id, UNKNOWN)).toThrow(
      `joinParticipant: meeting ${meeting.id} has no participant ${UNKNOWN}`,
    );
    expect(() => fake.leaveParticipant(meeting.id, ada.id)).toThrow(`meeting ${meeting.id} has no live session`);
    expect(() => fake.endSession(meeting.id)).toThrow('has no live session');
    fake.joinParticipant(meeting.id, ada.id);
    expect(() => fake.joinParticipant(meeting.id, ada.id)).toThrow(`participant ${ada.id} is already in the session`);
    expect(() => fake.leaveParticipant(meeting.id, bob.id)).toThrow(`participant ${bob.id} is not in the live session`);
    expect(events.map((e) => e.event)).toEqual(['meeting.started', 'meeting.participantJoined']);

    const closed = await rtk.meetings.create({ title: 'Closed' });
    await rtk.participants.add(closed.id, { custom_participant_id: 'ada', preset_name: 'group_call_host' });
    await rtk.meetings.update(closed.id, { status: 'INACTIVE' });
    expect(() => fake.startSession(closed.id)).toThrow('is INACTIVE, and nobody can join it');
    expect(events).toHaveLength(2);
  });

  it('joins, leaves and ends over HTTP on its control routes', async () => {
    const { fake, rtk, meeting, ada, names } = await setup();
    const control = (what: string, body: unknown) =>
      fake.fetch(new Request(`${BASE}${CONTROL_PATH}/${what}`, { method: 'POST', body: JSON.stringify(body) }));
    const joined = await control('sessions/join', { meeting_id: meeting.id, participant_id: ada.id });
    expect(joined.status).toBe(201);
    const { data } = await joined.json();
    expect(data).toMatchObject({ meeting_id: meeting.id, participant_id: ada.id, peer_id: expect.any(String) });
    expect((await rtk.activeSession.get(meeting.id)).id).toBe(data.session_id);
    expect((await control('sessions/join', { meeting_id: meeting.id })).status).toBe(400);
    expect((await control('sessions/join', { meeting_id: meeting.id, participant_id: ada.id })).status).toBe(409);
    expect((await control('sessions/join', { meeting_id: meeting.id, participant_id: UNKNOWN })).status).toBe(404);
    const left = await control('sessions/leave', { meeting_id: meeting.id, participant_id: ada.id });
    expect(left.status).toBe(200);
    expect((await left.json()).data).toMatchObject({ session_id: data.session_id, session_ended: true });
    expect((await control('sessions/end', { meeting_id: meeting.id })).status).toBe(404);
    await control('sessions', { meeting_id: meeting.id });
    const ended = await control('sessions/end', { meeting_id: meeting.id });
    expect(ended.status).toBe(200);
    expect(names().filter((n) => n === 'meeting.ended')).toHaveLength(2);
  });
});
