import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export interface I18n {
  t: Translate;
  /** BCP 47 tag for Intl: numbers, money and dates in the reader's locale. */
  locale: string;
}

/**
 * Components read their words from here; entrypoints provide `browser.i18n.getMessage` (or
 * the chosen language's messages), so components stay free of browser APIs.
 */
export const I18nContext = createContext<I18n>({ t: (key) => key, locale: 'en' });

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): string {
  return useContext(I18nContext).locale;
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
