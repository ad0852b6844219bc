#!/usr/bin/env node
// @ts-check
/**
 * spec/upstream + spec/overlays  ->  spec/realtimekit-meetings.openapi.yaml (the effective spec)
 * effective spec + spec/sdk.yaml ->  every package's src/generated/*.gen.ts:
 *   core      the types, the operations table, the named request and response types, the document
 *   client    one typed method per operation
 *   react     query keys, query options, one hook per file
 *   contract  the conforming and the refused request of every operation
 *   mock      request and response validators, compiled ahead of time for the fake
 *
 *   pnpm generate           write the files
 *   pnpm generate --check   write nothing; exit 1 when a committed file differs from what the spec produces
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import YAML from 'yaml';
import { clientModules } from './codegen/client-resource.mjs';
import { contractModule } from './codegen/contract-cases.mjs';
import { operationsModule } from './codegen/core-operations.mjs';
import { typesModule } from './codegen/core-types.mjs';
import { documentModule } from './codegen/document.mjs';
import { formatted } from './codegen/format.mjs';
import { reactModules } from './codegen/react.mjs';
import { applyOverlayFile, checkOverlay, GenerateError, readYaml, rel, root, validateSpec } from './codegen/spec.mjs';
import { buildSurface } from './codegen/surface.mjs';
import { header } from './codegen/text.mjs';
import { responseValidatorsModule, validatorsModule } from './codegen/validators.mjs';

export { GenerateError, root };

export const paths = {
  upstream: path.join(root, 'spec/upstream/realtimekit-meetings.openapi.yaml'),
  overlays: path.join(root, 'spec/overlays'),
  naming: path.join(root, 'spec/sdk.yaml'),
  effective: path.join(root, 'spec/realtimekit-meetings.openapi.yaml'),
  generated: path.join(root, 'packages/core/src/generated'),
};

/** The folders `pnpm generate` owns under a repository root: every file in them is generated. */
export const generatedDirs = (base = root) =>
  ['core', 'client', 'react', 'contract', 'mock'].map((name) => path.join(base, 'packages', name, 'src/generated'));

/**
 * Upstream plus the overlays, validated before and after: the effective spec.
 * @param {{ upstream: string, overlays: string }} inputs
 */
export async function effectiveSpec(inputs) {
  const upstream = readYaml(inputs.upstream);
  // a structural defect upstream stops the run unless an overlay action corrects it (checked once they apply)
  const upstreamProblem = await validateSpec(upstream, inputs.upstream).then(
    () => undefined,
    (/** @type {unknown} */ error) => error,
  );
  if (!existsSync(inputs.overlays)) throw new GenerateError(inputs.overlays, 'missing overlays folder');
  const overlayFiles = readdirSync(inputs.overlays)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(inputs.overlays, name));
  let spec = upstream;
  for (const file of overlayFiles) {
    const overlay = readYaml(file);
    checkOverlay(file, overlay);
    spec = applyOverlayFile(spec, file, overlay);
  }
  try {
    await validateSpec(spec, inputs.overlays, ' once the overlays are applied');
  } catch (error) {
    throw upstreamProblem ?? error;
  }
  return inSpecOrder(spec);
}

const ROOT_ORDER = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];
const INFO_ORDER = ['title', 'summary', 'description', 'termsOfService', 'contact', 'license', 'version'];
/** `keys` first, in that order, then the rest as they come. */
const ordered = (/** @type {Record<string, any>} */ node, /** @type {string[]} */ keys) =>
  Object.fromEntries([
    ...keys.filter((k) => k in node).map((k) => [k, node[k]]),
    ...Object.entries(node).filter(([k]) => !keys.includes(k)),
  ]);

/**
 * The document's top level and its `info` in the order the OpenAPI specification lists them, whatever order
 * upstream and the overlays leave them in (an overlay adds keys at the end), so the effective spec reads the same.
 * @param {Record<string, any>} spec
 */
