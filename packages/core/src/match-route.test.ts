import { describe, expect, it } from 'vitest';
import { APP_PATH_PREFIX, type OperationId, operationTable } from './generated/operations.gen';
import { createRouter } from './match-route';

const KIT = APP_PATH_PREFIX.slice(0, -'/{app_id}'.length);
const kit = createRouter(KIT);
const app = createRouter(APP_PATH_PREFIX);
const id = (match: ReturnType<typeof kit>) => (match.kind === 'found' ? match.operation.operationId : match.kind);

/** The path of an operation with each `{param}` filled by `x-<param>`, below `prefix`. */
const filled = (operationId: OperationId, prefix: string) =>
  operationTable[operationId].path.slice(prefix.length).replace(/\{([^}]+)\}/g, 'x-$1');

describe('createRouter', () => {
  it('resolves every operation from its own path and method, with its path parameters as they came', () => {
    for (const operation of Object.values(operationTable)) {
      const match = kit(operation.method, filled(operation.operationId, KIT));
      expect(match).toMatchObject({ kind: 'found', operation: { operationId: operation.operationId } });
      const params = match.kind === 'found' ? match.params : {};
      expect(Object.keys(params).sort()).toEqual(operation.pathParams.filter((p) => p !== 'account_id').sort());
      for (const [name, value] of Object.entries(params)) expect(value).toBe(`x-${name}`);
    }
  });

  it('tries a literal segment before an ID in the same place', () => {
    expect(id(app('GET', '/webhooks/all'))).toBe('getAllWebhookEvents');
    expect(id(app('DELETE', '/webhooks/all'))).toBe('deleteWebhook');
    expect(id(app('POST', '/recordings/track'))).toBe('startTrackRecordingForAMeeting');
    expect(id(app('GET', '/recordings/active-recording/m1'))).toBe('get_active_recording');
    expect(id(app('PUT', '/recordings/track'))).toBe('pause_resume_stop_recording');
    expect(id(app('GET', '/sessions/peer-report/p1'))).toBe('GetParticipantDataFromPeerId');
  });

  it('tells a path of no operation from a method the path does not take, listing those it does', () => {
    expect(app('GET', '/nothing/here')).toEqual({ kind: 'not-found' });
    expect(app('GET', '/meetings/m1/participants/p1/token')).toEqual({
      kind: 'wrong-method',
      allow: ['POST'],
      params: { meeting_id: 'm1', participant_id: 'p1' },
    });
    expect(app('POST', '/meetings/m1')).toMatchObject({ kind: 'wrong-method', allow: ['GET', 'PUT', 'PATCH'] });
  });

  it("keeps to its prefix: the app's router has no account-level `apps`, RealtimeKit's has both", () => {
    expect(app('GET', '/apps')).toEqual({ kind: 'not-found' });
    expect(id(kit('GET', '/apps'))).toBe('get_apps');
    expect(kit('GET', '/a1/meetings/m%2F1')).toMatchObject({ params: { app_id: 'a1', meeting_id: 'm%2F1' } });
  });
});
