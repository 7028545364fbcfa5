import { createRequire } from 'node:module';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const ESM_ID = '\0radar:tldts';
const CJS_ID = '\0radar:tldts-on-first-use.cjs';
/** tldts' exports, each handed on to the library once it is loaded. */
const EXPORTS = ['parse', 'getHostname', 'getPublicSuffix', 'getDomain', 'getSubdomain', 'getDomainWithoutSuffix'];
/** Made when the list is first evaluated, so a browser test can see whether a wake-up did. */
export const PUBLIC_SUFFIX_MARK = 'radar:public-suffix-list';

/**
 * tldts (the public-suffix list, half of the background's code) evaluated on first use, not at
 * every wake-up of the service worker: its module builds lookup tables when evaluated (a pass over
 * the whole list, about 2.5 ms of the worker's start in Chromium), and an exchange's own page needs
 * none of it (lib/exchanges/classify.ts matches official domains first). Dynamic `import()` is not
 * available in a service worker, so `tldts` resolves to a module of ours whose functions `require`
 * the library the first time one is called: the bundler keeps a required ES module in the same
 * script but evaluates it only then. Builds only: the unit tests import tldts itself.
 */
export default defineWxtModule({
  name: 'public-suffix-on-first-use',
  setup(wxt) {
    const tldts = createRequire(import.meta.url)
      .resolve('tldts')
      .replace(/cjs\/index\.js$/, 'es6/index.js');
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'radar:public-suffix-on-first-use',
          apply: 'build',
          enforce: 'pre',
          resolveId(source: string) {
            if (source === 'tldts') return ESM_ID;
            if (source === CJS_ID) return CJS_ID;
            return undefined;
          },
          load(id: string) {
            if (id === ESM_ID) {
              const wrappers = EXPORTS.map((name) => `export const ${name} = (...args) => load().${name}(...args);`).join('\n');
              return `import load from ${JSON.stringify(CJS_ID)};\n${wrappers}\n`;
            }
            if (id !== CJS_ID) return undefined;
            return `let loaded;\nmodule.exports = () => loaded ?? ((loaded = require(${JSON.stringify(tldts)})), performance.mark(${JSON.stringify(PUBLIC_SUFFIX_MARK)}), loaded);\n`;
          },
        },
      ],
    }));
  },
});
