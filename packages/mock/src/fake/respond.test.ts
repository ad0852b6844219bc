import { describe, expect, it } from 'vitest';
import { respond } from './respond';

describe('respond', () => {
  it("runs a write's commit only once its answer conforms to the spec; a 500 changes nothing", () => {
    let committed = 0;
    const commit = () => {
      committed++;
    };
    // a meeting without its required `id`: the fake's own bug, which must not reach the state
    const broken = respond('update_meeting', { status: 200, data: { title: 'x' }, commit });
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.text).error.message).toMatch(
      /its own 200 answer to update_meeting breaks the spec.*nothing was changed/,
    );
    expect(committed).toBe(0);

    const meeting = { id: '00000000-0000-4000-8000-000000000001', created_at: '2026-01-01T00:00:00.000Z' };
    const ok = respond('update_meeting', { status: 200, data: { ...meeting, updated_at: meeting.created_at }, commit });
    expect(ok.status).toBe(200);
    expect(committed).toBe(1);
  });
});
