import { defineWxtModule } from 'wxt/modules';

/**
 * The exchange page's first question goes out from a tiny script of its own
 * (entrypoints/exchange-ask.ts), listed before the exchange-page script so it runs first.
 */
export default defineWxtModule({
  name: 'exchange-ask-first',
  hooks: {
    'build:manifestGenerated'(_wxt, manifest) {
      const exchangePage = manifest.content_scripts?.find((script) => script.js?.includes('content-scripts/exchange.js'));
      if (exchangePage?.js === undefined) throw new Error('modules/exchange-ask-first.ts: the exchange-page content script is missing from the manifest, so exchange-ask.js has nowhere to go.');
      exchangePage.js.unshift('exchange-ask.js');
    },
  },
});
