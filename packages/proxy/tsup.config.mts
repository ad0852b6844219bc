import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig({
  ...library,
  entry: ['src/index.ts', 'src/node.ts', 'src/join-stores.ts'],
});
