import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { types } from 'node:util';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { PrivateStateRequest } from '../test-support/private-state-request';
import { eagerRequest, lazyRequest, requestMaker, standInWorks } from './lazy-request';

/** A node:http request as lazyRequest reads it (its raw headers), counting how often they are read. */
function incoming(rawHeaders: string[]) {
  const counted = { reads: 0 };
  const req = {
    get rawHeaders() {
      counted.reads++;
      return rawHeaders;
    },
  } as unknown as IncomingMessage;
  return { req, counted };
}

const URL_OF = new URL('http://app.example.test/api/realtimekit/meetings/m-1?x=1');

describe('lazyRequest', () => {
  it('reads nothing until a member is read, then makes one Request that every later read goes to', () => {
    const { req, counted } = incoming(['Cookie', 'session=ada', 'X-Team', 'a', 'X-Team', 'b']);
    const request = lazyRequest(URL_OF, 'POST', req);
    expect(counted.reads).toBe(0);
    expect(request instanceof Request).toBe(true);
    expect(counted.reads).toBe(0); // instanceof asks the prototype only
    expect([request.method, request.url, request.headers.get('cookie'), request.headers.get('x-team')]).toEqual([
      'POST',
      URL_OF.href,
      'session=ada',
      'a, b',
    ]);
    expect(request.headers).toBe(request.headers);
    expect(counted.reads).toBe(1);
    expect(request.body).toBeNull(); // the proxy reads the body itself
  });

  it('is a Request to the platform: the Request constructor, clone, fetch and expandos take it as one', async () => {
    const server = createServer((req, res) => res.end(`${req.method} ${req.url} ${req.headers['x-team']}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const { req } = incoming(['X-Team', 'blue']);
    const request = lazyRequest(new URL(`http://127.0.0.1:${port}/who?x=1`), 'GET', req);

    const copy = new Request(request);
    expect([copy.url, copy.method, copy.headers.get('x-team')]).toEqual([request.url, 'GET', 'blue']);
    expect(request.clone().headers.get('x-team')).toBe('blue');
    expect(await (await fetch(request)).text()).toBe('GET /who?x=1 blue');
    expect(Object.prototype.toString.call(request)).toBe('[object Request]');
    expect(request.constructor).toBe(Request);
    (request as Request & { user?: string }).user = 'ada'; // an app may hang its own data on it
    expect((request as Request & { user?: string }).user).toBe('ada');
    expect('user' in request && 'headers' in request).toBe(true);
  });

  it("shows nothing of what it is made from: its keys, descriptors and changes are the Request's own", () => {
    const { req } = incoming(['Cookie', 'session=ada']);
    const request = lazyRequest(URL_OF, 'GET', req);
    const real = new Request(URL_OF, { headers: { cookie: 'session=ada' } });
    expect(Object.keys(request)).toEqual(Object.keys(real));
    expect(Reflect.ownKeys(request).map(String)).toEqual(Reflect.ownKeys(real).map(String));
    expect(JSON.stringify(request)).toBe(JSON.stringify(real));
    expect('req' in request || 'url' in Object.getOwnPropertyDescriptors(request)).toBe(false);
    Object.defineProperty(request, 'user', { value: 'ada', configurable: true, enumerable: true });
    expect([Object.keys(request), (request as Request & { user?: string }).user]).toEqual([['user'], 'ada']);
    expect(Reflect.deleteProperty(request, 'user')).toBe(true);
    expect(Object.keys(request)).toEqual([]);
  });
  it('answers `headers` read first without making the Request: one object throughout, every change kept', () => {
    const made: Request[] = [];
    const Platform = Request;
    vi.stubGlobal(
      'Request',
      class CountingRequest extends Platform {
        constructor(...args: ConstructorParameters<typeof Request>) {
          super(...args);
          made.push(this);
        }
      },
    );
    const { req, counted } = incoming(['Cookie', 'session=ada', 'X-Team', 'a']);
    const request = lazyRequest(URL_OF, 'POST', req);
    const headers = request.headers;
    expect([headers.get('cookie'), headers.get('x-team'), headers === request.headers]).toEqual([
      'session=ada',
      'a',
      true,
    ]);
    headers.set('x-user', 'ada'); // an authorize may note what it decided
    expect([made.length, counted.reads]).toEqual([0, 1]);

    // the Request, when something needs it, is made from those headers, changes included
    expect(request.method).toBe('POST');
    expect(made).toHaveLength(1);
    expect(request.headers).toBe(headers);
    expect([...request.clone().headers]).toEqual([
      ['cookie', 'session=ada'],
      ['x-team', 'a'],
      ['x-user', 'ada'],
    ]);
    // and a change after goes to the Request's own headers
    headers.delete('cookie');
    expect([new Request(request).headers.has('cookie'), request.headers.has('cookie'), counted.reads]).toEqual([
      false,
      false,
      1,
    ]);
  });

  it('hands out headers the platform takes as Headers', async () => {
    const server = createServer((req, res) => res.end(`${req.headers['x-team']}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const { headers } = lazyRequest(URL_OF, 'GET', incoming(['X-Team', 'blue']).req);
    expect(headers instanceof Headers).toBe(true);
    expect(Object.prototype.toString.call(headers)).toBe('[object Headers]');
    expect(new Headers(headers).get('x-team')).toBe('blue');
    expect(Object.fromEntries(headers)).toEqual({ 'x-team': 'blue' });
    expect(new Response(null, { headers }).headers.get('x-team')).toBe('blue');
    expect(await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text()).toBe('blue');
  });
});

describe('standInWorks', () => {
  it("holds on this platform (Node 20's undici), so the benches measure the lazy path; elsewhere the proxy makes a real Request at once", () => {
    expect(standInWorks()).toBe(true);
    // and the Request made for the probe is a real one the platform copies
    const { req } = incoming(['X-Team', 'a']);
    expect(new Request(lazyRequest(URL_OF, 'GET', req)).headers.get('x-team')).toBe('a');
  });
});

describe('where the platform refuses the stand-in', () => {
  it('the check says so, and every request gets a real Request made at once, with the method, URL and headers sent', () => {
    // a platform's Request that copies only the Requests it made (and so refuses the stand-in), a Request otherwise
    const own = new PrivateStateRequest(URL_OF, { headers: { 'x-team': 'a' } });
    expect(new PrivateStateRequest(own).headers.get('x-team')).toBe('a');
    expect(standInWorks(PrivateStateRequest)).toBe(false);
    expect(requestMaker(PrivateStateRequest)).toBe(eagerRequest);
    expect(requestMaker()).toBe(lazyRequest); // Node 20's own Request takes it

    const { req, counted } = incoming(['Cookie', 'session=ada', 'X-Team', 'a', 'X-Team', 'b']);
    const request = eagerRequest(URL_OF, 'PATCH', req);
    expect(counted.reads).toBe(1); // made at once, not on first read
    expect(types.isProxy(request)).toBe(false);
    expect(request).toBeInstanceOf(Request);
    expect([request.method, request.url, request.headers.get('cookie'), request.headers.get('x-team')]).toEqual([
      'PATCH',
      URL_OF.href,
      'session=ada',
      'a, b',
    ]);
    expect(request.body).toBeNull();
  });
});
