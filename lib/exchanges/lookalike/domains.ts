/**
 * Where a host stands against the official domains, before any brand is looked for: on one of them,
 * on a free hosting service, wearing one at the start of a label, or writing one with a hyphen where
 * a dot belongs.
 */
import type { BrandIndex, DomainIndex } from '../brand-index';
import { keyHeads, mayBeKey } from './key-heads';
import type { ExchangeDefinition } from '../types';
import { commonWords, freeHosting } from './brand-words';
import type { Label } from './types';

const hostingSet: ReadonlySet<string> = new Set(freeHosting);
const hostingHeads = keyHeads(freeHosting);

/** The free hosting service a host is published on (`pages.dev`), if any: its last two or three labels, looked up. */
export function hostingOf(host: string): string | undefined {
  const last = host.lastIndexOf('.');
  const second = last > 0 ? host.lastIndexOf('.', last - 1) : -1;
  if (second < 0) return undefined;
  if (mayBeKey(hostingHeads, host, second + 1, host.length)) {
    const two = host.slice(second + 1);
    if (hostingSet.has(two)) return two;
  }
  const third = host.lastIndexOf('.', second - 1);
  if (third < 0 || !mayBeKey(hostingHeads, host, third + 1, host.length)) return undefined;
  const three = host.slice(third + 1);
  return hostingSet.has(three) ? three : undefined;
}

/**
 * Host equals an official domain or is a subdomain of one. Official domains are registrable
 * (the meta-test checks), so looking up the host's last two or three labels is exact and needs
 * no public-suffix work: the fast path for every page the user opens.
 */
export function exactMatch(host: string, brands: DomainIndex): { exchange: ExchangeDefinition; domain: string } | undefined {
  let at = host.length;
  for (let labels = 1; labels <= brands.maxDomainLabels; labels++) {
    at = host.lastIndexOf('.', at - 1);
    if (labels === 1) continue;
    if (mayBeKey(brands.domainHeads, host, at + 1, host.length)) {
      const candidate = at < 0 ? host : host.slice(at + 1);
      const exchange = brands.byDomain.get(candidate);
      if (exchange) return { exchange, domain: candidate };
    }
    if (at < 0) break;
  }
  return undefined;
}

/**
 * `login.kraken.com.evil.io`, `coinbase.com-verify.site`, `accounts-binance.com.x`: an official
 * domain worn at the start of a label or after a hyphen, followed by a dot, hyphen or digit (so
 * `gate.io` is not found in `gate.iot.example`).
 */
export function embeddedDomain(host: string, names: readonly string[], brands: BrandIndex): { exchange: ExchangeDefinition; domain: string } | undefined {
  let offset = 0;
  for (const name of names) {
    const hyphen = name.lastIndexOf('-');
    for (let start = 0; start >= 0; start = start === 0 && hyphen >= 0 ? hyphen + 1 : -1) {
      if (!mayBeKey(brands.nameHeads, name, start, name.length)) continue;
      const candidates = brands.domainsByName.get(start === 0 ? name : name.slice(start));
      if (candidates === undefined) continue;
      for (const { domain, exchange } of candidates) {
        const from = offset + start;
        if (!host.startsWith(domain, from)) continue;
        const after = host.charCodeAt(from + domain.length);
        if (after === 0x2e || after === 0x2d || (after >= 0x30 && after <= 0x39)) return { exchange, domain };
      }
    }
    offset += name.length + 1;
  }
  return undefined;
}

/**
 * `mail-celsius.network`, `claims-ftx.com`: a subdomain of an official domain with its dot turned into
 * a hyphen, under the official ending. And `celsius-network.net`, `gate-io.xyz`: an official domain
 * written with a hyphen for its dot, as a name under any ending. A common word as the last token
 * under `.com` (`the-kraken.com`) is somebody's phrase, and a short common word (`star-gate.io`) too:
 * those are left to the brand rules, which want bait beside them.
 */
export function dashedDomain(label: Label, suffix: string, brands: BrandIndex): { exchange: ExchangeDefinition; domain: string } | undefined {
  const tokens = label.rawTokens;
  if (tokens.length < 2) return undefined;
  const last = tokens[tokens.length - 1]!;
  const named = mayBeKey(brands.nameHeads, last, 0, last.length) ? brands.domainsByName.get(last) : undefined;
  const domain = named === undefined ? undefined : `${last}.${suffix}`;
  const exchange = domain === undefined ? undefined : brands.byDomain.get(domain);
  if (domain !== undefined && exchange !== undefined && !(commonWords.has(last) && (suffix === 'com' || last.length <= 4))) return { exchange, domain };
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!mayBeKey(brands.nameHeads, tokens[i]!, 0, tokens[i]!.length)) continue;
    for (const candidate of brands.domainsByName.get(tokens[i]!) ?? none) {
      const written = candidate.domain.split('.');
      if (i + written.length > tokens.length) continue;
      if (written.every((part, j) => tokens[i + j] === part)) return candidate;
    }
  }
  return undefined;
}

const none: readonly { domain: string; exchange: ExchangeDefinition }[] = [];
