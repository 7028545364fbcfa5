import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtContentScripts, chromeBuild, firefoxBuild, requireFile } from './harness';

/**
 * What the built extension carries where (issue 16): Chrome's service worker evaluates its whole
 * bundle at every wake-up, so viem (the feed's and the warning lists' signatures, balance reads)
 * lives in the offscreen document's worker instead. Firefox's background page keeps it. Read
 * from the builds `npm test` makes (`npm run build:test`).
 */

/** Strings viem and the libraries it brings always leave in a bundle: its version tag and docs link, ox's and abitype's names, the curve. */
const VIEM_MARKERS = ['viem@', 'viem.sh', 'ox@', 'abitype', 'secp256k1'];
const markersIn = (code: string) => VIEM_MARKERS.filter((marker) => code.includes(marker));
/** webextension-polyfill's own error text, in every bundle that carries the polyfill. */
const POLYFILL_MARKER = 'This script should only be loaded in a browser extension';

function chromeFile(path: string): string {
  requireFile(join(chromeBuild, 'manifest.json'), 'The Chrome build', 'Run: npm run build:test');
  return readFileSync(join(chromeBuild, path), 'utf8');
}

describe('the built bundles', () => {
  test("Chrome's service worker holds no viem; the offscreen document's worker does", () => {
    expect(markersIn(chromeFile('background.js'))).toEqual([]);
    const html = chromeFile('offscreen.html');
    const assets = readdirSync(join(chromeBuild, 'assets')).filter((file) => file.startsWith('chain-worker-') && file.endsWith('.js'));
    expect(assets).toHaveLength(1);
    // Every marker is really there, so their absence from the service worker means something.
    expect(markersIn(chromeFile(`assets/${assets[0]}`))).toEqual(VIEM_MARKERS);
    expect(html).toMatch(/<script[^>]+type="module"/);
  });

  test('only Chrome asks for the offscreen permission; Firefox keeps the work in its background page', () => {
    const chrome = JSON.parse(chromeFile('manifest.json')) as { permissions: string[] };
    expect(chrome.permissions).toContain('offscreen');
    requireFile(join(firefoxBuild, 'manifest.json'), 'The Firefox build', 'Run: npm run build:test');
    const firefox = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(firefox.permissions).not.toContain('offscreen');
    expect(existsSync(join(firefoxBuild, 'offscreen.html'))).toBe(false);
    expect(markersIn(readFileSync(join(firefoxBuild, 'background.js'), 'utf8'))).toEqual(VIEM_MARKERS);
  });

  test('the scripts on an exchange page stay small and hold no viem', () => {
    const scripts = builtContentScripts()
      .flatMap((entry) => entry.js ?? [])
      .map((file) => chromeFile(file));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(markersIn(script)).toEqual([]);
    // The page script reads the browser's own API object (modules/page-script-native-browser.ts); the background keeps the polyfill.
    for (const build of [chromeBuild, firefoxBuild]) {
      expect(readFileSync(join(build, 'background.js'), 'utf8').includes(POLYFILL_MARKER), build).toBe(true);
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
      const pageScripts = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []).map((file) => readFileSync(join(build, file), 'utf8'));
      expect(pageScripts.length, build).toBeGreaterThan(0);
      for (const script of pageScripts) expect(script.includes(POLYFILL_MARKER), build).toBe(false);
    }
  });

  test("what an exchange page loads of ours, scripts and the manifest's sheets, stays within 25 KB gzipped in each build", () => {
    requireFile(join(firefoxBuild, 'manifest.json'), 'The Firefox build', 'Run: npm run build:test');
    for (const build of [chromeBuild, firefoxBuild]) {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
      const files = [...new Set((manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]))];
      expect(
        files.some((file) => file.endsWith('.js')),
        build,
      ).toBe(true);
      const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(build, file)), { level: 9 }).length, 0);
      expect(gzipped, build).toBeLessThanOrEqual(25 * 1024);
    }
  });

  test("the exchange page's script runs with a context of its own, without WXT's window postMessage; it still sends WXT's started notice on the document", () => {
    // WXT's ContentScriptContext and entries (swapped out by modules/page-script-entries.ts): their debug and error
    // texts, and the `postMessage` by which the context announced each start to every listener of the page's window,
    // the extension's id included.
    const markers = ['context invalidated', 'crashed on startup', 'postMessage'];
    const page = builtContentScripts()
      .flatMap((entry) => entry.js ?? [])
      .map((file) => chromeFile(file))
      .join('\n');
    expect(markers.filter((marker) => page.includes(marker))).toEqual([]);
    // What the page can still hear: the started notice on the document (its name carries the extension's id), which
    // stops an older copy made with WXT's class. The script sends it and never listens for it (forged-start.e2e.ts).
    expect(page.includes('wxt:content-script-started')).toBe(true);
  });

  test("the card's reason ranking is made in the background, and the exchange page's scripts carry neither it nor the pages' form-control styles", () => {
    // The ranking's own keys (lib/view/card-reasons.ts, `RANK`), and the one reason it drops for repeating another.
    const ranking = ['reason:danger', 'warning:caution', 'ratio-any.missing'];
    // listed-shares.ts reads this flag off the verdict; only the background's view builder does now.
    const sharesMarker = 'breakdownTooThin';
    // components/controls.css, which the pages import beside card.css and the page's pill and card never need.
    const controls = ['aria-invalid', 'button.danger'];
    const page = builtContentScripts()
      .flatMap((entry) => entry.js ?? [])
      .map((file) => chromeFile(file))
      .join('\n');
    expect([...ranking, sharesMarker, ...controls].filter((marker) => page.includes(marker))).toEqual([]);
    // The worker builds the view (`cardOrder` in buildExchangeView), once, for every page that draws the card.
    const worker = chromeFile('background.js');
    expect(ranking.filter((marker) => worker.includes(marker))).toEqual(ranking);
    expect(worker.includes(sharesMarker)).toBe(true);
  });

  test("the public-suffix list is a file of the extension, not part of either background's script", () => {
    // A run of labels only tldts' list holds (the city rules of *.jp), and its file (modules/public-suffix-on-first-use.ts).
    const marker = 'kawasakinagoyasendai';
    requireFile(join(firefoxBuild, 'manifest.json'), 'The Firefox build', 'Run: npm run build:test');
    for (const build of [chromeBuild, firefoxBuild]) {
      expect(readFileSync(join(build, 'background.js'), 'utf8').includes(marker), build).toBe(false);
      expect(readFileSync(join(build, 'public-suffix.bin')).includes(marker), build).toBe(true);
    }
    // The service worker's script is read and deserialised at every wake-up: about 337 KB without
    // the list, which would add about 260 KB (its tables written out as source). The limit keeps the list out
    // with a few KB of room for the registry and the view's code.
    expect(chromeFile('background.js').length).toBeLessThanOrEqual(340 * 1024);
  });

  test("Chrome's service worker is plain ASCII", () => {
    // A source with any other character is a two-byte string to the browser: twice the memory to
    // decode and scan at every wake-up (modules/background-ascii.ts).
    expect((chromeFile('background.js').match(/[^\x00-\x7f]/g) ?? []).slice(0, 10)).toEqual([]);
  });

  test("starting Chrome's service worker reads only the API namespaces it registers listeners on", () => {
    const code = chromeFile('background.js');
    // The script evaluated against a stand-in \`browser\` that records what is read of it: the
    // browser builds a namespace's bindings when it is first read, and reading every property (as a
    // bundler's copy of the polyfill's export did: modules/browser-without-copy.ts) builds them all.
    const read = new Set<string>();
    const never = () => new Promise<never>(() => undefined);
    const stub = (): unknown => new Proxy(() => undefined, { get: (_target, key) => (key === 'then' ? undefined : stub()), apply: never });
    const runtime = new Proxy(() => undefined, { get: (_target, key) => (key === 'id' ? 'radar' : key === 'then' ? undefined : stub()) });
    const api = new Proxy({} as Record<string, unknown>, {
      ownKeys: () => {
        read.add('every key');
        return [];
      },
      getOwnPropertyDescriptor: (_target, key) => {
        read.add(`descriptor of ${String(key)}`);
        return undefined;
      },
      get: (_target, key) => {
        read.add(String(key));
        return key === 'runtime' ? runtime : stub();
      },
    });
    const scope: Record<string, unknown> = { browser: api, chrome: api, performance, setTimeout, clearTimeout, queueMicrotask, console, URL, TextEncoder, TextDecoder, crypto };
    scope.self = scope;
    scope.globalThis = scope;
    runInNewContext(code, scope);
    // runtime, storage, tabs and alarms carry the listeners a wake-up must register before its first
    // answer; notifications, only when granted; permissions, for the access to tab addresses being taken
    // away (lookalike protection turns off). Nothing else (action, windows…) is read.
    expect([...read].sort()).toEqual(['alarms', 'notifications', 'permissions', 'runtime', 'storage', 'tabs']);
  });
});