const inSpecOrder = (spec) =>
  ordered({ ...spec, ...(spec.info ? { info: ordered(spec.info, INFO_ORDER) } : {}) }, ROOT_ORDER);

/**
 * Computes every generated file in memory: a map from absolute path to content.
 * @param {{ upstream: string, overlays: string, naming?: string }} inputs the upstream copy, the overlays folder
 *   and the naming source
 * @param {string} [base] the repository root the files are for (a temp copy in tests)
 */
export async function generate(inputs = paths, base = root) {
  const naming = inputs.naming ?? paths.naming;
  const spec = await effectiveSpec(inputs);
  const surface = buildSurface(spec, readYaml(naming), { spec: inputs.upstream, naming });

  let types;
  try {
    const ast = await openapiTS(/** @type {any} */ (structuredClone(spec)), {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      silent: true,
    });
    types = astToString(ast);
  } catch (error) {
    throw new GenerateError(inputs.upstream, `invalid spec: ${/** @type {Error} */ (error).message}`);
  }

  const [core, client, react, contract, mock] = /** @type {[string, string, string, string, string]} */ (
    generatedDirs(base)
  );
  const sources = 'spec/upstream/realtimekit-meetings.openapi.yaml and spec/overlays/';
  /** @type {Map<string, string>} */
  const files = new Map([
    [
      path.join(base, 'spec/realtimekit-meetings.openapi.yaml'),
      `${header('#', sources)}${YAML.stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true })}`,
    ],
    [path.join(core, 'openapi.gen.ts'), `${header('//', 'spec/realtimekit-meetings.openapi.yaml')}\n${types}`],
    [path.join(core, 'operations.gen.ts'), operationsModule(surface)],
    [path.join(core, 'types.gen.ts'), typesModule(spec, surface, naming)],
    ...[...clientModules(surface)].map(
      ([name, content]) => /** @type {[string, string]} */ ([path.join(client, name), content]),
    ),
    ...[...reactModules(spec, surface)].map(
      ([name, content]) => /** @type {[string, string]} */ ([path.join(react, name), content]),
    ),
    [path.join(contract, 'cases.gen.ts'), contractModule(spec, surface, naming)],
    [path.join(contract, 'response-validators.gen.ts'), responseValidatorsModule(spec, surface)],
    [path.join(mock, 'validators.gen.ts'), validatorsModule(spec, surface)],
    [path.join(mock, 'document.gen.ts'), documentModule(spec)],
  ]);
  return formatted(files);
}

/**
 * The generated files whose committed content differs from `files` (or that nothing generates any more).
 * @param {Map<string, string>} files @param {string} [base]
 */
export function drift(files, base = root) {
  const stale = [];
  for (const [file, content] of files) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(rel(file));
  }
  for (const dir of generatedDirs(base)) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (!files.has(file)) stale.push(`${rel(file)} (no longer generated)`);
    }
  }
  return stale;
}

async function main() {
  let check;
  try {
    ({
      values: { check },
    } = parseArgs({ options: { check: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    console.error(`generate: ${/** @type {Error} */ (error).message}\nusage: pnpm generate [--check]`);
    process.exit(2);
  }
  const files = await generate();
  if (check) {
    const stale = drift(files);
    if (stale.length > 0) {
      console.error(
        `generate --check: these files differ from what the spec produces:\n  ${stale.join('\n  ')}\nrun pnpm generate and commit`,
      );
      process.exit(1);
    }
    console.log(`generate --check: ${files.size} generated files match the spec`);
    return;
  }
  for (const dir of generatedDirs()) {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (files.has(path.join(dir, name))) continue;
      rmSync(path.join(dir, name));
      console.log(`generate: removed ${rel(path.join(dir, name))}, which nothing generates any more`);
    }
  }
  for (const [file, content] of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  console.log(`generate: wrote ${files.size} files from the spec and spec/sdk.yaml`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof GenerateError ? `generate: ${error.message}` : error);
    process.exit(1);
  });
}
