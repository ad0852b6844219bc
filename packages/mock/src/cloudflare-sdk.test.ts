import { ACCOUNT, APP } from '@realtimekit-meetings/test-fixtures/ids';
import Cloudflare from 'cloudflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudflareSdkCalls, placeholderIds, type Scene, sdkMethods } from '../test-support/cloudflare-sdk-calls';
import { createUpstreamValidator, upstreamOperations } from '../test-support/upstream-spec';
import { type MockServer, startMockServer } from './mock-server';

// Cloudflare's own SDK (`cloudflare`, pinned in the catalog), pointed at our Prism mock and at our fake, with a real
// 36-character app ID (APP) and a 32-hex account ID: every RealtimeKit method it has makes its real request, and
// the answer is checked against the schema of spec/upstream/, the description the SDK's types are generated from.

const TOKEN = 'cf-sdk-proof-token';

/**
 * The spec's operations for which Cloudflare's SDK (7.3.0) has no method: nothing here can call them. (7.1.0 had
 * `livestreams.createIndependentLivestream` for create_livestream and lacked put-presets-preset_id; 7.3.0 has
 * `presets.replacePresetByID` and no longer the former.)
 */
const sdkHasNoMethodFor = [
  'create_livestream',
  'get-v2-livestreamsession-session-meetingId-active-livestream',
  'getAllWebhookEvents',
  'get_app',
  'livestream-session-details',
  'MuteAllParticipants',
  'MuteParticipants',
  'replace_participant',
];

const methods = sdkMethods(new Cloudflare({ apiToken: TOKEN, baseURL: 'http://127.0.0.1:9' }));
/** The table's stateful order, then any method the SDK gained that the table lacks (its test fails, naming it). */
const order = [
  ...Object.keys(cloudflareSdkCalls).filter((method) => methods.includes(method)),
  ...methods.filter((method) => !(method in cloudflareSdkCalls)),
];

/**
 * Where the SDK's types are upstream's and upstream is wrong, our overlays correct the spec the mock and the fake
 * serve, so their answer breaks the SDK's type there, and only there. Each entry is asserted exactly: when upstream
 * fixes it (and `pnpm spec:update` brings that here), its test fails and the entry goes.
 */
const upstreamTypesWeCorrect: Record<string, string[]> = {
  // spec/overlays/realtimekit-fixes.overlay.yaml: `disabled` is a boolean (its example answers `false`; a boolean in
  // the sibling livestream schemas); upstream, and so the SDK's LivestreamGetMeetingActiveLivestreamsResponse, say string
  'get-v2-meetings-meetingId-active-livestream': ['/data/disabled must be string'],
};

interface Sent {
  method: string;
  url: string;
}

/** Cloudflare's client as a user makes it, with the only change that no request is retried, and each one seen. */
function cloudflareClient(baseURL: string) {
  const sent: Sent[] = [];
  const cf = new Cloudflare({
    apiToken: TOKEN,
    baseURL,
    maxRetries: 0,
    fetch: (input, init) => {
      sent.push({ method: init?.method ?? 'GET', url: String(input) });
      return fetch(input, init);
    },
  });
  return { cf, sent };
}

/** The path an operation's template gives with our account and the app, any other ID as one segment. */
function pathPattern(template: string, app: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part === '{account_id}') return ACCOUNT;
      if (part === '{app_id}') return app;
      if (part.startsWith('{')) return '[^/]+';
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const noCall = (method: string) =>
  new Error(
    `Cloudflare's SDK has client.realtimeKit.${method}, and this test has no call for it: add one to cloudflareSdkCalls in test-support/cloudflare-sdk-calls.ts`,
  );

/**
 * Makes the call and checks it: the request went out once, with the operation's verb and path (our 36-character
 * app ID in it), and the SDK's parsed answer conforms to the operation's response schema upstream.
 */
