import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type LocaleEntry } from '../lib/locales';

/**
 * What the build tells the extension about its languages (wxt.config.ts): the listed locales
 * whose messages file is there, in the list's order, and, in a test build only, the pseudo-locale.
 */

/**
 * A test-only locale made from English at build time: every message wrapped in ⟦ ⟧ with its
 * letters accented, so a browser test can find any visible text that did not come from the
 * messages file (an English sentence left in code or data) as text outside the markers. Its
 * dates and numbers are formatted as Japanese (`tag`): Intl's output then holds no Latin
 * letters a scan could take for English left over. Never in a release build.
 */
export const PSEUDO_LOCALE: LocaleEntry = { id: 'qps', name: '⟦Ƥšéúđó⟧', tag: 'ja' };

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export interface BundledLocalesParameters {
  /** `public/_locales`. */
  localesDir: string;
  /** Add the pseudo-locale (test builds only). */
  pseudo: boolean;
}

/** Throws when a messages folder has no line in lib/locales.ts: it would ship without a name in the pickers. */
export function bundledLocales({ localesDir, pseudo }: BundledLocalesParameters): LocaleEntry[] {
  const folders = readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(localesDir, entry.name, 'messages.json')))
    .map((entry) => entry.name);
  const unlisted = folders.filter((folder) => !LOCALES.some((entry) => entry.id === folder));
  if (unlisted.length > 0) throw new Error(`public/_locales/${unlisted.join(', ')} has no line in lib/locales.ts (its name in its own language)`);
  return [...LOCALES.filter((entry) => folders.includes(entry.id)), ...(pseudo ? [PSEUDO_LOCALE] : [])];
}

type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [letter, [...'áƀçđéƒĝĥíĵķĺɱñóþɋŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞɊŔŠŢÚṼŴẊÝŽ'][i] ?? letter]),
);

/** `$1`, `$$` and `$NAME$` stay as they are: the browser and `translateFrom` fill them in. */
const TOKEN = /(\$\$|\$[1-9]|\$[A-Za-z0-9_@]+\$)/;

export function pseudoText(message: string): string {
  const accented = message
    .split(TOKEN)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((char) => ACCENTED[char] ?? char).join('')))
    .join('');
  return `${PSEUDO_OPEN}${accented}${PSEUDO_CLOSE}`;
}

/** The pseudo-locale's messages file, from the English one. */
export function pseudoMessages(english: Messages): Messages {
  return Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [
      key,
      entry.placeholders === undefined ? { message: pseudoText(entry.message) } : { message: pseudoText(entry.message), placeholders: entry.placeholders },
    ]),
  );
}
