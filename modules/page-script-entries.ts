import { resolve } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** WXT's entries, resolved (its plugin resolveVirtualModules): one of these prefixes, then the entrypoint's path. */
const CONTENT_SCRIPT_ENTRY = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
const UNLISTED_SCRIPT_ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';

/**
 * The two scripts on an exchange page (exchange-ask.js, then content-scripts/exchange.js) are
 * wrapped in entries of ours instead of WXT's, whose size has a budget (docs/performance.md). Each
 * does what WXT's does (start the WXT plugins, call `main`) without WXT's logger, which a production
 * build silences anyway: an error at start still reaches the console, uncaught. The exchange-page
 * script's `main` gets a context of ours (entrypoints/exchange.content/page-context.ts), not WXT's
 * `ContentScriptContext`: that class carries what this script never calls (idle callbacks,
 * intervals, `block`, an abort reason) and sends its address changes and its "started" notice
 * through events and a `postMessage` the page itself can hear. Other builds keep WXT's entries.
 */
export default defineWxtModule({
  name: 'page-script-entries',
  setup(wxt) {
    const pageScriptDir = `${resolve(wxt.config.entrypointsDir, 'exchange.content').replaceAll('\\', '/')}/`;
    const askScript = resolve(wxt.config.entrypointsDir, 'exchange-ask.ts').replaceAll('\\', '/');
    const contextFile = `${pageScriptDir}page-context.ts`;
    const entry = (inputPath: string, call: string, imports: string[] = []) =>
      [`import definition from ${JSON.stringify(inputPath)};`, `import { initPlugins } from 'virtual:wxt-plugins';`, ...imports, 'initPlugins();', `export default definition.main(${call});`].join(
        '\n',
      );
    addViteConfig(wxt, () => {
      let input = '';
      return {
        plugins: [
          {
            name: 'radar:page-script-entries',
            apply: 'build',
            enforce: 'pre',
            options(options: { input?: unknown }) {
              input = JSON.stringify(options.input ?? '').replaceAll('\\\\', '/');
              return undefined;
            },
            load(id: string) {
              if (id.startsWith(CONTENT_SCRIPT_ENTRY) && input.includes(pageScriptDir)) {
                const inputPath = id.slice(CONTENT_SCRIPT_ENTRY.length);
                if (!inputPath.startsWith(pageScriptDir)) throw new Error(`modules/page-script-entries.ts: the exchange-page build's entry is ${inputPath}, outside ${pageScriptDir}.`);
                return entry(inputPath, 'pageContext(import.meta.env.ENTRYPOINT)', [`import { pageContext } from ${JSON.stringify(contextFile)};`]);
              }
              if (id === `${UNLISTED_SCRIPT_ENTRY}${askScript}`) return entry(askScript, '');
              return undefined;
            },
          },
        ],
      };
    });
  },
});
