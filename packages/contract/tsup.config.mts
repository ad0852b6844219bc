import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig({
  ...library,
  entry: { index: 'src/index.ts', 'cli/contract': 'src/cli/contract.ts' },
});
