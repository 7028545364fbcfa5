/**
 * The English sentence of a verdict (for the command line and logs) and the explanation as data
 * that lib/words/lookalike-reason.ts words in the reader's language.
 */
import type { ExchangeDefinition } from '../types';
import type { Evidence, Label, LookalikeExplanation } from './types';

/** "an OKX domain", "a Kraken domain": acronyms are read letter by letter. */
export function article(name: string): string {
  const first = name[0] ?? '';
  const acronym = /^[A-Z0-9.]+$/.test(name.split(/[\s.]/)[0] ?? '');
  return (acronym ? 'AEFHILMNORSX' : 'AEIOUaeiou').includes(first) ? 'an' : 'a';
}

function domainList(exchange: ExchangeDefinition): string {
  return exchange.domains.join(', ');
}

const notTheirsCache = new WeakMap<ExchangeDefinition, string>();

/** "but is not a Kraken domain (Kraken uses kraken.com)", built once per exchange. */
export function notTheirs(exchange: ExchangeDefinition): string {
  let text = notTheirsCache.get(exchange);
  if (text === undefined) {
    text = `but is not ${article(exchange.name)} ${exchange.name} domain (${exchange.name} uses ${domainList(exchange)})`;
    notTheirsCache.set(exchange, text);
  }
  return text;
}

export function describeHost(host: string, labels: readonly Label[], suffix: string): string {
  if (!host.includes('xn--')) return host;
  return `${host} (${labels.map((label) => label.raw).join('.')}.${suffix})`;
}

export function lookalikeReason(display: string, evidence: Evidence): string {
  const { entry, kind, bait } = evidence;
  const brand = `“${entry.token}”`;
  const notIt = notTheirs(entry.exchange);
  switch (kind) {
    case 'homoglyph':
      return `${display} spells the brand ${brand} with look-alike characters${evidence.mixedScripts ? ', mixing Latin with Cyrillic or Greek letters,' : ''} ${notIt}`;
    case 'tld-swap':
      return `${display} is the name ${brand} under a different ending ${notIt}`;
    case 'hyphenated':
      return `${display} splits the brand ${brand} with hyphens ${notIt}`;
    case 'split':
      return `${display} splits the brand ${brand} with a dot ${notIt}`;
    case 'padded':
      return `${display} pads the brand ${brand} with a stray letter or two ${notIt}`;
    case 'hosted':
      return `${display} puts the brand ${brand}${bait ? ` and the bait word “${bait}”` : ''} on ${evidence.hosting}, a free hosting service anyone can publish on, ${notIt}`;
    case 'hosted-typo':
      return `${display} is ${evidence.distance === 1 ? 'one letter' : `${evidence.distance} letters`} away from the brand ${brand} (a typosquat) on ${evidence.hosting}, a free hosting service anyone can publish on, ${notIt}`;
    case 'typo':
      return `${display} is ${evidence.distance === 1 ? 'one letter' : `${evidence.distance} letters`} away from the brand ${brand} (a typosquat) ${notIt}`;
    default:
      return bait ? `${display} contains the brand ${brand} plus the bait word “${bait}” ${notIt}` : `${display} contains the brand ${brand} ${notIt}`;
  }
}

export function explanationOf(display: string, { entry, kind, bait, hosting, distance, mixedScripts }: Evidence): LookalikeExplanation {
  const explanation: LookalikeExplanation = { code: kind, host: display, brand: entry.token };
  if (bait !== undefined) explanation.bait = bait;
  if ((kind === 'hosted' || kind === 'hosted-typo') && hosting !== undefined) explanation.hosting = hosting;
  if (kind === 'typo' || kind === 'hosted-typo') explanation.distance = distance;
  if (kind === 'homoglyph') explanation.mixedScripts = mixedScripts;
  return explanation;
}
