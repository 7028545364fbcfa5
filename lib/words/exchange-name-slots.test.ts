import { describe, expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';

/**
 * Messages that take an exchange's name, and which placeholder holds it. Brazilian Portuguese
 * names a company with its article ("na Binance", "da Kraken"), which a placeholder cannot carry:
 * the name stands after "corretora", so no article is needed ("na corretora Binance").
 */
const EXCHANGE_SLOTS: Readonly<Record<string, readonly number[]>> = {
  whereTitle: [1],
  lookalikeTitle: [1],
  whereOpenSetting: [1],
  whereOpenWithdrawalPage: [1],
  whereOpenFeePage: [1],
  wherePageLinkNeedsAsset: [1],
  wherePageMenuWeb: [1],
  wherePageMenuApp: [1],
  wherePageUnknown: [1],
  whereNeverFills: [1],
  whereWhitelistOffered: [1],
  whereWhitelistAlwaysOn: [1],
  whereWhitelistNotOffered: [1],
  whereWhitelistUnknown: [1],
  whereLockAlways: [1],
  whereLockOptIn: [1],
  whereLockWithWhitelist: [1],
  whereLockAfterPasswordChange: [1],
  whereLockNoHours: [1],
  whereLockNone: [1],
  whereLockUnknown: [1],
  whereFeesPage: [1],
  whereFeesWithdrawalForm: [1],
  whereFeesInAccount: [1],
  whereFeesUnknown: [1],
  verifyReservesListMayLack: [1],
  verifyReservesListPartial: [1],
  verifyReservesNoPublished: [1],
  verifyReservesNoDefillama: [1],
  verifyReservesComplete: [1],
  verifyReservesTotalsCaption: [1],
  verifyReservesPublishedSummary: [1],
  verifyLlamaCoinsIntro: [1],
  verifyLlamaCoinsNone: [1],
  lookalikeReasonToken: [3],
  lookalikeReasonTokenBait: [4],
  lookalikeReasonListed: [3],
  lookalikeReasonListedParent: [4],
  lookalikeReasonHomoglyph: [3],
  lookalikeReasonHomoglyphMixed: [3],
  lookalikeReasonTldSwap: [3],
  lookalikeReasonHyphenated: [3],
  lookalikeReasonSplit: [3],
  lookalikeReasonHosted: [4],
  lookalikeReasonHostedBait: [5],
  lookalikeReasonTypo1: [3],
  lookalikeReasonTypo2: [3],
  lookalikeReasonHostedTypo1: [4],
  lookalikeReasonHostedTypo2: [4],
  lookalikeReasonEmbedded: [2],
  lookalikeReasonDashed: [2],
  lookalikeReasonPadded: [3],
  lookalikeOfficialDomains: [1],
  runUnsnoozeFor: [1],
  runUnsnoozeFailed: [1],
  snoozeRemoveFailed: [1],
  snoozeLifted: [1],
  runSnoozeLifted: [1],
  reason_statusOperating: [1],
  reason_statusCollapsed: [1],
  reason_statusClosed: [1],
};

/** Networks ($N of these) are named with "rede" in Brazilian Portuguese, for the same reason: "na rede Ethereum". */
const NETWORK_SLOTS: Readonly<Record<string, readonly number[]>> = {
  routeAssetCommon: [1],
  problemUncommonAsset: [2],
  verifyReservesComplete: [2],
  verifyReservesTotalsCaption: [2],
  verifyReservesBlock: [2],
  verifyReservesDefillamaChain: [1],
  verifyLlamaCoinsIntro: [2],
  verifyLlamaCoinsNone: [2],
  addressLabel: [1],
  testRulesTitle: [1],
  testNoRules: [1],
  // $1 one network's name; a family ("uma rede EVM") and a list of networks take the two messages after it.
  addressWrongNetwork: [1, 2],
  addressWrongNetworkFamily: [2],
  addressWrongNetworkAny: [2],
  addressErrorBadFormat: [1],
  addressErrorBadLength: [1],
  addressErrorTestnet: [1],
  addressErrorNotAccount: [1],
  arrivalExplorer: [1],
};

describe('names in a sentence', () => {
  const portuguese = localeMessages('pt_BR');
  test('Brazilian Portuguese says “corretora” before every exchange name and “rede” before every network name, so no article is missing', () => {
    const missing: string[] = [];
    for (const [slots, noun] of [
      [EXCHANGE_SLOTS, 'corretora'],
      [NETWORK_SLOTS, 'rede'],
    ] as const)
      for (const [key, numbers] of Object.entries(slots))
        for (const number of numbers) {
          const message = portuguese[key]?.message ?? '';
          const at = [...message.matchAll(new RegExp(`\\$${number}(?!\\d)`, 'g'))].map((found) => found.index);
          if (at.length === 0 || at.some((index) => !message.slice(0, index).endsWith(`${noun} `))) missing.push(`${key} $${number}: ${message}`);
        }
    expect(missing).toEqual([]);
  });

  test('Brazilian Portuguese names an exchange at most twice in one message; after that it says “ela” or “a corretora”', () => {
    const portuguese = localeMessages('pt_BR');
    const repeated = Object.entries(EXCHANGE_SLOTS).flatMap(([key, numbers]) =>
      numbers.filter((number) => (portuguese[key]?.message ?? '').split(`corretora $${number}`).length > 3).map(() => `${key}: ${portuguese[key]?.message}`),
    );
    expect(repeated).toEqual([]);
  });

  test('the where-to-click heading names no website: for some exchanges (Crypto.com) the steps under it are in the app', () => {
    const site = /\b(site|sitio|sajt|sajten|website|webseite)\b|网站/iu;
    for (const folder of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) expect(localeMessages(folder).whereTitle?.message, folder).not.toMatch(site);
  });

  test('Turkish puts no suffix on an exchange name: the suffix goes on “borsa” or the name stands alone', () => {
    const turkish = localeMessages('tr');
    const suffixed: string[] = [];
    for (const [key, numbers] of Object.entries(EXCHANGE_SLOTS))
      for (const number of numbers) if (new RegExp(`\\$${number}(?!\\d)['’\\p{L}]`, 'u').test(turkish[key]?.message ?? '')) suffixed.push(`${key}: ${turkish[key]?.message}`);
    expect(suffixed).toEqual([]);
  });
});
