import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    const gzipped = scripts.reduce((sum, script) => sum + gzipSync(script, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(25 * 1024);
  });
});
