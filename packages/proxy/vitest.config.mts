import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['src/**/*.test.ts'],
    // one Prism mock for the whole run: the proxy's upstream
    globalSetup: ['@realtimekit-meetings/contract/vitest-global-setup'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
