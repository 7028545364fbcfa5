import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { pseudoMessages, PSEUDO_LOCALE } from '../scripts/locales';

/**
 * RADAR_PSEUDO_LOCALE=1, set by `npm run build:test` only, adds the test-only pseudo-locale
 * (scripts/locales.ts) that the every-surface language test renders. A release build has none.
 */
export default defineWxtModule({
  name: 'pseudo-locale',
  hooks: {
    'build:publicAssets'(wxt, files) {
      if (process.env.RADAR_PSEUDO_LOCALE !== '1') return;
      const english = JSON.parse(readFileSync(join(wxt.config.publicDir, '_locales/en/messages.json'), 'utf8')) as Parameters<typeof pseudoMessages>[0];
      files.push({ relativeDest: `_locales/${PSEUDO_LOCALE.id}/messages.json`, contents: JSON.stringify(pseudoMessages(english)) });
    },
  },
});
