import type messages from '../../public/_locales/en/messages.json';

/**
 * The word lookup without Preact, so the background can use it too (Preact in the worker brings
 * code the add-on linter flags). Components read these through `./i18n`.
 */
export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export interface I18n {
  t: Translate;
  /** BCP 47 tag for Intl: numbers, money and dates in the reader's locale. */
  locale: string;
}

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A Translate over a messages.json object, formatted as the browser does ($NAME$ placeholders, $1…$9, $$). */
export function translateFrom(messages: Messages): Translate {
  return (key, substitutions) => {
    if (!Object.hasOwn(messages, key)) return '';
    const entry = messages[key];
    if (typeof entry?.message !== 'string') return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = entry.placeholders;
    const text = placeholders === undefined ? entry.message : entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholderContent(placeholders, name) ?? whole);
    return text.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (subs[Number(token) - 1] ?? '')));
  };
}

/** Placeholder names are case-insensitive, as in the browser. */
function placeholderContent(placeholders: Record<string, { content: string }>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [candidate, value] of Object.entries(placeholders)) if (candidate.toLowerCase() === wanted) return value.content;
  return undefined;
}
