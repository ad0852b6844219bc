import { defineConfig } from 'tsup';
import { library } from '../../build.shared.mts';

export default defineConfig([
  // The hooks run in the browser: mark the entry for the Next.js app router.
  // The two builds run side by side: this one's clean must leave the other's output alone.
  { ...library, entry: ['src/index.ts'], banner: { js: "'use client';" }, clean: ['!queries.*'] },
  // Keys and query options, for server code too (prefetch in a Server Component): no directive.
  { ...library, entry: ['src/queries.ts'], clean: false },
]);
