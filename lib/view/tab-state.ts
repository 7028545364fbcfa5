import { classify, domainIndex } from '../exchanges/classify';
import { classifyReady } from '../exchanges/classify-ready';
import { parseHostname } from '../exchanges/hostname';
import { exactMatch } from '../exchanges/lookalike/domains';
import type { Listing } from '../exchanges/known-bad';
import { getExchange } from '../exchanges/registry';
import type { ExchangeDefinition } from '../exchanges/types';
import { decodeIdnLabel } from '../exchanges/punycode';
import type { Snapshot } from '../reserves/schema';
import type { ActiveWarning } from '../community/active-warnings';
import { buildExchangeView, type TabState } from './exchange-view';
import type { RunAlertView } from './run-alert-view';

export interface TabStateForUrlParameters {
  /** The tab's URL as the browser reports it; undefined when the extension may not read it. */
  url: string | undefined;
  snapshot: Snapshot;
  now: Date;
  /** Community warnings for an exchange, from the lists the user subscribed to; `'unread'` when they could not be checked. */
  warningsFor?: (exchangeId: string) => readonly ActiveWarning[] | 'unread';
  /** The run watch for an exchange, as the background holds it. */
  runAlertFor?: (exchangeId: string) => RunAlertView | undefined;
  /** Whether a phishing list the feed brought names the host (lib/exchanges/known-bad.ts). */
  listingFor?: ((host: string) => Listing | undefined) | undefined;
}

/** From a tab's URL to what the popup, pill and badge show. Never throws once `tabStateReady(url)` has resolved. */
export function tabStateForUrl({ url, snapshot, now, warningsFor, runAlertFor, listingFor }: TabStateForUrlParameters): TabState {
  const host = hostOf(url);
  if (host === undefined) return { kind: 'not-exchange' };
  const result = classify(host);
  if (result.verdict === 'exchange' && result.exchange !== undefined) {
    const exchange = result.exchange;
    return {
      kind: 'exchange',
      host,
      view: buildExchangeView({ exchange, reserves: snapshot.exchanges[exchange.id], now, warnings: warningsFor?.(exchange.id) ?? [], runAlert: runAlertFor?.(exchange.id) }),
    };
  }
  if (result.verdict === 'lookalike' && result.exchange !== undefined && result.explanation !== undefined) {
    return { kind: 'lookalike', host, explanation: result.explanation, imitates: imitatesOf(result.exchange) };
  }
  // The rules saw nothing (or the name is no site, such as an IP address, which no list holds):
  // a phishing list's word is the other signal. An exchange's own host never gets here.
  const listing = result.verdict === 'exchange' ? undefined : listingFor?.(host);
  const imitated = listing === undefined ? undefined : getExchange(listing.exchange);
  if (listing !== undefined && imitated !== undefined) {
    const { name: list, url: source, fetchedAt } = listing.list;
    return {
      kind: 'lookalike',
      host,
      explanation: {
        code: 'listed',
        host: host.includes('xn--') ? `${host} (${host.split('.').map(decodeIdnLabel).join('.')})` : host,
        brand: listing.listed,
        list: { name: list, source, asOf: fetchedAt, ...(listing.listed === host ? {} : { on: listing.listed }) },
      },
      imitates: imitatesOf(imitated),
    };
  }
  return { kind: 'not-exchange' };
}

/**
 * What `tabStateForUrl` must wait for before it is called with this URL: nothing (undefined) for
 * an exchange's own address or no site, else the public-suffix list (see `classifyReady`).
 */
export function tabStateReady(url: string | undefined): Promise<void> | undefined {
  const host = hostOf(url);
  return host === undefined ? undefined : classifyReady(host);
}

/**
 * Whether `url` is a page on an exchange's own domain (http or https). Answered from the official
 * domains alone, at once: it never waits for, nor starts reading, the public-suffix list.
 */
export function isExchangeOwnUrl(url: string | undefined): boolean {
  const host = hostOf(url);
  if (host === undefined) return false;
  const parsed = parseHostname(host);
  return parsed.ok && parsed.kind === 'domain' && exactMatch(parsed.host, domainIndex()) !== undefined;
}

/** The exchange a lookalike imitates, as the warning names it and links to it. */
function imitatesOf({ id, name, domains }: ExchangeDefinition): Extract<TabState, { kind: 'lookalike' }>['imitates'] {
  return { id, name, domain: domains[0] ?? '', domains: [...domains] };
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
}
