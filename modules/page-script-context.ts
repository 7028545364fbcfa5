import { resolve } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** What WXT's content-script entry imports its context class from. */
const CONTEXT_ENTRY = 'wxt/utils/content-script-context';
const SHIM_ID = '\0radar:page-context';

/**
 * The exchange-page script's context is ours (entrypoints/exchange.content/page-context.ts), not
 * WXT's `ContentScriptContext`: that class carries what this script never calls (idle callbacks,
 * intervals, `block`, an abort reason, a debug logger) and sends its address changes and its
 * "started" notice through events and a `postMessage` the page itself can hear, about 1 KB of a
 * script whose size has a budget (docs/performance.md). WXT's entry calls
 * `new ContentScriptContext(name, options)`; a function that returns an object answers `new` with it.
 * Other builds keep WXT's class.
 */
export default defineWxtModule({
  name: 'page-script-context',
  setup(wxt) {
    const pageScriptDir = `${resolve(wxt.config.entrypointsDir, 'exchange.content').replaceAll('\\', '/')}/`;
    const contextFile = `${pageScriptDir}page-context.ts`;
    addViteConfig(wxt, () => {
      let pageScript = false;
      return {
        plugins: [
          {
            name: 'radar:page-script-context',
            apply: 'build',
            enforce: 'pre',
            options(options: { input?: unknown }) {
              pageScript = JSON.stringify(options.input ?? '')
                .replaceAll('\\\\', '/')
                .includes(pageScriptDir);
              return undefined;
            },
            resolveId(source: string) {
              if (source === CONTEXT_ENTRY && pageScript) return SHIM_ID;
              return undefined;
            },
            load(id: string) {
              if (id === SHIM_ID) return `import { pageContext } from ${JSON.stringify(contextFile)};\nexport function ContentScriptContext(name) { return pageContext(name); }\n`;
              return undefined;
            },
          },
        ],
      };
    });
  },
});
