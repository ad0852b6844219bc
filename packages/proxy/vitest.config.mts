import { defineConfig } from 'vitest/config';
import { tests } from '../../build.shared.mts';

export default defineConfig({
  test: {
    ...tests,
    // one Prism mock for the whole run: the proxy's upstream
    globalSetup: ['@realtimekit-meetings/mock/vitest-global-setup'],
  },
});
