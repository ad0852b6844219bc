import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // 'use client' marks React packages for the Next.js app router; a plain SPA bundle has no use for it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
