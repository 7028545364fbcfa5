import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { exchangeMatchPatterns } from './lib/exchanges/classify';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // The one data host the background calls (lib/reserves/defillama.ts), on a schedule.
    host_permissions: ['https://api.llama.fi/*'],
    // Lookalike protection reads every tab's address (locally); asked for only when the user
    // turns it on in the options page.
    optional_host_permissions: ['*://*/*'],
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
    // The exchange-page script runs on registry domains only. The patterns are computed here,
    // at build time, so the registry and the classifier stay out of the content-script bundle.
    'entrypoints:resolved'(_wxt, entrypoints) {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script' && entrypoint.name === 'exchange') entrypoint.options.matches = exchangeMatchPatterns();
      }
    },
  },
  zip: {
    excludeSources: ['docs/screenshots/**'],
  },
});
