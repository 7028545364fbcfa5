import { defineWxtModule } from 'wxt/modules';
import { exchangeMatchPatterns } from '../lib/exchanges/classify';

/**
 * Content scripts run on registry domains only. A script that declares `matches: []` gets the
 * registry's patterns here, at build time, so the registry and the classifier stay out of its bundle.
 */
export default defineWxtModule({
  name: 'exchange-matches',
  hooks: {
    'entrypoints:resolved'(_wxt, entrypoints) {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script' && entrypoint.options.matches?.length === 0) entrypoint.options.matches = exchangeMatchPatterns();
      }
    },
  },
});
