import { defineConfig } from 'vitest/config';
import { tests } from '../../build.shared.mts';

export default defineConfig({
  test: {
    ...tests,
    // the suite runs against one Prism mock for the whole run, through this package's own vitest globalSetup
    globalSetup: ['./src/vitest-global-setup.ts'],
  },
});
