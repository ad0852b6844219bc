import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  // The hooks run in the browser: mark the entry for the Next.js app router.
  banner: { js: "'use client';" },
});
