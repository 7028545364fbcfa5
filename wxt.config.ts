import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { FEED_SIGNERS, FEED_URL } from './lib/feed/trust';
import { bundledLocales } from './scripts/locales';

/**
 * The signed PoR feed: where it is read and which keys may sign it. A release pins lib/feed/trust.ts;
 * the test build (`npm test`) sets RADAR_FEED_SIGNERS to the public test key so the browser tests
 * can serve signed feeds.
 */
function feedSettings(): { url: string; signers: string[] } {
  const url = process.env.RADAR_FEED_URL ?? FEED_URL;
  const signers = process.env.RADAR_FEED_SIGNERS?.split(',').map((signer) => signer.trim()) ?? [...FEED_SIGNERS];
  if (!url.startsWith('https://')) throw new Error(`wxt.config.ts: RADAR_FEED_URL must be an https URL, got ${url}`);
  if (signers.length === 0 || signers.some((signer) => !/^0x[0-9a-fA-F]{40}$/.test(signer))) throw new Error('wxt.config.ts: RADAR_FEED_SIGNERS must be comma-separated addresses');
  return { url, signers };
}
const feed = feedSettings();

/**
 * The languages this build speaks (utils/locales.ts reads the list). RADAR_PSEUDO_LOCALE=1,
 * set by `npm run build:test` only, adds the test-only pseudo-locale (modules/pseudo-locale.ts).
 */
const locales = bundledLocales({ localesDir: join(import.meta.dirname, 'public/_locales'), pseudo: process.env.RADAR_PSEUDO_LOCALE === '1' });

/**
 * Headless Chromium cannot answer a permission prompt, so the run-alert browser test uses a build
 * with `notifications` granted at install (RADAR_GRANT_NOTIFICATIONS=1, `npm run build:test`
 * makes it beside the others). A release never sets it: there the permission stays optional.
 */
const grantNotifications = process.env.RADAR_GRANT_NOTIFICATIONS === '1';
/** The same for `tabs` (RADAR_GRANT_TABS=1): the lookalike browser test sees a lookalike tab swapped for the warning page in Chromium. */
const grantTabs = process.env.RADAR_GRANT_TABS === '1';
/** What lookalike protection asked for before `tabs`: the access to all sites. */
const LEGACY_ALL_SITES = '*://*/*';

// Build steps of our own are WXT modules in modules/ (loaded by name order): the exchange-page
// matches, the early-question script, the popup's single file, the store zip's bill of materials,
// the test build's pseudo-locale.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets two builds (e.g. a benchmark and the tests) run side by side without sharing a folder.
  ...(process.env.RADAR_OUT_DIR === undefined ? {} : { outDir: process.env.RADAR_OUT_DIR }),
  vite: () => ({
    plugins: [preact()],
    define: { __RADAR_FEED__: JSON.stringify(feed), __RADAR_LOCALES__: JSON.stringify(locales) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome: `offscreen`, for the document that checks signatures and reads balances in a worker,
    // so the service worker carries no viem (entrypoints/background/offscreen-client.ts).
    permissions: [
      ...(browser === 'firefox' ? ['storage', 'alarms', 'activeTab'] : ['storage', 'alarms', 'activeTab', 'offscreen']),
      ...(grantNotifications ? ['notifications'] : []),
      ...(grantTabs ? ['tabs'] : []),
    ],
    // The data hosts the background calls on a schedule: the signed PoR feed's host
    // (lib/feed/trust.ts), DefiLlama (lib/reserves/defillama.ts) and, for the run watch, the
    // own-token prices from DefiLlama's coins API (lib/reserves/own-token-prices.ts).
    // Holdings (entrypoints/background/holdings.ts), hourly and only while the user records any:
    // coin prices from DefiLlama's coins API and the ECB's daily euro reference rates.
    host_permissions: [`${new URL(feed.url).origin}/*`, 'https://api.llama.fi/*', 'https://coins.llama.fi/*', 'https://www.ecb.europa.eu/*'],
    // Lookalike protection reads every tab's address (`tabs`: no page's content, no host access;
    // checked on the device); asked for only when the user turns it on (welcome or options page).
    // Reminders (holdings) show a notification: asked for when the user turns a reminder on.
    optional_permissions: ['tabs', 'notifications', ...(browser === 'firefox' ? [LEGACY_ALL_SITES] : [])],
    // The access to all sites, never asked for as such: it is what lets a warning list's own host be asked for at
    // subscribe (docs/warning-lists.md; a browser asks only for what the manifest lists), and it keeps a grant a
    // user gave an earlier release for lookalike protection over the update (Chromium drops a grant the manifest
    // no longer lists), until protection is turned off, which gives it back (utils/permissions.ts).
    ...(browser === 'firefox' ? {} : { optional_host_permissions: [LEGACY_ALL_SITES] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reserve-radar@reserve-radar.app',
              // Firefox asks add-ons to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
              // The oldest Firefox that has everything the extension uses (MDN browser-compat-data,
              // which web-ext lint reads; checked in tests/e2e/manifest.e2e.ts): 140 knows
              // data_collection_permissions (127 and older refuse the key); event pages (the
              // background's `persistent: false`, entrypoints/background/index.ts) came in 106,
              // storage.session in 115, String.isWellFormed (warning lists) in 119, ClipboardItem (copy image) in
              // 127. 144 honours content_scripts' `css_origin: "user"` (modules/exchange-shown-sheet.ts; BCD
              // webextensions.manifest.content_scripts.css_origin, firefox 144, Mozilla bug 1679997); an older
              // Firefox ignores the key and injects the sheet as an author sheet, which a page's rule can beat.
              strict_min_version: '144.0',
            },
            // Firefox for Android too: the popup and the guide work on a phone's width (tests/e2e/narrow.e2e.ts).
            // Android learnt data_collection_permissions in 142 and css_origin in 144 (the same BCD entry).
            gecko_android: { strict_min_version: '144.0' },
          },
        }
      : {
          // The oldest Chrome that has everything the extension uses (MDN browser-compat-data; checked in
          // tests/e2e/manifest.e2e.ts): URL.canParse came in 120, runtime.getContexts (the offscreen document) in 116.
          minimum_chrome_version: '120',
        }),
  }),
  zip: {
    excludeSources: ['docs/screenshots/**'],
  },
});
