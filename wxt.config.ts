import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchangeMatchPatterns } from './lib/exchanges/classify';
import { productionSbom } from './scripts/supply-chain/sbom';
import { FEED_SIGNERS, FEED_URL } from './lib/feed/trust';

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
 * Headless Chromium cannot answer a permission prompt, so the run-alert browser test uses a build
 * with `notifications` granted at install (RADAR_GRANT_NOTIFICATIONS=1, `npm run build:test`
 * makes it beside the others). A release never sets it: there the permission stays optional.
 */
const grantNotifications = process.env.RADAR_GRANT_NOTIFICATIONS === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets two builds (e.g. a benchmark and the tests) run side by side without sharing a folder.
  ...(process.env.RADAR_OUT_DIR === undefined ? {} : { outDir: process.env.RADAR_OUT_DIR }),
  vite: () => ({
    plugins: [preact()],
    define: { __RADAR_FEED__: JSON.stringify(feed) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', ...(grantNotifications ? ['notifications'] : [])],
    // The data hosts the background calls on a schedule: the signed PoR feed's host
    // (lib/feed/trust.ts), DefiLlama (lib/reserves/defillama.ts) and, for the run watch, the
    // own-token prices from DefiLlama's coins API (lib/reserves/own-token-prices.ts).
    // Holdings (entrypoints/background/holdings.ts), hourly and only while the user records any:
    // coin prices from DefiLlama's coins API and the ECB's daily euro reference rates.
    host_permissions: [`${new URL(feed.url).origin}/*`, 'https://api.llama.fi/*', 'https://coins.llama.fi/*', 'https://www.ecb.europa.eu/*'],
    // Lookalike protection reads every tab's address (locally); asked for only when the user
    // turns it on in the options page.
    // Reminders (holdings) show a notification: asked for when the user turns a reminder on.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*', 'notifications'] } : { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reserve-radar@reserve-radar.app',
              // Firefox asks add-ons to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Content scripts run on registry domains only. A script that declares `matches: []` gets
    // the patterns here, at build time, so the registry and the classifier stay out of its bundle.
    'entrypoints:resolved'(_wxt, entrypoints) {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script' && entrypoint.options.matches?.length === 0) entrypoint.options.matches = exchangeMatchPatterns();
      }
    },
    // The popup is built on its own, into one script and one stylesheet instead of a chain of
    // chunks shared with the other pages: each extension file costs the popup a fetch before its
    // first line runs (README, Performance).
    'entrypoints:grouped'(_wxt, groups) {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entrypoint) => entrypoint.name === 'popup');
        if (popup === -1) continue;
        groups.push(group.splice(popup, 1));
        return;
      }
    },
    'vite:build:extendConfig'(entrypoints, viteConfig) {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'popup') return;
      // One file: the holdings line's few lines ride along, still run only after the card's first frame.
      const output = viteConfig.build?.rolldownOptions?.output;
      if (output === undefined || Array.isArray(output)) throw new Error('wxt.config.ts: the popup build has no single output to configure.');
      output.codeSplitting = false;
    },
    // The exchange page's first question goes out from a tiny script of its own, listed before
    // the exchange-page script so it runs first (entrypoints/exchange-ask.ts).
    // Every store zip carries the bill of materials of what it ships (scripts/supply-chain/sbom.ts).
    'zip:extension:start'(wxt) {
      writeFileSync(join(wxt.config.outDir, 'sbom.cdx.json'), productionSbom(wxt.config.root));
    },
    'build:manifestGenerated'(_wxt, manifest) {
      const exchangePage = manifest.content_scripts?.find((script) => script.js?.includes('content-scripts/exchange.js'));
      if (exchangePage?.js === undefined) throw new Error('wxt.config.ts: the exchange-page content script is missing from the manifest, so exchange-ask.js has nowhere to go.');
      exchangePage.js.unshift('exchange-ask.js');
    },
  },
  zip: {
    excludeSources: ['docs/screenshots/**'],
  },
});
