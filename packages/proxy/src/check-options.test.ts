import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, APP, BASE, TOKEN } from '../test-support/setup';
import { createRealtimeKitProxy, type RealtimeKitProxyOptions } from './create-proxy';

const client = createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP });
const base = { client, basePath: BASE, allow: ['get_meeting' as const], authorize: () => true };
/** What createRealtimeKitProxy throws for these options (with `base` under them), as a TypeError's message. */
const thrown = (options: Record<string, unknown>) => {
  try {
    createRealtimeKitProxy({ ...base, ...options } as RealtimeKitProxyOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as TypeError).message;
  }
  return 'nothing thrown';
};

describe('createRealtimeKitProxy checks its options when it is created, with the fix in the message', () => {
  it('a basePath that is missing or not a string', () => {
    for (const [basePath, got] of [
      [undefined, 'undefined'],
      [null, 'null'],
      [42, 'number'],
      [['/api'], 'object'],
    ] as const) {
      expect(thrown({ basePath })).toBe(
        `basePath must be a string, the path the proxy is mounted at (e.g. "/api/realtimekit"), not ${got}`,
      );
    }
  });

  it('options that are not an object', () => {
    for (const options of [undefined, null, 'x']) {
      expect(() => createRealtimeKitProxy(options as never)).toThrow(
        new TypeError('createRealtimeKitProxy takes an options object: { client, basePath, allow, authorize, join }'),
      );
    }
  });

  it('an unknown option, at the top and inside join, with the one probably meant', () => {
    expect(thrown({ alow: ['get_meeting'] })).toBe('unknown option "alow": did you mean "allow"?');
    expect(thrown({ basepath: '/x' })).toBe('unknown option "basepath": did you mean "basePath"?');
    expect(thrown({ max_body_bytes: 10 })).toBe('unknown option "max_body_bytes": did you mean "maxBodyBytes"?');
    expect(thrown({ onerror: () => {} })).toBe('unknown option "onerror": did you mean "onError"?');
    expect(thrown({ verbose: true })).toBe(
      'unknown option "verbose"; the options are client, basePath, allow, authorize, decideParticipant, join, maxBodyBytes, onError',
    );
    const join = { identify: () => null, authorize: () => true };
    expect(thrown({ join: { ...join, presets: 'host' } })).toBe(
      'unknown option "join.presets": did you mean "join.preset"?',
    );
    expect(thrown({ join: { ...join, authorise: () => true } })).toBe(
      'unknown option "join.authorise": did you mean "join.authorize"?',
    );
    expect(thrown({ join: { ...join, cache: new Map() } })).toBe(
      'unknown option "join.cache"; the options are join.identify, join.authorize, join.preset, join.store, join.leaseMs, join.defaultName',
    );
  });

  it('an allow entry that is no operationId, with the nearest one whatever its casing and separators', () => {
    for (const [entry, meant] of [
      ['get_meting', 'get_meeting'],
      ['GetMeeting', 'get_meeting'],
      ['add_webhook', 'addWebhook'],
      ['get_org_analytics', 'get-org-analytics'],
      ['getSessionParticipants', 'GetSessionParticipants'],
      ['kick_participants', 'KickPartcipants'],
    ]) {
      expect(thrown({ allow: ['get_meeting', entry] })).toBe(
        `allow: "${entry}" is not an operationId: did you mean "${meant}"?`,
      );
    }
    expect(thrown({ allow: ['delete_everything'] })).toBe(
      'allow: "delete_everything" is not an operationId of the RealtimeKit API (see operationTable in @realtimekit-meetings/core)',
    );
    expect(thrown({ allow: [42] })).toBe('allow holds number: list operationIds as strings, e.g. "get_meeting"');
  });

  it('an allow entry of the account’s own (apps), which no proxy of one app can serve', () => {
    expect(thrown({ allow: ['get_apps'] })).toBe(
      `allow: "get_apps" (GET /accounts/{account_id}/realtime/kit/apps) is an operation of the account, not of an app: the proxy serves one app's operations; call it on the server with the client`,
    );
    for (const entry of ['create_app', 'get_app']) {
      expect(thrown({ allow: [entry] })).toMatch(`allow: "${entry}" (`);
    }
  });

  it('a proper configuration is taken as it is', () => {
    expect(thrown({})).toBe('nothing thrown');
    expect(thrown({ join: null, onError: undefined })).toBe('nothing thrown'); // no join, as when left out
    expect(thrown({ join: { identify: () => null, authorize: () => true, preset: 'p' }, maxBodyBytes: 10 })).toBe(
      'nothing thrown',
    );
  });
});
