import type { TabState } from '../view/exchange-view';
import type { MessageKey, Translate } from './translate-from';
import { formatDate, formatList } from './format';

type Lookalike = Extract<TabState, { kind: 'lookalike' }>;

/**
 * Why a host imitates an exchange, in the reader's language: the classifier's evidence
 * (lib/exchanges/classify.ts, `explanation`) worded from messages.json, then the exchange's own
 * domains.
 */
export function lookalikeReasonText({ explanation, imitates }: Pick<Lookalike, 'explanation' | 'imitates'>, t: Translate, locale = 'en'): { reason: string; official: string } {
  const { code, host, brand, bait, hosting, distance, mixedScripts, registrable, list } = explanation;
  const name = imitates.name;
  // The whole list after a colon: an enumeration, so without "and" where the language allows it.
  const official = t('lookalikeOfficialDomains', [name, formatList(imitates.domains, locale, { style: 'narrow' })]);
  const say = (key: MessageKey, substitutions: string[]) => ({ reason: t(key, substitutions), official });
  switch (code) {
    case 'embedded':
      return say('lookalikeReasonEmbedded', [host, name, brand, registrable ?? '']);
    case 'dashed':
      return say('lookalikeReasonDashed', [host, name, brand]);
    case 'homoglyph':
      return say(mixedScripts === true ? 'lookalikeReasonHomoglyphMixed' : 'lookalikeReasonHomoglyph', [host, brand, name]);
    case 'tld-swap':
      return say('lookalikeReasonTldSwap', [host, brand, name]);
    case 'hyphenated':
      return say('lookalikeReasonHyphenated', [host, brand, name]);
    case 'split':
      return say('lookalikeReasonSplit', [host, brand, name]);
    case 'padded':
      return say('lookalikeReasonPadded', [host, brand, name]);
    case 'hosted':
      return bait === undefined ? say('lookalikeReasonHosted', [host, brand, hosting ?? '', name]) : say('lookalikeReasonHostedBait', [host, brand, bait, hosting ?? '', name]);
    case 'hosted-typo':
      return say(distance === 1 ? 'lookalikeReasonHostedTypo1' : 'lookalikeReasonHostedTypo2', [host, brand, hosting ?? '', name]);
    case 'typo':
      return say(distance === 1 ? 'lookalikeReasonTypo1' : 'lookalikeReasonTypo2', [host, brand, name]);
    case 'token':
    case 'inside':
    case 'affixed':
      return bait === undefined ? say('lookalikeReasonToken', [host, brand, name]) : say('lookalikeReasonTokenBait', [host, brand, bait, name]);
    case 'listed': {
      const read = formatDate(list?.asOf ?? '', locale);
      const listName = list?.name ?? '';
      return list?.on === undefined ? say('lookalikeReasonListed', [host, listName, name, read]) : say('lookalikeReasonListedParent', [host, list.on, listName, name, read]);
    }
  }
}