async function callAndCheck(
  method: string,
  scene: Scene,
  sent: Sent[],
  validate: ReturnType<typeof createUpstreamValidator>,
) {
  const entry = cloudflareSdkCalls[method];
  if (!entry) throw noCall(method);
  const operation = upstreamOperations.get(entry.operationId);
  if (!operation) throw new Error(`${method} names ${entry.operationId}, which spec/upstream/ does not have`);
  entry.prepare?.(scene);
  const app = scene.ids.app;
  const before = sent.length;
  const { data, response } = await entry.run(scene).withResponse();
  entry.learn?.(data, scene.ids); // first, so that one failed check below does not fail the calls after it
  expect(sent.length, 'one request, no retry').toBe(before + 1);
  const request = sent[before] as Sent;
  expect(request.method).toBe(operation.method);
  const url = new URL(request.url);
  expect(url.pathname).toMatch(pathPattern(operation.path, app));
  expect([...new Set(url.searchParams.keys())].filter((name) => !operation.query.includes(name))).toEqual([]);
  // the fake names the body properties it ignored because the spec does not declare them: the SDK sends none
  expect(response.headers.get('x-realtimekit-fake-ignored')).toBeNull();
  // Prism's own findings on the request or its answer (warnings pass its validation, but are named here)
  expect(response.headers.get('sl-violations')).toBeNull();
  expect(validate(entry.operationId, response.status, data), `${entry.operationId} ${response.status}`).toEqual(
    upstreamTypesWeCorrect[entry.operationId] ?? [],
  );
}

describe("Cloudflare's SDK: the calls this test makes", () => {
  it('has a call for every RealtimeKit method of the SDK, found by walking client.realtimeKit, and no other', () => {
    expect(methods.length).toBeGreaterThanOrEqual(55);
    expect(methods.filter((method) => !(method in cloudflareSdkCalls))).toEqual([]);
    expect(Object.keys(cloudflareSdkCalls).filter((method) => !methods.includes(method))).toEqual([]);
  });

  it('names an operation of spec/upstream/ for each call, and lists the operations the SDK has no method for', () => {
    const called = new Set(Object.values(cloudflareSdkCalls).map((entry) => entry.operationId));
    expect([...called].filter((id) => !upstreamOperations.has(id))).toEqual([]);
    const uncalled = [...upstreamOperations.keys()].filter((id) => !called.has(id)).sort();
    console.info(
      `spec/upstream/ has ${upstreamOperations.size} RealtimeKit operations; Cloudflare's SDK calls ${called.size} of them ` +
        `through ${methods.length} methods and has none for ${uncalled.length}: ${uncalled.join(', ')}`,
    );
    expect(upstreamOperations.size).toBe(62);
    expect(uncalled).toEqual([...sdkHasNoMethodFor].sort());
  });
  it("checks answers for real: the upstream validator names what breaks an operation's declared answer", () => {
    const validate = createUpstreamValidator();
    expect(validate('get_meeting', 200, { success: true, data: 'a meeting' })).toEqual(['/data must be object']);
    expect(validate('get_meeting', 418, {})).toEqual([
      'answered 418, which spec/upstream/ does not declare for get_meeting',
    ]);
    expect(validate('no_such_operation', 200, {})).toEqual(['spec/upstream/ has no operation no_such_operation']);
  });
});

describe("Cloudflare's SDK against Prism (startMockServer())", () => {
  let mock: MockServer;
  let client: ReturnType<typeof cloudflareClient>;
  const validate = createUpstreamValidator();
  const ids = placeholderIds();
  beforeAll(async () => {
    mock = await startMockServer();
    client = cloudflareClient(mock.url);
  }, 120_000);
  afterAll(() => mock?.close());

  it.each(order)('%s: succeeds with its real request, and its answer is one the SDK types accept', async (method) => {
    await callAndCheck(method, { cf: client.cf, ids }, client.sent, validate);
  });

  it('ran them with a 36-character app ID (the one create_app answers), which Prism accepted everywhere', () => {
    expect(ids.app).toBe(APP);
    expect(APP).toHaveLength(36);
  });
});

describe("Cloudflare's SDK against the fake (startMockServer({ stateful: true })), in a stateful order", () => {
  let mock: MockServer;
  let client: ReturnType<typeof cloudflareClient>;
  const validate = createUpstreamValidator();
  const ids = placeholderIds();
  beforeAll(async () => {
    mock = await startMockServer({ stateful: { seed: 27 } });
    client = cloudflareClient(mock.url);
  });
  afterAll(() => mock?.close());

  it.each(order)('%s: succeeds and conforms', async (method) => {
    const entry = cloudflareSdkCalls[method];
    if (!entry) throw noCall(method);
    const scene = { cf: client.cf, ids, fake: mock.fake };
    await callAndCheck(method, scene, client.sent, validate);
  });

  it('ran them in the app the SDK created there: a 36-character UUID the fake handed out', () => {
    expect(ids.app).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids.app).not.toBe(APP);
  });
});
