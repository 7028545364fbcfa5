import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Messages } from '@/utils/i18n';

const root = join(import.meta.dirname, '..');

/** One locale's messages, read from the extension's own files. */
export function localeMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/**
 * `fetch` answers a language's messages file from the extension's own files, as the browser does
 * for the extension's pages and worker; anything else is refused (no network in unit tests).
 * `before` may hold a language's answer back.
 */
export function stubLocaleFetch(before?: (locale: string) => Promise<unknown> | undefined): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request) => {
      const locale = /\/_locales\/([^/]+)\/messages\.json$/.exec(String(input))?.[1];
      if (locale === undefined) throw new TypeError(`unexpected fetch in a unit test: ${String(input)}`);
      await before?.(locale);
      return new Response(JSON.stringify(localeMessages(locale)));
    }),
  );
}

/**
 * The double quotes each language puts around quoted words (a list's name, an address, a key),
 * opening then closing; a straight `"` belongs only to code quoted as written (`exchange="kraken"`).
 */
export const LOCALE_QUOTES: Readonly<Record<string, readonly [open: string, close: string]>> = {
  en: ['“', '”'],
  fr: ['«', '»'],
  de: ['„', '“'],
  es: ['“', '”'],
  pt_BR: ['“', '”'],
  sv: ['”', '”'],
  tr: ['“', '”'],
  zh_CN: ['“', '”'],
};

/** The quote marks of a message that are not its language's, in order, each with what follows it; code such as `exchange="kraken"` left out. */
export function foreignQuotes(message: string, locale: string): string[] {
  const [open, close] = LOCALE_QUOTES[locale] ?? ['“', '”'];
  const prose = message.replace(/[\w-]+="[^"]*"/g, '');
  return [...prose.matchAll(/["“”„«»]/g)].flatMap((found, index) => (found[0] === (index % 2 === 0 ? open : close) ? [] : [prose.slice(found.index, found.index + 6)]));
}
