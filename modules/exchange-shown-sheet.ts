import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** Where the Firefox build puts the sheet, beside the exchange-page script. */
const SHEET = 'content-scripts/exchange-shown.css';
const PAGE_SCRIPT = 'content-scripts/exchange.js';

/**
 * Firefox only: the sheet that shows what the exchange-page script draws (entrypoints/exchange.content/shown.css),
 * injected by the manifest beside the script as a user-origin sheet (`css_origin: "user"`). Firefox kills the
 * script without any teardown of ours when it unloads the add-on, and takes the manifest's sheets away with it,
 * so the pill and the warning leave the screen (shadow-host.ts). A user-origin `!important` declaration beats
 * every declaration of the page's own sheets, however specific, so the page cannot hide them this way; an author
 * sheet could not tell the page's rules from ours. Chrome needs none of it: its hosts are shown by their own
 * `:host` rule, and Chrome takes a dead copy's drawings away itself (index.tsx's orphan check).
 */
export default defineWxtModule({
  name: 'exchange-shown-sheet',
  hooks: {
    'build:publicAssets'(wxt, files) {
      if (wxt.config.browser !== 'firefox') return;
      const source = readFileSync(resolve(wxt.config.entrypointsDir, 'exchange.content/shown.css'), 'utf8');
      // Shipped without its comments and line breaks: it loads on every exchange page.
      const contents = `${source
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{}:;,])\s*/g, '$1')
        .trim()}\n`;
      files.push({ contents, relativeDest: SHEET });
    },
    'build:manifestGenerated'(wxt, manifest) {
      if (wxt.config.browser !== 'firefox') return;
      const entry = manifest.content_scripts?.find((candidate) => candidate.js?.includes(PAGE_SCRIPT));
      if (entry === undefined) throw new Error(`exchange-shown-sheet: the manifest has no content script ${PAGE_SCRIPT}`);
      Object.assign(entry, { css: [...(entry.css ?? []), SHEET], css_origin: 'user' });
    },
  },
});
