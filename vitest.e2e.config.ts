import './tests/node20-compat.ts';
import { defineConfig } from 'vitest/config';

// Real browsers, the built extension: one file at a time so two browsers never fight for a port.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Real browsers on a shared two-core machine: a poll waits for the page, not for a fixed second.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
