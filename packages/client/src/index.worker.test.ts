import { describe, expect, it } from 'vitest';
import { ACCOUNT, APP, MEETING, recordingFetch, TOKEN } from '../test-support/recording-fetch';
import * as main from './index';
import * as worker from './index.worker';

// The `worker` entry: everything the main entry exports, and a createRealtimeKitClient of its own whose request()
// finds the operation in core's table (dist.test.ts runs the built file; this runs its source).
describe('the worker entry', () => {
  it('exports what the main entry exports, with its own createRealtimeKitClient', () => {
    expect(Object.keys(worker).sort()).toEqual(Object.keys(main).sort());
    expect(worker.createRealtimeKitClient).not.toBe(main.createRealtimeKitClient);
    expect(worker.RealtimeKitError).toBe(main.RealtimeKitError);
  });

  it('makes calls by method and by operationId, and checks its options as the main entry does', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json({ success: true, data: { id: MEETING } }));
    const rtk = worker.createRealtimeKitClient({ apiToken: TOKEN, accountId: ACCOUNT, appId: APP, fetch });
    expect(await rtk.meetings.get(MEETING)).toEqual({ id: MEETING });
    expect(await rtk.request('get_meeting', { params: { meeting_id: MEETING } })).toEqual({
      success: true,
      data: { id: MEETING },
    });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`,
      `/client/v4/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${MEETING}`,
    ]);
    expect(() => worker.createRealtimeKitClient({ timeoutMS: 5 } as never)).toThrow(
      'invalid_argument: unknown option "timeoutMS": did you mean "timeoutMs"?',
    );
  });
});
