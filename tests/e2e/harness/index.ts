/**
 * Shared set-up for the real-browser tests: Debian's Chromium driven by playwright-core with
 * the built `.output/chrome-mv3`, and Debian's Firefox ESR driven by puppeteer-core with the
 * built `.output/firefox-mv2` installed as a temporary add-on. A missing browser or build
 * fails the run with the command that fixes it; nothing is skipped quietly.
 */
export * from './builds';
export * from './checks';
export * from './chromium';
export * from './firefox';
export * from './pages';
export * from './servers';
export * from './shadow';
export * from './signed';
export * from './find-probe';
