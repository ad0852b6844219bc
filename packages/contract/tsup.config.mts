import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/vitest-global-setup.ts', 'src/cli/mock.ts', 'src/cli/contract.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // import.meta.url in the CommonJS build (for createRequire)
  shims: true,
});
