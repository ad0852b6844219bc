import { describe, expect, it } from 'vitest';
import { validateResponse } from './response-validator';

const meeting = {
  id: '0a4c3b2e-1f5d-4e6a-9b7c-8d9e0f1a2b3c',
  title: 'Standup',
  created_at: '2026-12-05T10:00:00.000Z',
  updated_at: '2026-12-05T10:00:00.000Z',
};

describe('validateResponse', () => {
  it('passes an answer of the declared shape and names everything wrong in one that is not', () => {
    expect(validateResponse('get_meeting', 200, { success: true, data: meeting })).toEqual([]);
    const { id: _id, ...noId } = meeting;
    expect(validateResponse('get_meeting', 200, { success: 'yes', data: noId }).sort()).toEqual([
      "/data must have required property 'id'",
      '/success must be boolean',
      '/success must be equal to one of the allowed values',
    ]);
  });

  it('reads a nullable enum as allowing null, as the types do, though the enum does not list it', () => {
    const participants = (preset_view_type: unknown) => ({
      success: true,
      data: { participants: [{ id: 'p', peer_events: [{ peer_id: 'p', preset_view_type }] }] },
    });
    expect(validateResponse('GetSessionParticipants', 200, participants(null))).toEqual([]);
    expect(validateResponse('GetSessionParticipants', 200, participants('WEBINAR'))).toEqual([]);
    expect(validateResponse('GetSessionParticipants', 200, participants('NOPE'))).toEqual([
      '/data/participants/0/peer_events/0/preset_view_type must be equal to one of the allowed values',
    ]);
  });

  it("checks an error against the operation's 4XX range, and refuses a status the spec does not declare", () => {
    const error = { success: false, error: { code: 404, message: 'Meeting not found' } };
    expect(validateResponse('get_meeting', 404, error)).toEqual([]);
    expect(validateResponse('get_meeting', 404, { success: false })).not.toEqual([]);
    expect(validateResponse('get_meeting', 302, {})).toEqual([
      'answered 302, which the spec does not declare for get_meeting',
    ]);
  });
});
