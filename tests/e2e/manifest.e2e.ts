import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromeBuild, firefoxBuild, requireChromium, requireFirefox, root } from './harness';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

type Grant = 'required' | 'optional';

/** The permission table of docs/security.md: permission → what each build asks for. */
function documented(): Record<'chrome' | 'firefox', Record<string, Grant>> {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const start = doc.indexOf("## What the extension may do: the manifest's permissions");
  if (start === -1) throw new Error('docs/security.md has no permission section');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const table = { chrome: {} as Record<string, Grant>, firefox: {} as Record<string, Grant> };
  // "—": that build does not ask for it.
  for (const match of section.matchAll(/^\| `([^`]+)` \| (required|optional|—) \| (required|optional|—) \|/gm)) {
    if (match[2] !== '—') table.chrome[match[1]!] = match[2] as Grant;
    if (match[3] !== '—') table.firefox[match[1]!] = match[3] as Grant;
  }
  return table;
}

function asked(manifest: Manifest): Record<string, Grant> {
  return Object.fromEntries([
    ...[...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].map((permission) => [permission, 'required'] as const),
    ...[...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].map((permission) => [permission, 'optional'] as const),
  ]);
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the built manifests ask for exactly what docs/security.md lists', () => {
  test('Chrome', () => {
    requireChromium();
    expect(asked(read(chromeBuild))).toEqual(documented().chrome);
  });

  test('Firefox', () => {
    requireFirefox();
    expect(asked(read(firefoxBuild))).toEqual(documented().firefox);
  });

  test('the table has the rows the extension cannot do without', () => {
    expect(Object.keys(documented().chrome)).toEqual(expect.arrayContaining(['storage', 'activeTab', 'tabs']));
  });

  test("lookalike protection asks for `tabs` at a click; the access to all sites is only optional (the warning lists' own hosts are asked for under it)", () => {
    requireChromium();
    requireFirefox();
    for (const manifest of [read(chromeBuild), read(firefoxBuild)]) {
      expect(asked(manifest).tabs).toBe('optional');
      const everything = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
      expect(everything.filter((permission) => /^(\*|https?):\/\/\*\/|^<all_urls>$/.test(permission))).toEqual(['*://*/*']);
      expect(asked(manifest)['*://*/*']).toBe('optional');
    }
  });
});

interface Compat {
  __compat: { support: Record<string, { version_added: string | false } | { version_added: string | false }[]> };
}

/** The first version of `browser` with `feature`, from the compatibility data web-ext lint reads (@mdn/browser-compat-data). */
function firstVersion(feature: Compat, browser: 'chrome' | 'firefox' | 'firefox_android'): number {
  const support = feature.__compat.support[browser];
  const added = (Array.isArray(support) ? support[0] : support)?.version_added;
  if (typeof added !== 'string') throw new Error(`${browser} has no version for this feature`);
  return Number.parseFloat(added.replace(/^≤/, ''));
}

describe("Firefox's manifest names the oldest version that has everything the extension uses", () => {
  test('strict_min_version for desktop and Android is no older than any feature it relies on', () => {
    requireFirefox();
    const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: Record<'gecko' | 'gecko_android', { strict_min_version?: string } | undefined>;
    };
    // biome-ignore lint/suspicious/noExplicitAny: the compatibility data is one large untyped JSON tree.
    const bcd = JSON.parse(readFileSync(join(root, 'node_modules/@mdn/browser-compat-data/data.json'), 'utf8')) as any;
    const used: Record<string, Compat> = {
      // Declared in the manifest: Firefox 127 and older refuse the key, 128–139 do not know it.
      data_collection_permissions: bcd.webextensions.manifest.browser_specific_settings.gecko.data_collection_permissions,
      // The background's kept words (entrypoints/background/words.ts; it also starts without it).
      'storage.session': bcd.webextensions.api.storage.session,
      // Warning lists' text checks (lib/community/warning-list.ts).
      'String.isWellFormed': bcd.javascript.builtins.String.isWellFormed,
      'URL.canParse': bcd.api.URL.canParse_static,
      // The popup's "copy image".
      ClipboardItem: bcd.api.ClipboardItem,
      // The exchange-page sheet injected as a user sheet (modules/exchange-shown-sheet.ts): an older Firefox ignores the
      // key and injects it as an author sheet, which a page's own `!important` rule can beat to hide the pill.
      'content_scripts.css_origin': bcd.webextensions.manifest.content_scripts.css_origin,
    };
    const settings = manifest.browser_specific_settings;
    expect(settings?.gecko?.strict_min_version).toBe('144.0');
    expect(settings?.gecko_android?.strict_min_version).toBe('144.0');
    for (const [key, browser] of [
      ['gecko', 'firefox'],
      ['gecko_android', 'firefox_android'],
    ] as const) {
      const minimum = Number.parseFloat(settings?.[key]?.strict_min_version ?? '0');
      for (const [name, feature] of Object.entries(used)) expect(minimum, `${key}: ${name}`).toBeGreaterThanOrEqual(firstVersion(feature, browser));
    }
  });
});

describe("Chrome's manifest names the oldest version that has everything the extension uses", () => {
  test('minimum_chrome_version is no older than any feature it relies on', () => {
    requireChromium();
    const manifest = JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as { minimum_chrome_version?: string };
    // biome-ignore lint/suspicious/noExplicitAny: the compatibility data is one large untyped JSON tree.
    const bcd = JSON.parse(readFileSync(join(root, 'node_modules/@mdn/browser-compat-data/data.json'), 'utf8')) as any;
    const used: Record<string, Compat> = {
      // The worker finds its offscreen document (entrypoints/background/offscreen-client.ts).
      'runtime.getContexts': bcd.webextensions.api.runtime.getContexts,
      'storage.session': bcd.webextensions.api.storage.session,
      optional_host_permissions: bcd.webextensions.manifest.optional_host_permissions,
      'String.isWellFormed': bcd.javascript.builtins.String.isWellFormed,
      'URL.canParse': bcd.api.URL.canParse_static,
      ClipboardItem: bcd.api.ClipboardItem,
    };
    expect(manifest.minimum_chrome_version).toBe('120');
    const minimum = Number.parseFloat(manifest.minimum_chrome_version ?? '0');
    for (const [name, feature] of Object.entries(used)) expect(minimum, name).toBeGreaterThanOrEqual(firstVersion(feature, 'chrome'));
  });
});

describe("the sheet that shows the exchange page's pill and warning", () => {
  type Scripts = { content_scripts?: { js?: string[]; css?: string[]; css_origin?: string }[] };
  const entryOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Scripts).content_scripts?.find((entry) => entry.js?.includes('content-scripts/exchange.js'));

  test('Firefox injects it as a user-origin sheet whose !important a page cannot beat (modules/exchange-shown-sheet.ts)', () => {
    requireFirefox();
    const entry = entryOf(firefoxBuild);
    expect(entry?.css).toEqual(['content-scripts/exchange-shown.css']);
    expect(entry?.css_origin).toBe('user');
    expect(readFileSync(join(firefoxBuild, 'content-scripts/exchange-shown.css'), 'utf8')).toContain('--reserve-radar-shown:block !important');
  });

  test('Chrome has none: the hosts show by their own rule', () => {
    requireChromium();
    expect(entryOf(chromeBuild)?.css).toBeUndefined();
    expect(readdirSync(join(chromeBuild, 'content-scripts')).filter((file) => file.endsWith('.css'))).toEqual([]);
  });
});
