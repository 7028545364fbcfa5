import type messages from '../public/_locales/en/messages.json';

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

export type Messages = Record<string, { message: string }>;

/** A Translate over a messages.json object, formatted as the browser does ($1…$9, $$). */
export function translateFrom(messages: Messages): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (entry === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (subs[Number(token) - 1] ?? '')));
  };
}
