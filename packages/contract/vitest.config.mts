import { defineConfig } from 'vitest/config';
import { tests } from '../../build.shared.mts';

export default defineConfig({
  test: {
    ...tests,
    // the suite runs against one Prism mock for the whole run, through the mock package's vitest globalSetup
    globalSetup: ['@realtimekit-meetings/mock/vitest-global-setup'],
  },
});
