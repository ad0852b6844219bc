import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig({
  ...library,
  entry: ['src/index.ts'],
  // The hooks run in the browser: mark the entry for the Next.js app router.
  banner: { js: "'use client';" },
});
