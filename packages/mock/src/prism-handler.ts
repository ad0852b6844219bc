import { errorBody } from '@realtimekit-meetings/core';
import { API_PATH, route } from './fake/operation-route';
import { openapiDocument } from './generated/document.gen';

type LogFn = (...args: unknown[]) => void;
interface PrismLogger extends Record<string, LogFn | (() => PrismLogger)> {
  child: () => PrismLogger;
}

function prismLogger(log: ((level: string, message: string) => void) | undefined): PrismLogger {
  const logger = { child: () => logger } as PrismLogger;
  for (const level of ['trace', 'debug', 'info', 'success', 'warn', 'error', 'fatal', 'start', 'note', 'log']) {
    logger[level] = (...args: unknown[]) => {
      if (!log) return;
      const message = args.filter((a) => typeof a === 'string').join(' ');
      if (message) log(level, message);
    };
  }
  return logger;
}

interface Diagnostic {
  path?: string[];
  severity: number;
  code: string | number;
  message: string;
}
/** Prism's severities, by number (its DiagnosticSeverity). */
const SEVERITY = ['Error', 'Warning', 'Information', 'Hint'];
const located = (prefix: string) => (d: Diagnostic) => ({
  location: [prefix, ...(d.path ?? [])],
  severity: SEVERITY[d.severity] ?? String(d.severity),
  code: d.code,
  message: d.message,
});
const MAX_HEADER = 8 * 1024 - 100;

/** A CommonJS module's exports, whether `import()` handed them over as a namespace (ESM) or as they are (CJS). */
const commonjs = <T>(module: T): T => (module as { default?: T }).default ?? module;

/** "Request body must have required property 'x'" -> "body must ..."; a message naming no place gets its location. */
function describeViolation(v: { location: string[]; message: string }) {
  const named = /^Request (body|query|path|header)/i.exec(v.message);
  if (named) return v.message.replace(/^Request /i, '');
  return `${v.location.slice(1).join('/')} ${v.message}`.trim();
}

/** Whether `value` holds, at any depth, a property `name` that is not empty (`peer_events: [...]`). */
function holds(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((item) => holds(item, name));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, inner]) =>
      (key === name && inner !== null && (!Array.isArray(inner) || inner.length > 0)) || holds(inner, name),
  );
}

interface PrismOperation {
  iid?: string;
  request?: { query?: { name: string; schema?: { type?: unknown } }[] };
  responses: { code: string; contents?: { examples?: { key: string; value?: unknown }[] }[] }[];
}

/**
 * For each operation with a boolean `include_X` query, the first example of its answer that holds a non-empty `X`:
 * `GetSessionParticipants?include_peer_events=true` gets the participants with their `peer_events`, as the API
 * answers, where Prism would pick the spec's first example (without them) whatever the query asks for.
 */
function examplesByInclude(operations: PrismOperation[]) {
  const byOperation = new Map<string, [query: string, example: string][]>();
  for (const op of operations) {
    const examples = op.responses
      .filter((r) => /^2/.test(r.code))
      .flatMap((r) => r.contents ?? [])
      .flatMap((c) => c.examples ?? []);
    for (const q of op.request?.query ?? []) {
      if (!q.name.startsWith('include_') || q.schema?.type !== 'boolean' || !op.iid) continue;
      const example = examples.find((e) => holds(e.value, q.name.slice('include_'.length)));
      if (example) byOperation.set(op.iid, [...(byOperation.get(op.iid) ?? []), [q.name, example.key]]);
    }
  }
  return byOperation;
}

export interface PrismHandlerOptions {
  dynamic: boolean;
  upstream?: URL;
  log?: (level: string, message: string) => void;
}

/**
 * Prism's HTTP mock (prism-http, in this process) as a web-standard handler. It answers as prism-http-server does
 * (the same validation, examples, proxy mode, `Prefer` header and `sl-violations`), with one difference: a request
 * Prism refuses gets the violations it found in `error.message` ("body must have required property
 * 'preset_name'"), where Prism would send the spec's example message ("string").
 */
