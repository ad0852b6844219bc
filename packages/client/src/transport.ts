import type { Middleware } from 'openapi-fetch';

/** What one request gets back: the Response and its body, parsed (`data` for a 2xx, `error` otherwise). */
export interface Answer {
  response: Response;
  data?: unknown;
  error?: unknown;
}

export interface TransportConfig {
  baseUrl: string;
  /** Sent with every request (the Authorization header among them). */
  headers: Record<string, string>;
  /** The caller's fetch; it is handed a Request, as openapi-fetch hands one. */
  fetch?: (request: Request) => Promise<Response>;
  /** openapi-fetch middleware: `onRequest`, `onResponse` and `onError`, in openapi-fetch's order. */
  middleware: Middleware[];
}

/**
 * Path, query and JSON body to one fetch, the way openapi-fetch sends them (simple path style, `form` query with
 * exploded arrays, all percent-encoded), in a few hundred bytes: the client's requests need nothing more, and a
 * browser bundle then carries no openapi-fetch at all. With no custom `fetch` and no middleware it calls
 * `fetch(url, init)`, so the only Request is the one fetch builds itself.
 */
export function createTransport({ baseUrl, headers: base, fetch, middleware }: TransportConfig) {
  const root = baseUrl.replace(/\/+$/, '');
  const intercepted = !!fetch || middleware.length > 0;

  /** The URL of `template` with its path parameters and the query; throws URIError on a lone surrogate. */
  function url(template: string, params: Record<string, unknown>, query?: Record<string, unknown>) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] as string));
    const pairs: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) pairs.push(`${name}=${encodeURIComponent(item as string)}`);
      }
    }
    return `${root}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
  }

  async function send(
    method: string,
    target: string,
    {
      body,
      headers,
      signal,
      schemaPath,
    }: { body?: unknown; headers?: HeadersInit; signal: AbortSignal; schemaPath: string },
  ): Promise<Answer> {
    const init: RequestInit = {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...base, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    };
    let response: Response | undefined;
    if (!intercepted) response = await globalThis.fetch(target, init);
    else {
      let request = new Request(target, init);
      const context = { schemaPath, params: {}, options: { baseUrl: root }, id: Math.random().toString(36).slice(2) };
      for (const m of middleware) {
        const replaced = await m.onRequest?.({ ...context, request } as never);
        if (replaced instanceof Response) {
          response = replaced;
          break;
        }
        if (replaced) request = replaced;
      }
      if (!response) {
        try {
          response = await (fetch ?? globalThis.fetch)(request);
        } catch (error) {
          let thrown: unknown = error;
          for (const m of [...middleware].reverse()) {
            const handled = await m.onError?.({ ...context, request, error: thrown } as never);
            if (handled instanceof Response) {
              response = handled;
              break;
            }
            if (handled instanceof Error) thrown = handled;
          }
          if (!response) throw thrown;
        }
        for (const m of [...middleware].reverse()) {
          response = ((await m.onResponse?.({ ...context, request, response } as never)) as Response) ?? response;
        }
      }
    }
    const text = response.status === 204 ? '' : await response.text();
    if (response.ok) return { response, data: text ? JSON.parse(text) : undefined };
    try {
      return { response, error: text ? JSON.parse(text) : undefined };
    } catch {
      return { response, error: text };
    }
  }

  return { url, send };
}

export type Transport = ReturnType<typeof createTransport>;
