/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A fact as published somewhere: the URL it was read from and the date it describes. */
export interface SourcedFact {
  source: string;
  asOf: IsoDate;
}

export type ExchangeStatus = (
  | { kind: 'operating' }
  | ({
      kind: 'closed' | 'collapsed';
      /** The day trading or withdrawals stopped for good. */
      date: IsoDate;
      /** One line a user can read in five seconds. */
      history: string;
    } & Pick<SourcedFact, 'source'>)
) & {
  /**
   * The day a person last checked this status and the entry's incidents against their sources.
   * "No closure or collapse on record" is true of our list as of this day, not of the day it is
   * read or shared. Move it only when the entry is checked again, never with a release alone.
   */
  checkedOn: IsoDate;
};

export type IncidentKind = 'hack' | 'withdrawal-halt' | 'insolvency' | 'regulatory';

export interface Incident {
  kind: IncidentKind;
  date: IsoDate;
  summary: string;
  source: string;
}

/**
 * How a withdrawal fact's date was found: `stated` when the exchange's page gives it (published
 * or updated), `seen` when the page gives none and `asOf` is the day its stored copy was read.
 */
export type FactDating = 'stated' | 'seen';

/** The exchange's own page that states a withdrawal fact, and its date. */
export interface WithdrawalFactSource {
  /** https, on one of the exchange's `domains`: reposts and guides elsewhere do not count. */
  source: string;
  asOf: IsoDate;
  dated: FactDating;
}

/** Menu labels in order, as the exchange's English help pages name them (`Assets` › `Withdraw`). */
export type MenuPath = readonly string[];

export type WithdrawalPageFact =
  | { status: 'unknown' }
  /** An address the exchange's own page gives; `{asset}` is replaced by the ticker where the site takes one. */
  | ({ status: 'deep-link'; url: string } & WithdrawalFactSource)
  /** No address given, but the exchange's help says which menus lead there, on its website or in its app. */
  | ({ status: 'menu'; menuPath: MenuPath; surface: 'web' | 'app' } & WithdrawalFactSource);

/** A setting that lets withdrawals go only to addresses saved beforehand. */
export type AddressWhitelistFact =
  | { status: 'unknown' }
  | ({ status: 'offered'; settingsUrl?: string; menuPath?: MenuPath } & WithdrawalFactSource)
  /** Not a setting: every new address must be saved and confirmed before anything can be sent to it. */
  | ({ status: 'always-on' } & WithdrawalFactSource)
  | ({ status: 'not-offered' } & WithdrawalFactSource);

/** When a documented hold on withdrawals to a newly added address applies. */
export type NewAddressLockApplies = 'always' | 'opt-in' | 'with-whitelist' | 'after-password-change';

export type NewAddressLockFact =
  | { status: 'unknown' }
  /** `hours` is null where the exchange documents the hold but gives no figure. */
  | ({ status: 'hold'; hours: number | null; applies: NewAddressLockApplies; settingsUrl?: string; menuPath?: MenuPath } & WithdrawalFactSource)
  | ({ status: 'none' } & WithdrawalFactSource);

/** Where the network fee and the minimum for a withdrawal can be read before sending. */
export type NetworkFeesFact =
  | { status: 'unknown' }
  /** The exchange's fee page. */
  | ({ status: 'fee-page'; url: string } & WithdrawalFactSource)
  /** The exchange says its withdrawal form shows the fee before you confirm. */
  | ({ status: 'withdrawal-form' } & WithdrawalFactSource)
  /** Listed inside the account (or app), under `menuPath`. */
  | ({ status: 'in-account'; menuPath: MenuPath } & WithdrawalFactSource);

/**
 * What the exchange's own pages say about withdrawing: where the withdrawal page is, whether
 * addresses can be whitelisted, whether new addresses are held, where fees and minimums are.
 * Each fact stands alone with its own source and date; what was not found is `unknown`.
 * lib/exchanges/WITHDRAWAL-SOURCES.md lists the sources and what was searched for in vain.
 */
export interface WithdrawalFacts {
  page: WithdrawalPageFact;
  whitelist: AddressWhitelistFact;
  newAddressLock: NewAddressLockFact;
  networkFees: NetworkFeesFact;
}

export interface ExchangeDefinition {
  /** Stable id, lowercase, also the file name: `binance` ↔ `lib/exchanges/binance.ts`. */
  id: string;
  name: string;
  /**
   * Registrable domains the exchange operates (eTLD+1, e.g. `binance.com`, `binance.me`),
   * regional and legacy ones included. A host matches a domain when it equals it or is a
   * subdomain of it; nothing is matched by substring.
   */
  domains: readonly string[];
  /** Words a phishing domain borrows to look like this exchange (`binance`, `coinbase`). */
  brandTokens: readonly string[];
  /** The exchange's own tokens (BNB, OKB, CRO…); empty when it has none. */
  ownTokens: readonly string[];
  /** Tokens of affiliated firms that count with own tokens in concentration (documented ones only). */
  affiliatedTokens?: readonly string[];
  /** DefiLlama CEX slug (`binance-cex`), where DefiLlama tracks the exchange. */
  defillamaSlug?: string;
  status: ExchangeStatus;
  incidents?: readonly Incident[];
  /** The exchange's own proof-of-reserves page, where it has one. */
  porUrl?: string;
  withdrawal?: WithdrawalFacts;
  /** Pages that back the facts in this file (official site, history, status). At least one. */
  sources: readonly string[];
  /** URLs that must classify as this exchange, and URLs that must not. */
  testUrls: {
    match: readonly string[];
    noMatch: readonly string[];
  };
}

/** Identity helper so each registry file is type-checked against the definition. */
export function defineExchange<const T extends ExchangeDefinition>(definition: T): T {
  return definition;
}
