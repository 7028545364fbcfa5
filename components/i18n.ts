import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/**
 * Components read their words from here; entrypoints provide `browser.i18n.getMessage`, so
 * components stay free of browser APIs and render the same under test.
 */
export const I18nContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18nContext);
}
