import { configDefaults, defineConfig } from 'vitest/config';
import { tests } from '../../build.shared.mts';

export default defineConfig({
  test: {
    ...tests,
    environment: 'jsdom',
    // one Prism mock behind one proxy for the whole run: the hooks talk to it as a browser would
    globalSetup: ['./test-support/global-setup.ts'],
    setupFiles: ['./test-support/testing-library.ts'],
    // under Stryker, the sources are mutated in place: dist.test.ts checks the built files, not them
    exclude: [...configDefaults.exclude, ...(process.env.STRYKER_RUN ? ['src/dist.test.ts'] : [])],
  },
});
