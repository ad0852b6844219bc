import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig({
  ...library,
  entry: [
    'src/index.ts',
    'src/fake/index.ts',
    'src/msw.ts',
    'src/vitest-global-setup.ts',
    'src/cli/mock.ts',
    'src/cli/contract.ts',
  ],
});
