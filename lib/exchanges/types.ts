/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A fact as published somewhere: the URL it was read from and the date it describes. */
export interface SourcedFact {
  source: string;
  asOf: IsoDate;
}

export type ExchangeStatus =
  | { kind: 'operating' }
  | ({
      kind: 'closed' | 'collapsed';
      /** The day trading or withdrawals stopped for good. */
      date: IsoDate;
      /** One line a user can read in five seconds. */
      history: string;
    } & Pick<SourcedFact, 'source'>);

export type IncidentKind = 'hack' | 'withdrawal-halt' | 'insolvency' | 'regulatory';

export interface Incident {
  kind: IncidentKind;
  date: IsoDate;
  summary: string;
  source: string;
}

export interface WithdrawalInfo {
  /** Deep link to the crypto withdrawal page; `{asset}` is replaced by the ticker where the site takes one. */
  url: string;
  /** Page where withdrawal addresses are whitelisted, where the exchange has one. */
  whitelistUrl?: string;
  /** Documented lock on a newly added withdrawal address, in hours, with where it is documented. */
  newAddressLockHours?: number;
  newAddressLockSource?: string;
  /** Where the deep link was seen. */
  source: string;
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
  withdrawal?: WithdrawalInfo;
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
