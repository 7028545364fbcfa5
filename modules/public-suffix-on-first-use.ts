import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { encodePublicSuffixData, type PublicSuffixTrie } from '../lib/exchanges/public-suffix-data';

const ESM_ID = '\0radar:tldts';
const CJS_ID = '\0radar:tldts-on-first-use.cjs';
/** tldts' exports, each handed on to the library once it is loaded. */
const EXPORTS = ['parse', 'getHostname', 'getPublicSuffix', 'getDomain', 'getSubdomain', 'getDomainWithoutSuffix'];
/** Made when the library is first evaluated, so a browser test can see whether a wake-up did. */
export const PUBLIC_SUFFIX_MARK = 'radar:public-suffix-list';
/** Made when the list's file has been read, likewise. */
export const PUBLIC_SUFFIX_FILE_MARK = 'radar:public-suffix-file';
/** The list's file in the built extension, read with the extension's own `fetch` (no web-accessible resource). */
export const PUBLIC_SUFFIX_FILE = 'public-suffix.bin';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tldtsEsm = require.resolve('tldts').replace(/cjs[\\/]index\.js$/, 'es6/index.js');
/** tldts' own data module: the list its lookup reads. */
const TRIE_MODULE = /[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/;
const READY_MODULE = join(root, 'lib/exchanges/public-suffix.ts');
const DATA_CODEC = join(root, 'lib/exchanges/public-suffix-data.ts');

/** tldts' list, from the library itself (its CommonJS build: the same data as the ES module the bundle would carry). */
export function publicSuffixFile(): Uint8Array {
  return encodePublicSuffixData(require('tldts/dist/cjs/src/data/trie.js') as PublicSuffixTrie);
}

/** Stands in for tldts' data module: the same names, filled from the file by `fill`. */
const trieModule = `import { decodePublicSuffixData } from ${JSON.stringify(DATA_CODEC)};
export let nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot;
let filled = false;
export const listFilled = () => filled;
export function fill(buffer) {
  ({ nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot } = decodePublicSuffixData(buffer));
  filled = true;
  performance.mark(${JSON.stringify(PUBLIC_SUFFIX_FILE_MARK)});
}
`;

/** Stands in for lib/exchanges/public-suffix.ts: reads the file on the first call. */
const readyModule = (trie: string) => `import { fill, listFilled } from ${JSON.stringify(trie)};
let reading;
export function publicSuffixReady() {
  if (listFilled()) return Promise.resolve();
  reading ??= fetch(new URL(${JSON.stringify(`/${PUBLIC_SUFFIX_FILE}`)}, globalThis.location.href))
    .then((response) => {
      if (!response.ok) throw new Error("the browser answered " + response.status);
      return response.arrayBuffer();
    })
    .then(fill)
    .catch((error) => {
      reading = undefined;
      throw new Error("Reserve Radar could not read the public-suffix list from its own files (${PUBLIC_SUFFIX_FILE}), so it cannot check this address: " + (error instanceof Error ? error.message : String(error)) + ". Reinstalling the extension restores the file.");
    });
  return reading;
}
`;

/**
 * The public-suffix list out of the background's script, read from a file of the extension on
 * first use; tldts' code stays in the script and evaluates on first use.
 *
 * - `tldts` resolves to a module whose functions `require` the library the first time one is
 *   called: the bundler keeps a required ES module in the script but evaluates it only then
 *   (dynamic `import()` is not available in a service worker). Its module builds lookup tables
 *   from the list when evaluated. Called before the list is read, they throw: no answer without it.
 * - tldts' data module (`dist/es6/src/data/trie.js`, 140 KB of the script as source) is replaced by
 *   one that exports the same names as live bindings, filled from `public-suffix.bin`, which this
 *   build writes from tldts' own data (lib/exchanges/public-suffix-data.ts).
 * - lib/exchanges/public-suffix.ts becomes the module that reads the file (`publicSuffixReady`).
 *
 * An exchange's own page needs none of it (lib/exchanges/classify-ready.ts). The unit tests and
 * the command line import tldts itself, list included.
 */
export function publicSuffixPlugin() {
  let trieId: string | undefined;
  return {
    name: 'radar:public-suffix-on-first-use',
    apply: 'build' as const,
    enforce: 'pre' as const,
    resolveId(source: string) {
      if (source === 'tldts') return ESM_ID;
      if (source === CJS_ID) return CJS_ID;
      return undefined;
    },
    load(id: string) {
      if (id === ESM_ID) {
        const wrappers = EXPORTS.map((name) => `export const ${name} = (...args) => tldts().${name}(...args);`).join('\n');
        return `import load from ${JSON.stringify(CJS_ID)};
import { listFilled } from ${JSON.stringify(require.resolve('tldts/dist/es6/src/data/trie.js'))};
const tldts = () => {
  if (!listFilled()) throw new Error('The public-suffix list was used before it was read (await publicSuffixReady() first).');
  return load();
};
${wrappers}
`;
      }
      if (id === CJS_ID) return `let loaded;\nmodule.exports = () => loaded ?? ((loaded = require(${JSON.stringify(tldtsEsm)})), performance.mark(${JSON.stringify(PUBLIC_SUFFIX_MARK)}), loaded);\n`;
      if (TRIE_MODULE.test(id)) {
        trieId = id;
        return trieModule;
      }
      if (id === READY_MODULE) return readyModule(require.resolve('tldts/dist/es6/src/data/trie.js'));
      return undefined;
    },
    generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string }) {
      if (trieId !== undefined) this.emitFile({ type: 'asset', fileName: PUBLIC_SUFFIX_FILE, source: publicSuffixFile() });
    },
  };
}

export default defineWxtModule({
  name: 'public-suffix-on-first-use',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [publicSuffixPlugin()] }));
  },
});
