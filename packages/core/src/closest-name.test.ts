import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name';

describe('closestName', () => {
  const known = ['get_meeting', 'get_all_meetings', 'GetSessionParticipants', 'allow', 'preset'];

  it.each([
    ['getMeeting', 'get_meeting'], // case and separators
    ['get-session_participants', 'GetSessionParticipants'],
    ['get_meting', 'get_meeting'], // one edit
    ['alow', 'allow'],
    ['presets', 'preset'],
  ])('%s → %s', (name, meant) => {
    expect(closestName(name, known)).toBe(meant);
  });

  it('none when every name is further than one edit per four characters', () => {
    expect(closestName('drop_all_meetings', known)).toBeUndefined();
    expect(closestName('xyz', known)).toBeUndefined();
    expect(closestName('anything', [])).toBeUndefined();
  });

  it('one edit per four characters at most: two in three are too far, two in eight near, three in seven too far', () => {
    expect(closestName('alw', ['allow'])).toBeUndefined();
    expect(closestName('aw', ['allow'])).toBeUndefined();
    expect(closestName('get_metng', ['get_meeting'])).toBe('get_meeting');
    expect(closestName('gt_metng', ['get_meeting'])).toBeUndefined();
  });

  it('the nearest of two close names', () => {
    expect(closestName('get_all_meeting', known)).toBe('get_all_meetings');
  });
});
