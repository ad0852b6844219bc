import { describe, expect, it } from 'vitest';
import { stringAt } from './answer-path';

describe('stringAt', () => {
  const participants = {
    data: {
      participants: [
        { id: 'a', peer_events: [] },
        { id: 'b', peer_events: [{ peer_id: '' }, { peer_id: 'peer-b' }] },
        { id: 'c', peer_events: [{ peer_id: 'peer-c' }] },
      ],
    },
  };

  it('finds the first string through every item of each list, not only the first', () => {
    expect(stringAt(participants, 'data.participants[].peer_events[].peer_id')).toBe('peer-b');
    expect(stringAt(participants, 'data.participants[].id')).toBe('a');
    expect(stringAt({ data: { session: { id: 's' } } }, 'data.session.id')).toBe('s');
  });

  it('reads a list of lists and a list at the top', () => {
    expect(stringAt({ data: [[], [{ id: 'x' }]] }, 'data[][].id')).toBe('x');
    expect(stringAt([{ id: 'top' }], '[].id')).toBe('top');
  });

  it('gives undefined for what is missing, not a string, or inherited', () => {
    expect(stringAt(participants, 'data.sessions[].id')).toBeUndefined();
    expect(stringAt({ data: { id: 42 } }, 'data.id')).toBeUndefined();
    expect(stringAt({ data: null }, 'data.id')).toBeUndefined();
    expect(stringAt({ data: {} }, 'data.constructor')).toBeUndefined();
    expect(stringAt('text', 'length')).toBeUndefined();
  });
});
