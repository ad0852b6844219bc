import { createRealtimeKitClient, RealtimeKitError } from '@realtimekit-meetings/client';
import { type OperationId, operationRoutes, operationTable } from '@realtimekit-meetings/core';
import { stringAt } from './answer-path';
import { ContractError, contractCases, invalidCases } from './cases';
import { validateResponse } from './response-validator';

/** One finding of Prism's validator, from the `sl-violations` header of an answer. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface ContractResult {
  /** `valid`: a conforming call; `invalid`: a call the API must refuse; `unauthorized`: a call without a token. */
  kind: 'valid' | 'invalid' | 'unauthorized';
  operationId: OperationId;
  name: string;
  outcome: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped, or what conforming error answered. */
  detail?: string;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
  violations: Violation[];
  ms: number;
}

export interface RunContractOptions {
  /** The API (or a Prism mock or proxy in front of it), as the client's baseUrl. */
  baseUrl: string;
  /** Any token for a mock; for a real deployment, one with Realtime permissions. */
  apiToken: string;
  accountId?: string;
  appId?: string;
  /** Also run the calls that change data. Against a real account they create meetings nobody can delete. */
  allowWrites?: boolean;
  /**
   * Refusals must carry the exact status the spec's mock answers with (422, 400, 401). Off for a real
   * deployment, where any 4xx refusal keeps the contract. Default true against Prism, false against the SDK's fake
   * (which refuses with 400, as the API does; it says it is the fake in every answer).
   */
  exactStatuses?: boolean;
  /** IDs to read when there is no meeting to discover. */
  meetingId?: string;
  participantId?: string;
  /** More IDs to read with, by the name the cases learn them by (`presetId`, `webhookId`, `sessionId`). */
  ids?: Record<string, string>;
  /** Called with each result as it comes. */
  onResult?: (result: ContractResult) => void;
  /** Restrict the run to these operations. */
  only?: OperationId[];
  /** Called with what the run did besides the checks (a session it started on the SDK's fake). */
  onNote?: (message: string) => void;
}

/** The header the SDK's fake answers with: the path of its control routes, below the base URL. */
const FAKE_HEADER = 'x-realtimekit-fake';

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Runs the contract checks: one conforming call per operation (reads, then writes if allowed), the calls the
 * API must refuse, and every operation without a token. A conforming call passes when it succeeds (or answers
 * with an error the spec declares), its result has the documented shape, and Prism reports no `sl-violations`.
 */
