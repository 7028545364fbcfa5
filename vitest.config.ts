import './tests/node20-compat.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,entrypoints,scripts,utils}/**/*.test.{ts,tsx}', 'tests/*.test.ts'],
    restoreMocks: true,
    // fakeBrowser's `permissions` made to work (it throws on every call otherwise).
    setupFiles: ['./tests/fake-permissions.ts'],
  },
});