export async function createPrismHandler(
  options: PrismHandlerOptions,
): Promise<(request: Request) => Promise<Response>> {
  // Prism is CommonJS, loaded on first use so that importing this package (for its cases, or the fake in a Worker)
  // stays cheap and free of Node-only modules.
  const prismHttp = commonjs(await import('@stoplight/prism-http'));
  const { getHttpConfigFromRequest } = commonjs(
    (await import('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js')) as {
      getHttpConfigFromRequest: (
        input: unknown,
      ) => { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: Record<string, unknown> };
    },
  );
  const operations = await prismHttp.getHttpOperationsFromSpec(structuredClone(openapiDocument) as never);
  const config = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: false,
    mock: { dynamic: options.dynamic },
    upstreamProxy: undefined,
    ...(options.upstream ? { isProxy: true as const, upstream: options.upstream } : { isProxy: false as const }),
  };
  const prism = prismHttp.createInstance(config as never, { logger: prismLogger(options.log) as never });
  const includeExamples = examplesByInclude(operations as unknown as PrismOperation[]);
  /** The example a request's `include_X=true` asks for. */
  const askedExample = (method: string, url: URL) => {
    if (!url.search.includes('include_')) return undefined;
    const below = API_PATH.exec(url.pathname)?.[2];
    const operationId = below ? route(method, below)?.operationId : undefined;
    const asked = (operationId && includeExamples.get(operationId)) || [];
    return asked.find(([query]) => url.searchParams.get(query) === 'true')?.[1];
  };

  return async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = text === '' ? null : text;
    if (text !== '' && /[/+]json\b/.test(request.headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        return Response.json(errorBody(400, 'body is not valid JSON'), { status: 400 });
      }
    }
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = values.length === 1 ? (values[0] as string) : values;
    }
    const input = {
      method: request.method.toLowerCase(),
      url: { path: url.pathname, query },
      headers: Object.fromEntries(request.headers),
      body,
    };
    const preferences = getHttpConfigFromRequest(input);
    let run: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: unknown };
    if (preferences._tag === 'Left') run = preferences;
    else {
      // what the request asks for (`Prefer: code=404`, `?__dynamic=true`) over the server's settings, as
      // prism-http-server merges them: a preference the request does not give leaves the setting as it is
      const mock: Record<string, unknown> = { ...config.mock };
      for (const [name, value] of Object.entries(preferences.right)) if (value !== undefined) mock[name] = value;
      if (mock.exampleKey === undefined && mock.code === undefined && !mock.dynamic) {
        mock.exampleKey = askedExample(request.method, url);
      }
      run = await prism.request(input as never, operations, { ...config, mock } as never)();
    }
    if (run._tag === 'Left') {
      const problem = run.left as { status?: number; additional?: { headers?: Record<string, string> } };
      return new Response(JSON.stringify(prismHttp.ProblemJsonError.toProblemJson(problem as never)), {
        status: problem.status ?? 500,
        headers: { 'content-type': 'application/problem+json', ...problem.additional?.headers },
      });
    }
    const { output, validations } = run.right as unknown as {
      output: { statusCode: number; headers?: Record<string, string>; body?: unknown };
      validations: { input: Diagnostic[]; output: Diagnostic[] };
    };
    const refusedFor = validations.input.map(located('request'));
    const violations = [...refusedFor, ...validations.output.map(located('response'))];
    const headers = new Headers(output.headers);
    if (violations.length > 0) headers.set('sl-violations', JSON.stringify(violations).slice(0, MAX_HEADER));
    let payload = output.body;
    const error = (payload as { error?: { message?: unknown } } | undefined)?.error;
    if (output.statusCode >= 400 && refusedFor.length > 0 && typeof error?.message === 'string') {
      const message = refusedFor.map(describeViolation).join('; ');
      payload = { ...(payload as object), error: { ...error, code: output.statusCode, message } };
    }
    const type = headers.get('content-type') ?? '';
    const serialized =
      payload === undefined
        ? null
        : /json/.test(type) || typeof payload !== 'string'
          ? JSON.stringify(payload)
          : payload;
    return new Response(serialized, { status: output.statusCode, headers });
  };
}
