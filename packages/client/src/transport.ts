import type { Middleware } from 'openapi-fetch';
import { AnswerTooLarge } from './answer-too-large';
import type { Attempt } from './attempt';
import { type AnswerResponse, type NodeHttpBase, nodeHttpSend, nodeHttpTarget } from './node-http';

/** What one request gets back: the status and headers, and the body parsed (`data` for a 2xx, `error` otherwise). */
export interface Answer {
  response: AnswerResponse;
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
  /** The largest answer body read, in bytes once decoded; a larger one fails with AnswerTooLarge. */
  maxBytes: number;
  /**
   * Every request but a GET says `content-type: application/json`, body or not: the proxy refuses a write without it,
   * which a form on another site cannot send (proxy mode; Cloudflare's API is sent it only with a body).
   */
  jsonWrites?: boolean;
}

/**
 * Path, query and JSON body to one fetch, the way the spec says (simple path style, `form` query with arrays
 * repeated, or comma-separated where the spec says `explode: false`, all percent-encoded), in a few hundred bytes: the client's requests need nothing more, and a
 * browser bundle then carries no openapi-fetch at all. With no custom `fetch` and no middleware it sends on
 * node:http in Node (node-http.ts: about half undici fetch's cost per call) and with `fetch(url, init)` in the
 * browser build; with either, the caller's fetch is handed a Request, as openapi-fetch hands one.
 */
export function createTransport({ baseUrl, headers: base, fetch, middleware, maxBytes, jsonWrites }: TransportConfig) {
  const root = baseUrl.replace(/\/+$/, '');
  const intercepted = !!fetch || middleware.length > 0;
  // node:http: the headers built once, and the base URL parsed once when it has no query or fragment of its own
  let withBody = base;
  let fixed: { base: NodeHttpBase; path: string } | undefined;
  if (typeof __RTK_NO_NODE__ === 'undefined') {
    withBody = { 'content-type': 'application/json', ...base };
    if (URL.canParse(root) && !/[?#]/.test(root)) {
      fixed = nodeHttpTarget(root);
      fixed.path = fixed.path.replace(/\/+$/, '');
    }
  }

  /**
   * The URL of `template` with its path parameters and the query; throws URIError on a lone surrogate. An array is
   * sent repeated (`status=A&status=B`), or comma-separated (`status=A,B`) when `commaQuery` names it (the spec's
   * `explode: false`), each value percent-encoded (a comma in a value too) and null or undefined values left out.
   */
  function url(
    template: string,
    params: Record<string, unknown>,
    query?: Record<string, unknown>,
    commaQuery?: readonly string[],
  ) {
    let target = root;
    if (typeof __RTK_NO_NODE__ === 'undefined') {
      // in Node, the template split once: its text at even places, its parameters' names at odd ones
      templates[template] ??= template.split(/\{([\w-]+)\}/);
      const parts = templates[template];
      for (let i = 0; i < parts.length; i++) {
        target += i % 2 ? encodeURIComponent(params[parts[i] as string] as string) : parts[i];
      }
    } else target += template.replace(/\{([\w-]+)\}/g, (_, name: string) => encodeURIComponent(params[name] as string));
    if (!query) return target;
    let separator = '?';
    for (const [name, value] of Object.entries(query)) {
      const comma = commaQuery?.includes(name);
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) {
          // a comma-separated parameter's later values follow its first after a comma
          target += `${separator}${separator === ',' ? '' : `${encodeURIComponent(name)}=`}${encodeURIComponent(item as string)}`;
          separator = comma ? ',' : '&';
        }
      }
      if (separator === ',') separator = '&';
    }
    return target;
  }

  type SendInit = { body?: unknown; headers?: Record<string, string>; attempt: Attempt; schemaPath: string };

  /** With fetch (the browser's; the caller's, through middleware, handed a Request as openapi-fetch hands one). */
  async function sendFetch(method: string, target: string, { body, headers, attempt, schemaPath }: SendInit) {
    const init: RequestInit = {
      method,
      headers: {
        ...(body === undefined && !(jsonWrites && method !== 'GET') ? {} : { 'content-type': 'application/json' }),
        ...base,
        ...headers,
      },
      body: JSON.stringify(body) as string | undefined, // undefined when there is no body
      signal: attempt.signal,
      // a redirect is never followed (it could take the token elsewhere, or re-send a write): classify reports it
      redirect: 'manual',
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
    return parse(response, await readText(response, maxBytes));
  }

  /** The body as openapi-fetch reads it: JSON for a 2xx (a SyntaxError when it is not), JSON or text otherwise. */
  function parse(response: AnswerResponse, text: string): Answer {
    if (response.ok) {
      if (text.charCodeAt(0) === 60) throw new SyntaxError(HTML_ANSWER); // '<': a page, from a route not mounted
      return { response, data: text ? JSON.parse(text) : undefined };
    }
    try {
      return { response, error: text ? JSON.parse(text) : undefined };
    } catch {
      return { response, error: text };
    }
  }

  // node:http in Node without custom fetch or middleware (a browser build keeps none of it): the answer parsed as it
  // is read, no promise in between
  const send =
    typeof __RTK_NO_NODE__ === 'undefined' && !intercepted
      ? (method: string, target: string, { body, headers, attempt }: SendInit): Promise<Answer> => {
          const fixedHeaders = body === undefined && !(jsonWrites && method !== 'GET') ? base : withBody;
          // the base parsed once, and what follows it as is, when URL parsing would leave it so; else the whole URL
          const rest = target.slice(root.length);
          const { base: to, path } =
            fixed && SAFE_PATH.test(rest)
              ? { base: fixed.base, path: fixed.path + rest || '/' }
              : nodeHttpTarget(target);
          return nodeHttpSend(to, path, {
            method,
            headers: headers ? { ...fixedHeaders, ...headers } : fixedHeaders,
            body: JSON.stringify(body) as string | undefined, // undefined when there is no body
            attempt,
            maxBytes,
            read: parse,
          });
        }
      : sendFetch;
  return { url, send };
}

export type Transport = ReturnType<typeof createTransport>;

/** Path templates split at their parameters, once each (in Node). */
const templates: Record<string, string[]> = {};

/** Characters URL parsing leaves as they are in a path and query (url() percent-encodes everything else it builds). */
const SAFE_PATH = /^[\w\-.~!$&()*+,;=:@/?%]*$/;

/** The SyntaxError message of a 2xx answer that is an HTML page (classify says where the page came from). */
export const HTML_ANSWER = 'an HTML page';

/**
 * A fetch Response's body as text, reading no more than `maxBytes` (the rest is cancelled, never buffered). Core's
 * `readAtMost`, which the receivers, the proxy and the fake read with, would cost the browser bundle about 60 bytes
 * gzip more here (its iterator and the call around it, `node bench/bundle-breakdown.mjs`): this loop is its own.
 */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw new AnswerTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : new Uint8Array(size);
  if (chunks.length > 1) {
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return new TextDecoder().decode(bytes);
}
