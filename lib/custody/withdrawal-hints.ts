import type {
  AddressWhitelistFact,
  FactDating,
  IsoDate,
  NetworkFeesFact,
  NewAddressLockApplies,
  NewAddressLockFact,
  WithdrawalFactSource,
  WithdrawalFacts,
  WithdrawalPageFact,
} from '../exchanges/types';

/** "Where to click" on the exchange, from the registry's sourced withdrawal facts; codes, never words. */

export type WithdrawalHintTopic = 'withdrawal-page' | 'whitelist' | 'new-address-lock' | 'network-fees';

export type WithdrawalHintCode =
  | 'page-link'
  | 'page-link-needs-asset'
  | 'page-menu-web'
  | 'page-menu-app'
  | 'page-unknown'
  | 'whitelist-offered'
  | 'whitelist-always-on'
  | 'whitelist-not-offered'
  | 'whitelist-unknown'
  | 'lock-always'
  | 'lock-opt-in'
  | 'lock-with-whitelist'
  | 'lock-after-password-change'
  | 'lock-none'
  | 'lock-unknown'
  | 'fees-page'
  | 'fees-withdrawal-form'
  | 'fees-in-account'
  | 'fees-unknown';

/** The exchange page a hint rests on: the guide links it with its date. */
export interface WithdrawalHintSource {
  url: string;
  asOf: IsoDate;
  dated: FactDating;
}

export interface ExchangeWithdrawalHint {
  topic: WithdrawalHintTopic;
  code: WithdrawalHintCode;
  /** Where the user acts (withdrawal, settings or fee page), opened in a new tab; absent for plain information. */
  url?: string;
  /** The exchange's own menu labels that lead to the page or setting. */
  menuPath?: readonly string[];
  /** The hold's length; null where the exchange documents a hold without a figure. */
  hours?: number | null;
  /** Absent only for unknown facts. */
  source?: WithdrawalHintSource;
}

const TICKER = /^[A-Z0-9.]{1,12}$/;

function sourceOf(fact: WithdrawalFactSource): WithdrawalHintSource {
  return { url: fact.source, asOf: fact.asOf, dated: fact.dated };
}

function pageHint(page: WithdrawalPageFact, asset: string | null): ExchangeWithdrawalHint {
  const topic = 'withdrawal-page';
  switch (page.status) {
    case 'unknown':
      return { topic, code: 'page-unknown' };
    case 'menu':
      return { topic, code: page.surface === 'app' ? 'page-menu-app' : 'page-menu-web', menuPath: page.menuPath, source: sourceOf(page) };
    case 'deep-link': {
      if (!page.url.includes('{asset}')) return { topic, code: 'page-link', url: page.url, source: sourceOf(page) };
      if (asset === null) return { topic, code: 'page-link-needs-asset', source: sourceOf(page) };
      return { topic, code: 'page-link', url: page.url.replace('{asset}', encodeURIComponent(asset)), source: sourceOf(page) };
    }
  }
}

function whitelistHint(whitelist: AddressWhitelistFact): ExchangeWithdrawalHint {
  const topic = 'whitelist';
  switch (whitelist.status) {
    case 'unknown':
      return { topic, code: 'whitelist-unknown' };
    case 'offered':
      return {
        topic,
        code: 'whitelist-offered',
        ...(whitelist.settingsUrl === undefined ? {} : { url: whitelist.settingsUrl }),
        ...(whitelist.menuPath === undefined ? {} : { menuPath: whitelist.menuPath }),
        source: sourceOf(whitelist),
      };
    case 'always-on':
      return { topic, code: 'whitelist-always-on', source: sourceOf(whitelist) };
    case 'not-offered':
      return { topic, code: 'whitelist-not-offered', source: sourceOf(whitelist) };
  }
}

const LOCK_CODE: Record<NewAddressLockApplies, WithdrawalHintCode> = {
  always: 'lock-always',
  'opt-in': 'lock-opt-in',
  'with-whitelist': 'lock-with-whitelist',
  'after-password-change': 'lock-after-password-change',
};

function lockHint(lock: NewAddressLockFact): ExchangeWithdrawalHint {
  const topic = 'new-address-lock';
  switch (lock.status) {
    case 'unknown':
      return { topic, code: 'lock-unknown' };
    case 'none':
      return { topic, code: 'lock-none', source: sourceOf(lock) };
    case 'hold':
      return {
        topic,
        code: LOCK_CODE[lock.applies],
        hours: lock.hours,
        ...(lock.settingsUrl === undefined ? {} : { url: lock.settingsUrl }),
        ...(lock.menuPath === undefined ? {} : { menuPath: lock.menuPath }),
        source: sourceOf(lock),
      };
  }
}

function feesHint(fees: NetworkFeesFact): ExchangeWithdrawalHint {
  const topic = 'network-fees';
  switch (fees.status) {
    case 'unknown':
      return { topic, code: 'fees-unknown' };
    case 'fee-page':
      return { topic, code: 'fees-page', url: fees.url, source: sourceOf(fees) };
    case 'withdrawal-form':
      return { topic, code: 'fees-withdrawal-form', source: sourceOf(fees) };
    case 'in-account':
      return { topic, code: 'fees-in-account', menuPath: fees.menuPath, source: sourceOf(fees) };
  }
}

const NOTHING_KNOWN: WithdrawalFacts = {
  page: { status: 'unknown' },
  whitelist: { status: 'unknown' },
  newAddressLock: { status: 'unknown' },
  networkFees: { status: 'unknown' },
};

/**
 * "Where to click" on the exchange: one hint per topic, always in the same order (withdrawal
 * page, whitelist, new-address lock, network fees), each from the registry entry's own sourced
 * fact, and `…-unknown` where nothing was confirmed, so the guide can say so instead of
 * staying silent. Returns codes, never words. Only links and explains; the extension never
 * fills or submits the exchange's forms.
 */
export function exchangeWithdrawalHints({ withdrawal, asset }: { withdrawal: WithdrawalFacts | undefined; asset?: string | null }): ExchangeWithdrawalHint[] {
  const facts = withdrawal ?? NOTHING_KNOWN;
  const ticker = asset !== undefined && asset !== null && TICKER.test(asset) ? asset : null;
  return [pageHint(facts.page, ticker), whitelistHint(facts.whitelist), lockHint(facts.newAddressLock), feesHint(facts.networkFees)];
}
