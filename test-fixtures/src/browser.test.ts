import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findOnPath, resolveChromium } from './browser';

describe('resolveChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that is not an executable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rtk-browser-'));
    const fake = path.join(dir, 'my-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const chosen = await resolveChromium({ CHROMIUM_PATH: fake, PATH: '' });
    expect(chosen).toMatchObject({ executablePath: fake, source: 'CHROMIUM_PATH' });
    await expect(resolveChromium({ CHROMIUM_PATH: path.join(dir, 'missing'), PATH: '' })).rejects.toThrow(
      /^CHROMIUM_PATH is .*missing, which is not an executable file: fix it, or unset it$/,
    );
  });

  it('finds a browser on PATH by its usual names, executables only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rtk-path-'));
    writeFileSync(path.join(dir, 'chromium'), 'not executable');
    expect(findOnPath(['chromium'], dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'google-chrome'), 0o755);
    expect(findOnPath(['chromium', 'google-chrome'], `/nonexistent${path.delimiter}${dir}`)).toBe(
      path.join(dir, 'google-chrome'),
    );
  });

  it('with nothing set and no browser on PATH, launches the Chromium that pnpm install brought', async () => {
    const resolved = await resolveChromium({ PATH: '' });
    expect(resolved.source).toBe('@sparticuz/chromium');
    const server = createServer((_req, res) => res.end('<title>hello from loopback</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await page.title()).toBe('hello from loopback');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
