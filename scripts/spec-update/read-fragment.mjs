// @ts-check
/**
 * Reading Cloudflare's whole description, on a worker thread when it is for a run: parsing 12.5 MB of JSON (and
 * collecting it) takes about as long as loading the generator and the compiler, so the two run side by side. The
 * worker hands back the document with its paths cut to the RealtimeKit prefix (its components whole: extract.mjs
 * picks from them), a quarter of the size. This module loads nothing but Node's own (the YAML parser only for
 * YAML), so that the worker starts before the main thread begins loading the tools.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { componentsReached } from './components-reached.mjs';

/** Every RealtimeKit path: the app's resources under `{app_id}/` and `apps` beside them. */
export const REALTIMEKIT_PREFIX = '/accounts/{account_id}/realtime/kit';
/** Whether a path template is under the RealtimeKit prefix (`…/realtime/kit-legacy/…` is not). */
export const underRealtimeKit = (/** @type {string} */ template) => template.startsWith(`${REALTIMEKIT_PREFIX}/`);

/** How many alias expansions a YAML description may make; Cloudflare's descriptions use none. */
export const MAX_ALIASES = 1000;

/**
 * The whole description from a file or an http(s) URL, JSON or YAML; or what is wrong with it.
 * @param {string} from @returns {Promise<{ whole: unknown, problem?: undefined } | { problem: string }>}
 */
export async function loadDescription(from) {
  let text;
  if (/^https?:\/\//.test(from)) {
    const response = await fetch(from);
    if (!response.ok) return { problem: `could not be downloaded: ${response.status} ${response.statusText}` };
    text = await response.text();
  } else {
    try {
      text = readFileSync(from, 'utf8');
    } catch (error) {
      return { problem: `cannot be read (${/** @type {Error} */ (error).message})` };
    }
  }
  try {
    // JSON.parse for JSON (Cloudflare's openapi.json): far faster than the YAML parser on the same text
    if (/^\s*\{/.test(text)) return { whole: JSON.parse(text) };
    const { default: YAML } = await import('yaml');
    // aliases limited: a kilobyte of nested aliases ("billion laughs") would otherwise fill the memory
    return { whole: YAML.parse(text, { maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    return { problem: `is neither JSON nor YAML (${/** @type {Error} */ (error).message})` };
  }
}

const isMapping = (/** @type {unknown} */ value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The document with only its RealtimeKit paths and the components they reach by `$ref` (every security scheme kept);
 * everything else as it is. Lenient: a reference it cannot follow is left for extract.mjs to refuse, by name.
 */
function withMeetingsPathsOnly(/** @type {unknown} */ whole) {
  if (!isMapping(whole)) return whole;
  const doc = /** @type {Record<string, any>} */ (whole);
  if (!isMapping(doc.paths)) return whole;
  const paths = Object.fromEntries(Object.entries(doc.paths).filter(([template]) => underRealtimeKit(template)));
  const components = isMapping(doc.components) ? doc.components : {};
  /** @type {Set<string>} "section/name" of every component reached */
  const reached = new Set([...componentsReached(components, paths).values()].map(([s, n]) => `${s}/${n}`));
  const kept = Object.fromEntries(
    Object.entries(components).map(([section, entries]) => [
      section,
      section === 'securitySchemes' || !isMapping(entries)
        ? entries
        : Object.fromEntries(Object.entries(entries).filter(([name]) => reached.has(`${section}/${name}`))),
    ]),
  );
  return Object.fromEntries(
    Object.entries(doc).map(([key, value]) => [
      key,
      key === 'paths' ? paths : key === 'components' && isMapping(value) ? kept : value,
    ]),
  );
}

/**
 * `loadDescription` on a worker thread, the paths cut to the RealtimeKit prefix.
 * @param {string} from @returns {Promise<{ whole: unknown, problem?: undefined } | { problem: string }>}
 */
export function loadMeetingsDescription(from) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { spec_update_from: from } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`spec:update: reading ${from} stopped (worker exit ${code})`));
    });
  });
}

if (!isMainThread && parentPort && typeof workerData?.spec_update_from === 'string') {
  const port = parentPort;
  loadDescription(workerData.spec_update_from).then(
    (loaded) =>
      port.postMessage(loaded.problem === undefined ? { whole: withMeetingsPathsOnly(loaded.whole) } : loaded),
    (error) => port.postMessage({ problem: `could not be read (${error?.message ?? error})` }),
  );
}
