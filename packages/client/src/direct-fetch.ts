/**
 * The client's fast path. openapi-fetch builds a `Request` and hands it to fetch, which (in undici) copies it: a
 * sizeable share of a small call. With no custom `fetch` and no middleware there is nobody to hand a `Request` to,
 * so openapi-fetch is given this stand-in instead, and `fetch(url, init)` builds the only real one.
 */
export class UrlAndInit {
  method?: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method;
  }
}

/** The fetch that goes with {@link UrlAndInit}. */
export const fetchUrlAndInit = (request: UrlAndInit) => globalThis.fetch(request.url, request.init);

/** Per-call openapi-fetch options that take the fast path. */
export const DIRECT = { Request: UrlAndInit, fetch: fetchUrlAndInit } as unknown as {
  Request: typeof Request;
  fetch: (request: Request) => Promise<Response>;
};
