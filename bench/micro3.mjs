import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createRealtimeKitClient } from '@realtimekit-meetings/client';
import createClient from 'openapi-fetch';

const server = fork('/work/main/bench/http-server.mjs', { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const [chunk] = await once(server.stdout, 'data');
const v4 = `${String(chunk).trim()}/client/v4`;
const A = '023e105f4ecef8ad9ca31a8372d0c353',
  P = '14a396e7-ca44-4937-bf1f-050a69118543',
  M = 'bbb03399-24e3-4b0c-90ec-172e97e636be';
const url = `${v4}/accounts/${A}/realtime/kit/${P}/meetings/${M}`;
const bare = createClient({ baseUrl: v4, headers: { Authorization: 'Bearer t' } });
class Pending {
  constructor(url, init) {
    this.url = url;
    this.init = init;
    this.method = init.method;
  }
}
const light = createClient({
  baseUrl: v4,
  headers: { Authorization: 'Bearer t' },
  Request: Pending,
  fetch: (r) => fetch(r.url, r.init),
});
const path = '/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}';
const params = () => ({ params: { path: { account_id: A, app_id: P, meeting_id: M } } });
const rtk = createRealtimeKitClient({ baseUrl: v4, apiToken: 't', accountId: A, appId: P });
const c = {
  bare: () => bare.GET(path, params()),
  lightNoSignal: () => light.GET(path, params()),
  lightSignalTimer: () => {
    const ac = new AbortController();
    const t = setTimeout(() => ac.abort(), 60000);
    return light.GET(path, { ...params(), signal: ac.signal }).finally(() => clearTimeout(t));
  },
  fetchUrlSignal: async () => {
    const ac = new AbortController();
    const t = setTimeout(() => ac.abort(), 60000);
    try {
      return await (await fetch(url, { headers: { Authorization: 'Bearer t' }, signal: ac.signal })).json();
    } finally {
      clearTimeout(t);
    }
  },
  rtk: () => rtk.meetings.get(M),
};
const res = Object.fromEntries(Object.keys(c).map((k) => [k, []]));
for (let r = 0; r <= 31; r++)
  for (const [k, f] of Object.entries(c)) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < 400; i++) await f();
    if (r) res[k].push(Number(process.hrtime.bigint() - s) / 400000);
  }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const k of Object.keys(c))
  console.log(k.padEnd(20), med(res[k]).toFixed(1), 'µs', med(res[k].map((v, i) => v / res.bare[i])).toFixed(3));
server.kill();
