import { createRequire } from 'node:module';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** What `wxt/browser` resolves to once @wxt-dev/webextension-polyfill's alias has applied. */
const POLYFILL_ENTRY = '@wxt-dev/webextension-polyfill/browser';
const ESM_ID = '\0radar:browser';
const CJS_ID = '\0radar:browser-polyfill.cjs';

/**
 * `wxt/browser` without a copy of every API namespace. webextension-polyfill is a CommonJS
 * module whose export is the browser's own `browser` object (Chrome 148+, Firefox) or its
 * wrapper of `chrome`. Imported from an ES module, the bundler's interop copies each own
 * property of that export onto a new object, and reading a property's descriptor makes the
 * browser build that namespace's bindings: every namespace the extension may use (permissions,
 * management, windows…), at every wake-up of the service worker, about 2 ms of its start in
 * Chromium. Here the polyfill is required from a CommonJS module of our own whose export has one
 * key, so the copy reads that key only, and each namespace is built when it is first used.
 * The background's build only: elsewhere the browser is not started afresh for each question,
 * and the exchange-page scripts' size has a budget. The unit tests' `wxt/browser` is WXT's fake.
 */
export default defineWxtModule({
  name: 'browser-without-copy',
  setup(wxt) {
    const polyfill = createRequire(import.meta.url).resolve('webextension-polyfill');
    addViteConfig(wxt, () => {
      let background = false;
      return {
        plugins: [
          {
            name: 'radar:browser-without-copy',
            apply: 'build',
            enforce: 'pre',
            options(options: { input?: unknown }) {
              background = JSON.stringify(options.input ?? '').includes('background-entrypoint');
              return undefined;
            },
            resolveId(source: string) {
              if (source === POLYFILL_ENTRY && background) return ESM_ID;
              if (source === CJS_ID) return CJS_ID;
              return undefined;
            },
            load(id: string) {
              if (id === ESM_ID) return `import api from ${JSON.stringify(CJS_ID)};\nexport const browser = api.browser;\n`;
              if (id === CJS_ID) return `module.exports = { browser: require(${JSON.stringify(polyfill)}) };\n`;
              return undefined;
            },
          },
        ],
      };
    });
  },
});
