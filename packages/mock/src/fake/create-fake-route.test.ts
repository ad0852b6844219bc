import { APP_PATH_PREFIX, operationTable } from '@realtimekit-meetings/core';
import { describe, expect, it } from 'vitest';
import { route } from './create-fake';

const KIT = APP_PATH_PREFIX.slice(0, -'/{app_id}'.length);
const operations = Object.values(operationTable);
/** Every literal segment of every path: IDs that look like a sibling route's segment are the hard case. */
const literals = [...new Set(operations.flatMap((op) => op.path.split('/')).filter((s) => s && !s.startsWith('{')))];

/** The path of an operation below the prefix, each ID filled by `id(name)`. */
const pathOf = (path: string, id: (name: string) => string) =>
  path.slice(KIT.length).replace(/\{([\w-]+)\}/g, (_, name: string) => id(name));

describe("the fake's router", () => {
  it.each(operations.map((op) => [op.operationId, op.method, op.path] as const))(
    '%s: its own method and path reach it, with its IDs',
    (operationId, method, path) => {
      const found = route(
        method,
        pathOf(path, (name) => `id-of-${name}`),
      );
      expect(found?.operationId).toBe(operationId);
      const names = [...path.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1] as string).filter((n) => n !== 'account_id');
      expect(found?.params).toEqual(Object.fromEntries(names.map((n) => [n, `id-of-${n}`])));
    },
  );

  it('sends POST recordings/track and GET recordings/active-recording/{id} to their own operations, never to a recording "track"', () => {
    const app = '/14a396e7-ca44-4937-bf1f-050a69118543';
    expect(route('POST', `${app}/recordings/track`)?.operationId).toBe('startTrackRecordingForAMeeting');
    expect(route('GET', `${app}/recordings/active-recording/m1`)).toMatchObject({
      operationId: 'get_active_recording',
      params: { meeting_id: 'm1' },
    });
    // where only an ID fits the method, a literal's name is that ID (the spec's format then refuses it)
    expect(route('GET', `${app}/recordings/track`)).toMatchObject({
      operationId: 'get_one_recording',
      params: { recording_id: 'track' },
    });
    expect(route('DELETE', `${app}/recordings/track`)).toBeUndefined();
  });

  it.each(literals)('an ID spelt like the literal "%s" never moves an operation to another method', (literal) => {
    for (const op of operations) {
      const found = route(
        op.method,
        pathOf(op.path, () => literal),
      );
      // it may reach a more literal template of the same method, never one of another method
      if (found) expect(operationTable[found.operationId].method).toBe(op.method);
    }
  });
});
