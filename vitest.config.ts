import './tests/node20-compat.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,entrypoints,scripts,utils}/**/*.test.{ts,tsx}', 'tests/*.test.ts'],
    restoreMocks: true,
    // Property tests run a fixed count of cases, not a time budget; on a shared two-core machine under load the default
    // 5 s cut one off mid-run. A hung test still fails, later.
    testTimeout: 30_000,
    // fakeBrowser's `permissions` made to work (it throws on every call otherwise).
    setupFiles: ['./tests/fake-permissions.ts'],
  },
});
