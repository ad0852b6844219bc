import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // one Prism mock behind one proxy for the whole run: the hooks talk to it as a browser would
    globalSetup: ['./test-support/global-setup.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
