import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RiskReason } from '../lib/risk/reason';
import type { I18n, Translate } from '../lib/words/translate-from';

export { translateFrom, type I18n, type MessageKey, type Messages, type Translate } from '../lib/words/translate-from';

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

/**
 * How the card words a verdict reason where the view does not carry its words (`reasonWords`):
 * the extension's own pages and the embed provide `reasonText`; the exchange page provides none,
 * so its script stays without the wording code, and its views come worded by the background.
 */
export type SayReason = (reason: RiskReason, t: Translate, locale: string, now: Date) => string;
export const ReasonWordsContext = createContext<SayReason | undefined>(undefined);

/**
 * The exchange page's card while its reasons' words are on their way from the background
 * (`page-card`), or after that question failed: the card says so in place of the reasons.
 */
export type ReasonWordsWait = 'loading' | 'failed';
export const ReasonWordsWaitContext = createContext<ReasonWordsWait | undefined>(undefined);
