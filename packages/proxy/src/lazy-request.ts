import type { IncomingMessage } from 'node:http';

/** What the web Request of a node:http request is made from, once something reads it. */
interface Pending {
  url: URL;
  method: string;
  req: IncomingMessage;
  made?: Request;
  /** The headers as sent, made when `headers` is read before the Request is: the Request is then made with them. */
  headers?: Headers;
  /** What `request.headers` answers once read before the Request was made, then always: see headersHandler. */
  headersStandIn?: Headers;
}

/** The headers as sent, in order, every value kept. */
function headersOf(pending: Pending): Headers {
  if (pending.headers) return pending.headers;
  const headers = new Headers();
  const raw = pending.req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  pending.headers = headers;
  return headers;
}

/** The web Request, made on first use: the URL, the method and the headers as sent (or as changed since read). */
function made(pending: Pending): Request {
  pending.made ??= new Request(pending.url, { method: pending.method, headers: headersOf(pending) });
  return pending.made;
}

/** A member of `real` as a stand-in answers it: a method bound to `real`, so that its brand check passes. */
function member(real: object, key: PropertyKey) {
  const value = Reflect.get(real, key, real);
  return typeof value === 'function' && key !== 'constructor' ? value.bind(real) : value;
}

/**
 * A stand-in for what `target()` gives: every operation on it goes there (reads, writes, `in`, keys, descriptors),
 * and `prototype` is what `instanceof` and the platform see.
 */
const forwarding = <T extends object>(target: (pending: Pending) => T, prototype: object): ProxyHandler<Pending> => ({
  get: (pending, key) => member(target(pending), key),
  set: (pending, key, value) => Reflect.set(target(pending), key, value),
  has: (pending, key) => Reflect.has(target(pending), key),
  ownKeys: (pending) => Reflect.ownKeys(target(pending)),
  getOwnPropertyDescriptor: (pending, key) => Reflect.getOwnPropertyDescriptor(target(pending), key),
  defineProperty: (pending, key, descriptor) => Reflect.defineProperty(target(pending), key, descriptor),
  deleteProperty: (pending, key) => Reflect.deleteProperty(target(pending), key),
  getPrototypeOf: () => prototype,
});

/**
 * `request.headers` read before the Request is made: a stand-in for the headers as sent (a Headers: 1 µs, where the
 * Request costs 7 and its AbortController more in garbage), so that an `authorize` that reads a cookie does not pay for
 * a Request. Until the Request is made it is those Headers; from then on, the Request's own, which were made from them:
 * one object to its holder throughout, every change before and after kept where the Request sees it.
 */
const headersHandler = forwarding((pending) => pending.made?.headers ?? headersOf(pending), Headers.prototype);

const requestHandler = forwarding(made, Request.prototype);
requestHandler.get = (pending, key) => {
  if (key === 'headers' && (pending.headersStandIn || !pending.made)) {
    pending.headersStandIn ??= new Proxy<Pending>(pending, headersHandler) as unknown as Headers;
    return pending.headersStandIn;
  }
  return member(made(pending), key);
};

/** Makes the Request `authorize` (and `identify`, `decideParticipant`, `onError`) is shown for a node:http request. */
export type RequestMaker = (url: URL, method: string, req: IncomingMessage) => Request;

/**
 * The Request for a node:http request, without a body (the proxy reads that itself), made the first time any member is
 * read; every read after goes to that same Request. Building a web Request and its Headers costs more than the rest of
 * the proxy's own work per call, and an `authorize` that decides without reading it (a fixed verdict, an IP allow list
 * read elsewhere) should not pay for it. Only where `standInWorks()`: see `requestMaker`.
 */
export const lazyRequest: RequestMaker = (url, method, req) =>
  new Proxy<Pending>({ url, method, req }, requestHandler) as unknown as Request;

/** The Request for a node:http request, without a body, made at once: where the platform refuses the stand-in. */
export const eagerRequest: RequestMaker = (url, method, req) => made({ url, method, req });

/**
 * How the node adapter makes its Requests: lazily where the platform's Request takes the stand-in, else at once.
 * `PlatformRequest` is the constructor asked (the global Request; a test passes one that refuses the stand-in).
 */
export const requestMaker = (PlatformRequest: typeof Request = Request): RequestMaker =>
  standInWorks(PlatformRequest) ? lazyRequest : eagerRequest;

const checked = new WeakMap<typeof Request, boolean>();
/**
 * Whether this platform's Request, Headers and fetch take the stand-ins as theirs. Node 20's undici reads their state
 * through symbols, which the stand-ins forward; an undici that keeps it in private fields (`#state`) would refuse
 * `new Request(standIn)`, and there every request gets a real Request, made at once. Checked once per constructor.
 */
export function standInWorks(PlatformRequest: typeof Request = Request): boolean {
  let works = checked.get(PlatformRequest);
  if (works === undefined) {
    try {
      const probe = lazyRequest(new URL('http://probe.invalid/'), 'GET', {
        rawHeaders: ['x-probe', '1'],
      } as IncomingMessage);
      // its headers first, as an `authorize` reads them, then the Request made from them
      works =
        new Headers(probe.headers).get('x-probe') === '1' && new PlatformRequest(probe).headers.get('x-probe') === '1';
    } catch {
      works = false;
    }
    checked.set(PlatformRequest, works);
  }
  return works;
}
