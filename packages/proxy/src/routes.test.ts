import { describe, expect, it } from 'vitest';
import { matchRoute } from './routes';

const id = (match: ReturnType<typeof matchRoute>) =>
  match.kind === 'found' ? match.operation.operationId : match.kind;

describe('matchRoute', () => {
  it('tries a literal segment before an ID in the same place: webhooks/all is the events list', () => {
    expect(id(matchRoute('GET', 'webhooks/all'))).toBe('getAllWebhookEvents');
    expect(matchRoute('GET', 'webhooks/wh-1')).toMatchObject({
      kind: 'found',
      operation: { operationId: 'getWebhook' },
      params: { webhook_id: 'wh-1' },
    });
    expect(id(matchRoute('GET', 'sessions/peer-report/p1'))).toBe('GetParticipantDataFromPeerId');
    expect(id(matchRoute('GET', 'recordings/active-recording/m1'))).toBe('get_active_recording');
    expect(id(matchRoute('POST', 'recordings/track'))).toBe('startTrackRecordingForAMeeting');
    expect(id(matchRoute('PUT', 'recordings/r1'))).toBe('pause_resume_stop_recording');
  });

  it("routes the app's new resources, and never the account's own apps (the proxy serves one app)", () => {
    expect(id(matchRoute('PATCH', 'presets/p1'))).toBe('patch-presets-preset_id');
    expect(id(matchRoute('GET', 'livestreams/sessions/s1'))).toBe('get-v2-livestreams-livestream-session-id');
    expect(matchRoute('GET', 'apps')).toEqual({ kind: 'not-found' });
    expect(matchRoute('POST', 'apps')).toEqual({ kind: 'not-found' });
  });
});
