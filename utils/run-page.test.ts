// Beside utils/run-page.ts, not in entrypoints/: WXT would take a file there for an entrypoint.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runPage } from './run-page';

const pages = readdirSync('entrypoints', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`entrypoints/${entry.name}/main.tsx`))
  .map((entry) => entry.name);

describe('extension pages', () => {
  it('finds the pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['guide', 'options', 'popup', 'verify', 'warning']));
  });

  it.each(pages)('%s starts through runPage, so a failure shows a message, not a blank page', (page) => {
    const source = readFileSync(`entrypoints/${page}/main.tsx`, 'utf8');
    expect(source).toMatch(/^void runPage\(main\);$/m);
    expect(source).not.toMatch(/^void main\(\)/m);
  });

  it('runPage puts the words for the failure where the page would have been', async () => {
    const { document } = parseHTML('<html><head><title>Welcome to Reserve Radar</title></head><body><div id="app">Loading…</div></body></html>');
    vi.stubGlobal('document', document);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => (key === 'errorBackground' ? 'could not load' : ''));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await runPage(async () => {
      throw new Error('storage is gone');
    });
    expect(document.getElementById('app')!.textContent).toBe('could not load');
    // Not the English title the page's HTML starts with.
    expect(document.title).toBe('could not load');
    vi.unstubAllGlobals();
  });

  it('with a language chosen in the settings, the failure is in that language, and the page says which', async () => {
    const { document } = parseHTML('<html lang="en"><head><title>Welcome to Reserve Radar</title></head><body><div id="app">Loading…</div></body></html>');
    vi.stubGlobal('document', document);
    const german = readFileSync('public/_locales/de/messages.json', 'utf8');
    // The extension's own German file, as the page reads it; the browser's lookup stays English.
    vi.stubGlobal('fetch', (url: string) => Promise.resolve(String(url).endsWith('/_locales/de/messages.json') ? new Response(german) : new Response('', { status: 404 })));
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => (key === 'errorBackground' ? 'could not load' : ''));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { language: 'de' } });
    await runPage(async () => {
      throw new Error('the background is gone');
    });
    const words = (JSON.parse(german) as Record<string, { message: string }>).errorBackground!.message;
    expect(document.getElementById('app')!.textContent).toBe(words);
    expect(document.title).toBe(words);
    expect(document.documentElement.lang).toBe('de');
    vi.unstubAllGlobals();
    fakeBrowser.reset();
  });
});
