import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Names a Chromium or Chrome goes by on PATH, most specific first. */
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** Flags for a headless browser on a machine with no network but loopback: nothing phones home at start. */
const QUIET = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ResolvedBrowser {
  executablePath: string;
  args: string[];
  /** Where it came from, for the test log: `CHROMIUM_PATH`, `PATH`, or `@sparticuz/chromium`. */
  source: 'CHROMIUM_PATH' | 'PATH' | '@sparticuz/chromium';
}

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first of `names` found as an executable in the directories of `PATH`. */
export function findOnPath(names: readonly string[], PATH = process.env.PATH ?? ''): string | undefined {
  for (const dir of PATH.split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/**
 * The browser the tests drive, in order: `CHROMIUM_PATH` if set (an error if it is not an executable); a Chromium
 * or Chrome already on PATH; else the Chromium that `pnpm install` brought inside `@sparticuz/chromium`, unpacked
 * into the temp folder on first use (about 1.5 s). Never a download.
 */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedBrowser> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file: fix it, or unset it`);
    }
    return { executablePath: fromEnv, args: QUIET, source: 'CHROMIUM_PATH' };
  }
  const onPath = findOnPath(ON_PATH, env.PATH);
  if (onPath) return { executablePath: onPath, args: QUIET, source: 'PATH' };
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error('No browser: set CHROMIUM_PATH, install chromium, or run pnpm install to get @sparticuz/chromium');
  }
  // Its own flags (single process, headless shell) plus ours; it brings its fonts and libraries along.
  return { executablePath, args: [...new Set([...packaged.args, ...QUIET.slice(1)])], source: '@sparticuz/chromium' };
}

/** Launches the resolved browser headless, through playwright-core, with a fresh profile of its own. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, args });
}
