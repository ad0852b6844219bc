import type { IncomingMessage } from 'node:http';

/** What the web Request of a node:http request is made from, once something reads it. */
interface Pending {
  url: URL;
  method: string;
  req: IncomingMessage;
  made?: Request;
}

/** The web Request, made on first use: the URL, the method and the headers as sent, in order, every value kept. */
function made(pending: Pending): Request {
  if (pending.made) return pending.made;
  const headers = new Headers();
  const raw = pending.req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  pending.made = new Request(pending.url, { method: pending.method, headers });
  return pending.made;
}

/**
 * Every operation on the stand-in goes to the Request it makes on first use: reads (methods bound to it, so that its
 * brand checks pass), writes, `in`, keys and descriptors. Its prototype is Request's, so `instanceof Request` holds
 * and the Request constructor and fetch take it as one.
 */
const handler: ProxyHandler<Pending> = {
  get(pending, key) {
    const request = made(pending);
    const value = Reflect.get(request, key, request);
    return typeof value === 'function' && key !== 'constructor' ? value.bind(request) : value;
  },
  set: (pending, key, value) => Reflect.set(made(pending), key, value),
  has: (pending, key) => Reflect.has(made(pending), key),
  ownKeys: (pending) => Reflect.ownKeys(made(pending)),
  getOwnPropertyDescriptor: (pending, key) => Reflect.getOwnPropertyDescriptor(made(pending), key),
  defineProperty: (pending, key, descriptor) => Reflect.defineProperty(made(pending), key, descriptor),
  deleteProperty: (pending, key) => Reflect.deleteProperty(made(pending), key),
  getPrototypeOf: () => Request.prototype,
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
  new Proxy<Pending>({ url, method, req }, handler) as unknown as Request;

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
 * Whether this platform's Request and fetch take the stand-in as a Request. Node 20's undici reads a Request's state
 * through symbols, which the stand-in forwards; an undici that keeps it in private fields (`#state`) would refuse
 * `new Request(standIn)`, and there every request gets a real Request, made at once. Checked once per constructor.
 */
export function standInWorks(PlatformRequest: typeof Request = Request): boolean {
  let works = checked.get(PlatformRequest);
  if (works === undefined) {
    try {
      const probe = lazyRequest(new URL('http://probe.invalid/'), 'GET', {
        rawHeaders: ['x-probe', '1'],
      } as IncomingMessage);
      works = new PlatformRequest(probe).headers.get('x-probe') === '1';
    } catch {
      works = false;
    }
    checked.set(PlatformRequest, works);
  }
  return works;
}
