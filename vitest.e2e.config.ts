import './tests/node20-compat.ts';
import { defineConfig } from 'vitest/config';

// Real browsers, the built extension: one file at a time so two browsers never fight for a port.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
