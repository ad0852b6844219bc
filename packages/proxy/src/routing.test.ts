import { APP_PATH_PREFIX, type OperationId, operationTable } from '@realtimekit-meetings/core';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { ACCOUNT, APP, BASE, MEETING, PARTICIPANT, proxyWith } from '../test-support/setup';

const ALLOWED: OperationId[] = [
  'get_all_meetings',
  'get_meeting',
  'add_participant',
  'get_meeting_participants',
  'regenerate_token',
];

/** Upstream paths the allowed operations may reach: their templates with each parameter as one safe ID segment. */
const allowedUpstream = ALLOWED.map((id) => {
  const op = operationTable[id];
  const pattern = op.path
    .replace(APP_PATH_PREFIX, `/accounts/${ACCOUNT}/realtime/kit/${APP}`)
    .replace(/\{\w+\}/g, '[A-Za-z0-9_-]{1,128}');
  return { method: op.method, path: new RegExp(`^${pattern}$`) };
});

/** The browser paths of the allowed operations, below the base path: what must go through. */
const allowedBrowser = ALLOWED.map((id) => {
  const op = operationTable[id];
  const pattern = op.path.slice(APP_PATH_PREFIX.length + 1).replace(/\{\w+\}/g, '[A-Za-z0-9_-]{1,128}');
  return { method: op.method, path: new RegExp(`^${pattern}$`) };
});

describe('exactly the allowed operations leave (property)', () => {
  it('random paths, methods and encodings reach upstream only as an allowed operation, and every allowed one does', async () => {
    const { handle, sent } = proxyWith({ allow: ALLOWED });
    const segment = fc.oneof(
      fc.constantFrom(
        'meetings',
        'participants',
        'token',
        'active-session',
        'kick-all',
        'livestreams',
        'apps',
        'accounts',
      ),
      fc.constantFrom(
        MEETING,
        PARTICIPANT,
        '..',
        '.',
        '%2e%2e',
        '..%2F',
        '%252F',
        '%5C',
        '\\',
        '%00',
        '',
        'a%2Fb',
        '%E0%A4',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
    const query = fc.constantFrom('', '?page_no=1', '?__server=http://evil.test', '?account_id=other&app_id=other');
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 0, maxLength: 6 }),
        method,
        query,
        async (segments, verb, search) => {
          sent.length = 0;
          let request: Request;
          try {
            request = new Request(`https://app.example.test${BASE}/${segments.join('/')}${search}`, {
              method: verb,
              headers: { 'content-type': 'application/json' },
              body: verb === 'GET' || verb === 'HEAD' ? undefined : '{"custom_participant_id":"u","preset_name":"p"}',
            });
          } catch {
            return; // not a request a browser could send
          }
          const response = await handle(request);
          for (const upstream of sent) {
            const url = new URL(upstream.url);
            expect(url.origin).toBe(new URL(inject('realtimekitMockUrl')).origin);
            const allowed = allowedUpstream.some((a) => a.method === upstream.method && a.path.test(url.pathname));
            expect(allowed, `${upstream.method} ${url.pathname}`).toBe(true);
          }
          if (sent.length === 0) expect(response.status).toBeGreaterThanOrEqual(400);
          // and the converse: an allowed operation with well-formed IDs does go through, once
          const path = new URL(request.url).pathname.slice(BASE.length + 1);
          const expected = allowedBrowser.some((a) => a.method === verb && a.path.test(path)) ? 1 : 0;
          expect(sent.length, `${verb} ${path}`).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
