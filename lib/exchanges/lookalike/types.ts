/**
 * What `classify` returns, and the evidence it gathers on the way: shared by the classifier, its
 * typo rules and the reason builder.
 */
import type { BrandEntry } from '../brand-index';
import type { ExchangeDefinition } from '../types';

export type Verdict = 'exchange' | 'lookalike' | 'unknown';

export interface ClassifyReturnType {
  verdict: Verdict;
  /** The exchange the host is, or imitates. */
  exchange: ExchangeDefinition | undefined;
  /**
   * One sentence in plain English, naming the host and the evidence: for the CLI and logs. The
   * extension's pages word a lookalike from `explanation` instead, in the reader's language.
   */
  reason: string;
  /** The canonical hostname that was judged; `undefined` when the input was not a hostname at all. */
  host: string | undefined;
  /** For a lookalike found by its labels, which kind of evidence the reason describes. */
  evidence?: EvidenceKind;
  /** For a lookalike: what the reason says, as data (lib/words/lookalike-reason.ts words it). */
  explanation?: LookalikeExplanation;
}

/**
 * Why a host is a lookalike, without words: the evidence's kind and what it names. `embedded`
 * is an official domain worn at the start of the host (`login.kraken.com.evil.io`); `dashed`, an
 * official domain written with a hyphen where a dot belongs (`mail-celsius.network`).
 */
export interface LookalikeExplanation {
  code: EvidenceKind | 'embedded' | 'dashed' | 'listed';
  /** The host as shown: a punycode host with its Unicode spelling beside it. */
  host: string;
  /** The brand seen (`binance`); for `embedded` and `dashed`, the official domain imitated (`kraken.com`). */
  brand: string;
  /** A bait or crypto word beside the brand (`login`), where there is one. */
  bait?: string;
  /** The free hosting service, for `hosted` and `hosted-typo` (`pages.dev`). */
  hosting?: string;
  /** Letters away from the brand, for `typo` and `hosted-typo` (1 or 2). */
  distance?: number;
  /** Latin mixed with Cyrillic or Greek letters, for `homoglyph`. */
  mixedScripts?: boolean;
  /** The domain the host belongs to, for `embedded` (`evil.io`). */
  registrable?: string;
  /**
   * For `listed`: the phishing list that names the host, its address, when our copy was read, and
   * `on`, the domain the host is on, where the list names that domain rather than the host itself.
   */
  list?: { name: string; source: string; asOf: string; on?: string };
}

export type EvidenceKind = 'token' | 'homoglyph' | 'tld-swap' | 'hyphenated' | 'split' | 'inside' | 'affixed' | 'typo' | 'hosted' | 'hosted-typo' | 'padded';

export interface Evidence {
  entry: BrandEntry;
  kind: EvidenceKind;
  /** A bait or crypto word beside the brand, where there is one. */
  bait: string | undefined;
  distance: number;
  mixedScripts: boolean;
  /** The free hosting service the host is on, for `hosted` and `hosted-typo`. */
  hosting?: string;
  /** A common word glued to `app` or `web` (`robinhoodapp`): as the site's own name, only bait in its label counts. */
  glued?: boolean;
}

export interface Label {
  raw: string;
  skeleton: string;
  rawTokens: string[];
  tokens: string[];
  /** Bait or crypto word per token (judged on the decoded text, not the skeleton); filled on first need. */
  contexts: (string | undefined)[] | undefined;
}
