import { resolve } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** What `wxt/browser` resolves to once @wxt-dev/webextension-polyfill's alias has applied. */
const POLYFILL_ENTRY = '@wxt-dev/webextension-polyfill/browser';
const NATIVE_ID = '\0radar:native-browser';

/**
 * The exchange-page script reads the browser's own API object, without webextension-polyfill
 * (about 9.6 KB of the script, 2.5 KB gzipped, against a budget set for the first visit:
 * docs/performance.md). The polyfill itself hands out the browser's `browser` object wherever
 * there is one (Firefox, Chromium 148+), and what this script calls needs no wrapper in older
 * Chromium either: `runtime.sendMessage` and `storage.local.get` return promises in Manifest V3,
 * `getManifest`, `getURL` and `i18n` are synchronous, `storage.onChanged` is a plain event. The
 * early script (entrypoints/exchange-ask.ts) reads the same object. The background and the
 * extension's pages keep the polyfill.
 */
export default defineWxtModule({
  name: 'page-script-native-browser',
  setup(wxt) {
    // The page script's own folder, absolute, so a checkout whose path happens to hold the name matches nothing else.
    const pageScriptDir = `${resolve(wxt.config.entrypointsDir, 'exchange.content').replaceAll('\\', '/')}/`;
    addViteConfig(wxt, () => {
      let pageScript = false;
      return {
        plugins: [
          {
            name: 'radar:page-script-native-browser',
            apply: 'build',
            enforce: 'pre',
            options(options: { input?: unknown }) {
              pageScript = JSON.stringify(options.input ?? '')
                .replaceAll('\\\\', '/')
                .includes(pageScriptDir);
              return undefined;
            },
            resolveId(source: string) {
              if (source === POLYFILL_ENTRY && pageScript) return NATIVE_ID;
              return undefined;
            },
            load(id: string) {
              if (id === NATIVE_ID) return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;\n';
              return undefined;
            },
          },
        ],
      };
    });
  },
});
