// @ts-check
/**
 * Generated TypeScript, formatted by the repository's own Biome (its formatter settings in biome.json) before it is
 * written or compared, so generated code reads like hand-written code and `generate --check` compares formatted text.
 * One Biome run formats every file, in a scratch folder outside the repository (Biome formats files, not strings, in
 * one process); nothing in the repository is touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenerateError, root } from './spec.mjs';

const FORMATTED = /\.(ts|tsx|mts)$/;

/** The Biome executable the repository pins (its `@biomejs/biome` package). */
function biomeBin() {
  const require = createRequire(path.join(root, 'package.json'));
  const pkg = require.resolve('@biomejs/biome/package.json');
  return path.join(path.dirname(pkg), 'bin/biome');
}

/**
 * `files` with every TypeScript file formatted (other files as they are).
 * @param {Map<string, string>} files absolute path -> content
 * @returns {Map<string, string>}
 */
export function formatted(files) {
  const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8'));
  const scratch = mkdtempSync(path.join(tmpdir(), 'rtk-generate-'));
  try {
    writeFileSync(
      path.join(scratch, 'biome.json'),
      JSON.stringify({
        // the mock's validators of every operation pass Biome's default 1 MiB limit
        files: { maxSize: 8 * 1024 * 1024 },
        formatter: config.formatter,
        javascript: { formatter: config.javascript?.formatter },
        linter: { enabled: false },
        assist: { enabled: false },
      }),
    );
    /** @type {Map<string, string>} absolute path -> path in the scratch folder */
    const copies = new Map();
    let i = 0;
    for (const [file, content] of files) {
      if (!FORMATTED.test(file)) continue;
      const copy = path.join(scratch, 'src', `${i++}-${path.basename(file)}`);
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, content);
      copies.set(file, copy);
    }
    try {
      execFileSync(process.execPath, [biomeBin(), 'format', '--write', '--no-errors-on-unmatched', 'src'], {
        cwd: scratch,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      const stderr = String(/** @type {{ stderr?: Buffer }} */ (error).stderr ?? '');
      throw new GenerateError(scratch, `Biome could not format the generated code (a generator bug):\n${stderr}`);
    }
    return new Map(
      [...files].map(([file, content]) => [
        file,
        copies.has(file) ? readFileSync(/** @type {string} */ (copies.get(file)), 'utf8') : content,
      ]),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
