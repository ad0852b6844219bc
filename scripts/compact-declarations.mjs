#!/usr/bin/env node
// @ts-check
/**
 * Re-indents a package's bundled declarations (`dist/*.d.ts`) from the 4 spaces TypeScript prints to the 2 our
 * sources use. Core's are openapi-typescript's types of every schema, nested up to eight levels: their indentation
 * was 95 of their 306 kB, a third of what a client's install writes to disk for core. Only the whitespace that
 * starts a line changes (a doc comment's text follows its `*`, so it keeps its own). Run by a package's build
 * after tsup, whose declaration step ends after its other hooks: `node ../../scripts/compact-declarations.mjs`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `text` with each line's leading run of spaces halved in steps of four (`8` becomes `4`, `9` becomes `5`). */
export const compact = (/** @type {string} */ text) =>
  text.replace(/^((?: {4})+)/gm, (indent) => ' '.repeat(indent.length / 2));

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.ts'))) {
    const at = path.join(dist, file);
    writeFileSync(at, compact(readFileSync(at, 'utf8')));
  }
}
