import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { browserRequest, MEETING, proxyWith, TOKEN } from '../test-support/setup';

/**
 * An upstream on a real node:http server on 127.0.0.1 (a misconfigured baseUrl, a debugging gateway) that answers
 * every request with `status` and a body quoting the request's Authorization header beside an error code and message.
 */
async function echoingUpstream(status: number, envelope: 'realtimekit' | 'v4') {
  const server = createServer((req, res) => {
    const error = { code: 1, message: 'bad' };
    const debug = { authorization: req.headers.authorization, url: req.url };
    const body =
      envelope === 'v4'
        ? { success: false, errors: [{ ...error, request: debug }], messages: [], debug }
        : { success: false, error: { ...error, debug }, debug };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('an upstream error reaches the browser as its status, code and message only', () => {
  it.each([
    [400, 'realtimekit'],
    [404, 'v4'],
    [500, 'realtimekit'],
    [500, 'v4'],
  ] as const)('%s with a %s body quoting the request: no token, no extra field', async (status, envelope) => {
    const onError = vi.fn();
    const { handle, sent } = proxyWith({ upstream: await echoingUpstream(status, envelope), onError });
    const response = await handle(browserRequest(`/meetings/${MEETING}`));
    const text = await response.text();
    expect(sent).toHaveLength(1); // the upstream was asked, with the token, and quoted it
    expect(response.status).toBe(status);
    expect(JSON.parse(text)).toEqual({ success: false, error: { code: 1, message: 'bad' } });
    expect(text).not.toContain(TOKEN);
    // a 5xx is the server's to hear of; a 4xx is the browser's
    expect(onError).toHaveBeenCalledTimes(status >= 500 ? 1 : 0);
  });

  it('a 200 that says success: false is a 502 told to onError, not a 200 to the browser', async () => {
    const onError = vi.fn();
    const { handle } = proxyWith({ upstream: await echoingUpstream(200, 'realtimekit'), onError });
    const response = await handle(browserRequest(`/meetings/${MEETING}`));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 502, message: 'RealtimeKit answered 200 with success: false' },
    });
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