export async function runContract(options: RunContractOptions): Promise<ContractResult[]> {
  const { allowWrites = false, onResult, only, onNote } = options;
  let violations: Violation[] = [];
  /** The fake's control routes, once an answer said the base URL is the SDK's fake. */
  let control: string | undefined;
  const middleware = [
    {
      onResponse({ response }: { response: Response }) {
        const fake = response.headers.get(FAKE_HEADER);
        if (fake?.startsWith('/')) control = `${options.baseUrl.replace(/\/+$/, '')}${fake}`;
        const header = response.headers.get('sl-violations');
        if (header) {
          try {
            violations.push(...(JSON.parse(header) as Violation[]));
          } catch {
            violations.push({ location: [], severity: 'Error', code: 'unreadable', message: header.slice(0, 200) });
          }
        }
        return undefined;
      },
    },
  ];
  const base = {
    baseUrl: options.baseUrl,
    accountId: options.accountId,
    appId: options.appId,
    maxRetries: 0,
    timeoutMs: 30_000,
  };
  const rtk = createRealtimeKitClient({ ...base, apiToken: options.apiToken, middleware });
  const anonymous = createRealtimeKitClient({
    ...base,
    apiToken: options.apiToken ?? 'unused',
    middleware: [
      {
        onRequest({ request }: { request: Request }) {
          request.headers.delete('authorization');
          return undefined;
        },
      },
      ...middleware,
    ],
  });
  /** IDs learnt as the cases run (`meetingId`, `participantId`), starting from the ones given. */
  const ids: Record<string, string | undefined> = {
    ...options.ids,
    meetingId: options.meetingId ?? options.ids?.meetingId,
    participantId: options.participantId ?? options.ids?.participantId,
  };
  const results: ContractResult[] = [];
  const selected = (operationId: OperationId) => !only || only.includes(operationId);

  const record = (result: ContractResult) => {
    results.push(result);
    onResult?.(result);
  };
  async function attempt(
    kind: ContractResult['kind'],
    operationId: OperationId,
    name: string,
    call: () => Promise<Omit<ContractResult, 'kind' | 'operationId' | 'name' | 'violations' | 'ms'>>,
  ) {
    violations = [];
    const started = Date.now();
    let outcome: Awaited<ReturnType<typeof call>>;
    try {
      outcome = await call();
    } catch (error) {
      stopIfUnreachable(error);
      outcome = { outcome: 'fail', detail: describe(error), status: (error as RealtimeKitError).status };
    }
    record({ kind, operationId, name, ...outcome, violations, ms: Date.now() - started });
  }
  /** The case's path parameters from the IDs learnt so far, or the names of the IDs still missing. */
  const pathFor = (params: Record<string, string>, fallback?: string) => {
    const path: Record<string, string> = {};
    const missing: string[] = [];
    for (const [param, id] of Object.entries(params)) {
      const value = ids[id] ?? fallback;
      if (value === undefined) missing.push(id);
      else path[param] = value;
    }
    return { path, missing };
  };
  /**
   * A body's IDs (`meeting_id` in a recording's start) replaced by the ones learnt so far, as path IDs are: the spec's
   * example ID names nothing in the account under test.
   */
  const withIds = (body: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(body).map(([name, value]) => [name, (name.endsWith('_id') && ids[camelCase(name)]) || value]),
    );
  /** Nothing answers at the base URL: every other check would fail the same way, so the run stops here. */
  const stopIfUnreachable = (error: unknown) => {
    if (error instanceof RealtimeKitError && error.kind === 'network') {
      const why = error.message.replace(/^network \S+: /, '');
      throw new ContractError(
        `cannot reach ${options.baseUrl}: ${why}. Start the mock (npx realtimekit-mock) or check the base URL.`,
      );
    }
  };
  const checked = (operationId: OperationId, status: number, body: unknown) =>
    violations.push(
      ...validateResponse(operationId, status, body).map((message) => ({
        location: ['response', 'body'],
        severity: 'Error',
        code: 'schema',
        message,
      })),
    );

  // With writes, what the run creates comes first, so that the reads read it (a fresh account lists nothing).
  const runnable = contractCases.filter((c) => selected(c.operationId) && (allowWrites || !c.writes));
  const creations = runnable.filter((c) => c.writes && c.learns);
  let setUp = false;
  for (const c of [...creations, ...runnable.filter((c) => !creations.includes(c))]) {
    // Kick, mute and polls need a live session, which only someone joining starts; the SDK's fake starts one (and a
    // livestream to stop) on its control route. Against a real deployment they answer what the API answers.
    if (!setUp && !creations.includes(c) && allowWrites && control && ids.meetingId) {
      setUp = true;
      await startLive(control, ids.meetingId, onNote);
    } else if (
      setUp &&
      control &&
      ids.meetingId &&
      c.writes &&
      operationTable[c.operationId].path.includes('/active-session/')
    ) {
      // kicking everyone ends a session, as the last participant leaving does: each call on one gets a live one
      await startLive(control, ids.meetingId, undefined, ['sessions']);
    }
    await attempt('valid', c.operationId, `${c.operationId}: a conforming call`, async () => {
      const { path, missing } = pathFor(c.params);
      if (missing.length > 0) {
        // the checks that provide what is missing: those that ran gave none
        const providers = contractCases.filter((p) =>
          missing.some((id) => p.learns === id || Object.hasOwn(p.finds ?? {}, id)),
        );
        const ran = providers.filter((p) => allowWrites || !p.writes).map((p) => p.operationId);
        const given = `pass it (${missing.map((id) => `--id ${id}=…`).join(' ')}, runContract's ids)`;
        const create = !allowWrites && providers.some((p) => p.writes) ? ', or allow writes to create one' : '';
        const how = missing.includes('meetingId')
          ? allowWrites
            ? 'none was listed or created'
            : 'the account lists none: pass meetingId (--meeting-id), or allow writes to create one'
          : `${ran.length > 0 ? `${ran.join(', ')} gave none` : 'no check that ran provides one'}: ${given}${create}`;
        return { outcome: 'skip', detail: `no ${missing.join(' or ')} to use: ${how}` };
      }
      let body: Record<string, unknown>;
      try {
        const input = { params: path, ...c.input, ...(c.input.body ? { body: withIds(c.input.body) } : {}) };
        body = (await rtk.request(c.operationId, input as never)) as Record<string, unknown>;
      } catch (error) {
        // the SDK's fake answers 501 to what it does not implement yet: not the API's contract to judge
        if (error instanceof RealtimeKitError && error.kind === 'http' && error.status === 501 && control) {
          return { outcome: 'skip', status: 501, detail: NOT_IN_FAKE };
        }
        if (
          !(error instanceof RealtimeKitError && error.kind === 'http' && c.declaredErrors.includes(error.status ?? 0))
        ) {
          throw error;
        }
        checked(c.operationId, error.status ?? 0, error.body);
        const problems = violations.filter((v) => v.severity === 'Error');
        return problems.length > 0
          ? { outcome: 'fail', status: error.status, detail: violationSummary(problems) }
          : { outcome: 'pass', status: error.status, detail: `answered ${error.status}, which the spec declares` };
      }
      checked(c.operationId, operationTable[c.operationId].successStatus, body);
      if (c.learns) {
        // a list's first item (`data`, or the one list in it: `data.sessions`), or what a creation made
        const data = body.data as { id?: string } | { id?: string }[] | undefined;
        const lists = data && !Array.isArray(data) ? Object.values(data).filter(Array.isArray) : [];
        const list = Array.isArray(data)
          ? data
          : lists.length === 1
            ? (lists[0] as unknown as { id?: string }[])
            : undefined;
        const id = list ? list[0]?.id : data && !Array.isArray(data) ? data.id : undefined;
        if (list) ids[c.learns] ??= id;
        else if (id) ids[c.learns] = id;
      }
      for (const [name, where] of Object.entries(c.finds ?? {})) ids[name] ??= stringAt(body, where);
      const problems = violations.filter((v) => v.severity === 'Error');
      return problems.length > 0 ? { outcome: 'fail', detail: violationSummary(problems) } : { outcome: 'pass' };
    });
  }
  // by now a conforming call has told whether the base URL is the SDK's fake
  const exactStatuses = options.exactStatuses ?? control === undefined;
  for (const c of invalidCases.filter((c) => selected(c.operationId) && (allowWrites || !c.writes))) {
    await attempt('invalid', c.operationId, c.name, async () => {
      const { path } = pathFor(c.params, PLACEHOLDER_ID);
      const error = await rtk.request(c.operationId, { params: path, ...c.input } as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      stopIfUnreachable(error);
      if (error instanceof RealtimeKitError && error.status === 501 && control) {
        return { outcome: 'skip', status: 501, detail: NOT_IN_FAKE };
      }
      return refusal(error, exactStatuses ? [c.status] : undefined, () => violations);
    });
  }
  for (const operationId of (Object.keys(operationRoutes) as OperationId[]).filter(selected)) {
    await attempt('unauthorized', operationId, `${operationId} without a token`, async () => {
      const [, route, hasBody] = operationRoutes[operationId];
      const names = contractCases.find((c) => c.operationId === operationId)?.params ?? {};
      // every path ID the operation takes: learnt, or a placeholder (the token is refused before it is looked up)
      const params = Object.fromEntries(
        [...route.matchAll(/\{([\w-]+)\}/g)]
          .map((m) => m[1] as string)
          .filter((name) => name !== 'account_id')
          .map((name) => [name, ids[names[name] ?? camelCase(name)] ?? PLACEHOLDER_ID]),
      );
      const error = await anonymous.request(operationId, { params, body: hasBody ? {} : undefined } as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      stopIfUnreachable(error);
      return refusal(error, exactStatuses ? [401] : [401, 403], () => violations);
    });
  }
  return results;
}

/** Why a case was skipped against the SDK's fake: it answered 501, the operation is not in the fake yet. */
export const NOT_IN_FAKE = 'not implemented by the fake (it answered 501): run it against Prism or the API';

/** `meeting_id` -> `meetingId`, `livestream-session-id` -> `livestreamSessionId`: the names the cases learn IDs by. */
const camelCase = (name: string) => name.replace(/[-_]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());

/** Starts a session (with every participant of the meeting) and a livestream on the SDK's fake. */
async function startLive(
  control: string,
  meetingId: string,
  onNote?: (message: string) => void,
  which = ['sessions', 'livestreams'],
) {
  for (const what of which) {
    const response = await fetch(`${control}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meeting_id: meetingId }),
    });
    await response.body?.cancel();
    const thing = what === 'sessions' ? 'a session' : 'a livestream';
    onNote?.(
      response.ok
        ? `started ${thing} in meeting ${meetingId} on the fake's control route, for the calls that act on one`
        : `could not start ${thing} in meeting ${meetingId} on the fake's control route (${response.status})`,
    );
  }
}

/** The call must have been refused with one of `statuses` (any 4xx when undefined), by an answer that conforms. */
function refusal(error: unknown, statuses: number[] | undefined, seen: () => Violation[]) {
  if (error === undefined) return { outcome: 'fail' as const, detail: 'the API accepted it' };
  if (!(error instanceof RealtimeKitError) || error.kind !== 'http') {
    return { outcome: 'fail' as const, detail: describe(error) };
  }
  const { status = 0 } = error;
  // Where the spec declares no error answer, Prism explains the refusal in a problem+json body, not a header.
  const prismProblems = (error.body as { validation?: Violation[] } | undefined)?.validation;
  if (Array.isArray(prismProblems))
    seen().push(...prismProblems.map((v) => ({ ...v, location: ['request', ...v.location] })));
  const expected = statuses ? statuses.includes(status) : status >= 400 && status < 500;
  if (!expected) {
    return {
      outcome: 'fail' as const,
      status,
      detail: `refused with ${status}, expected ${statuses?.join(' or ') ?? '4xx'}`,
    };
  }
  const responseProblems = seen().filter((v) => v.location[0] === 'response' && v.severity === 'Error');
  return responseProblems.length > 0
    ? { outcome: 'fail' as const, status, detail: violationSummary(responseProblems) }
    : { outcome: 'pass' as const, status, detail: `refused with ${status}: ${error.message}` };
}

/** Prism's findings (`sl-violations`) and the response validator's, one line. */
const violationSummary = (violations: Violation[]) =>
  `breaks the spec: ${violations.map((v) => `${v.location.join('.')} ${v.message}`).join('; ')}`;

function describe(error: unknown) {
  if (error instanceof ContractError) return error.message;
  // a 401 or 403 says what to check in the client's own message
  if (error instanceof RealtimeKitError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
