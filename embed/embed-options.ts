/** Reading the element's attributes: pure, so Node tests can check them without a browser. */
import { exchanges, getExchange } from '../lib/exchanges/registry';
import type { ExchangeDefinition } from '../lib/exchanges/types';

export type EmbedLanguage = 'en' | 'sv';

export type FindEmbedExchangeParameters = string;
export type FindEmbedExchangeReturnType = ExchangeDefinition | undefined;

/**
 * An exchange by id (`kraken`) or by one of its own domains (`kraken.com`, `www.kraken.com`,
 * `https://pro.kraken.com/app`). Domains match on label boundaries only, so `notkraken.com`
 * and `kraken.com.evil.example` name nothing.
 */
export function findEmbedExchange(value: FindEmbedExchangeParameters): FindEmbedExchangeReturnType {
  const wanted = value.trim().toLowerCase();
  if (wanted === '') return undefined;
  const byId = getExchange(wanted);
  if (byId !== undefined) return byId;
  let host = wanted;
  if (/[/:]/.test(host)) {
    try {
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/\.$/, '');
  return exchanges.find((exchange) => exchange.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

export type EmbedLanguageForParameters = { attribute: string | null; navigatorLanguage: string | undefined };
export type EmbedLanguageForReturnType = { language: EmbedLanguage; locale: string };

/** The `lang` attribute when it is one we have words for, else the browser's language, else English. */
export function embedLanguageFor({ attribute, navigatorLanguage }: EmbedLanguageForParameters): EmbedLanguageForReturnType {
  const pick = (tag: string | null | undefined): EmbedLanguage | undefined => {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    return primary === 'en' || primary === 'sv' ? primary : undefined;
  };
  const fromAttribute = pick(attribute);
  if (fromAttribute !== undefined) return { language: fromAttribute, locale: fromAttribute };
  const fromNavigator = pick(navigatorLanguage);
  // The browser's full tag (en-GB, sv-FI) keeps its date and number habits.
  if (fromNavigator !== undefined && navigatorLanguage !== undefined) return { language: fromNavigator, locale: navigatorLanguage };
  return { language: 'en', locale: 'en' };
}
