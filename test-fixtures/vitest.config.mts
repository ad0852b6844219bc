import { defineConfig } from 'vitest/config';
import { tests } from '../build.shared.mts';

export default defineConfig({ test: { ...tests, testTimeout: 120_000 } });
