import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRealtimeKitClient } from './index';

describe('README', () => {
  it("names every method of every resource in its table, so a new operation's method is listed", () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../README.md'), 'utf8');
    const rtk = createRealtimeKitClient({ apiToken: 't', accountId: 'a', appId: 'b' }) as unknown as Record<
      string,
      object
    >;
    const missing: string[] = [];
    for (const [name, resource] of Object.entries(rtk)) {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter((m) => m !== 'constructor');
      if (methods.length === 0 || typeof resource !== 'object') continue;
      const rows = readme.split('\n').filter((line) => line.startsWith(`| \`${name}.`));
      for (const method of methods) {
        if (!rows.some((row) => new RegExp(`[\`.·/ ]${method}[\`(]`).test(row))) missing.push(`${name}.${method}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
