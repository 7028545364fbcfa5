/**
 * The withdrawal facts the guide shows ("Where to click on <exchange>") come from each
 * exchange's own pages, each with its source and date, and what was not confirmed says so.
 * Adding a fact without a source on the exchange's own domains, or dropping one of the largest
 * exchanges' entries, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts';
import { exchanges, getExchange } from './registry';
import type { ExchangeDefinition, WithdrawalFacts } from './types';

const ROOT = join(import.meta.dirname, '../..');
const largest = (JSON.parse(readFileSync(join(ROOT, 'data/largest-exchanges.json'), 'utf8')) as { exchanges: string[] }).exchanges.slice(0, 15);

type KnownFact = Exclude<WithdrawalFacts[keyof WithdrawalFacts], { status: 'unknown' }>;

function knownFacts(withdrawal: WithdrawalFacts): Array<[string, KnownFact]> {
  return Object.entries(withdrawal).filter((entry): entry is [string, KnownFact] => entry[1].status !== 'unknown');
}

/** Every address a fact carries: its source and any page the guide links. */
function urlsOf(fact: KnownFact): string[] {
  const urls = [fact.source];
  if ('url' in fact) urls.push(fact.url);
  if ('settingsUrl' in fact && fact.settingsUrl !== undefined) urls.push(fact.settingsUrl);
  return urls;
}

/** The registrable domain of a URL when it is https and one of the exchange's own, else why not. */
function ownDomainProblem(exchange: ExchangeDefinition, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.replace('{asset}', 'BTC'));
  } catch {
    return `${url} is not a URL`;
  }
  if (parsed.protocol !== 'https:') return `${url} is not https`;
  if (parsed.username !== '' || parsed.password !== '') return `${url} carries credentials`;
  const domain = getDomain(parsed.hostname);
  return domain !== null && exchange.domains.includes(domain) ? null : `${url} is not on ${exchange.domains.join(', ')}`;
}

const withFacts = exchanges.filter((exchange) => exchange.withdrawal !== undefined);

describe('withdrawal facts', () => {
  it('exist for each of the 15 largest exchanges, even when mostly unknown', () => {
    expect(largest).toHaveLength(15);
    for (const id of largest) expect(getExchange(id)?.withdrawal, id).toBeDefined();
  });

  it('are all confirmed for at least one of them (the guide e2e shows that one)', () => {
    const complete = largest.filter((id) => knownFacts(getExchange(id)!.withdrawal!).length === 4);
    expect(complete).toContain('okx');
  });

  describe.each(withFacts.map((exchange) => [exchange.id, exchange] as const))('%s', (_id, exchange) => {
    const facts = knownFacts(exchange.withdrawal!);

    it("cites only https pages on the exchange's own registered domains", () => {
      const problems = facts.flatMap(([, fact]) => urlsOf(fact).map((url) => ownDomainProblem(exchange, url))).filter((problem) => problem !== null);
      expect(problems).toEqual([]);
    });

    it('gives every known fact a source and a real, past date, stated or seen', () => {
      for (const [topic, fact] of facts) {
        expect(fact.source, topic).toMatch(/^https:\/\//);
        expect(fact.asOf, topic).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${fact.asOf}T00:00:00Z`).toISOString().slice(0, 10), topic).toBe(fact.asOf);
        expect(Date.parse(fact.asOf), topic).toBeLessThanOrEqual(Date.now());
        expect(['stated', 'seen'], topic).toContain(fact.dated);
      }
    });

    it('keeps each fact in its own topic, with sane figures and menu labels', () => {
      const { page, whitelist, newAddressLock, networkFees } = exchange.withdrawal!;
      expect(['unknown', 'deep-link', 'menu']).toContain(page.status);
      expect(['unknown', 'offered', 'always-on', 'not-offered']).toContain(whitelist.status);
      expect(['unknown', 'hold', 'none']).toContain(newAddressLock.status);
      expect(['unknown', 'fee-page', 'withdrawal-form', 'in-account']).toContain(networkFees.status);
      if (page.status === 'deep-link') expect(page.url.replace('{asset}', ''), 'only {asset} may be filled in').not.toMatch(/[{}]/);
      if (newAddressLock.status === 'hold' && newAddressLock.hours !== null) {
        expect(Number.isInteger(newAddressLock.hours)).toBe(true);
        expect(newAddressLock.hours).toBeGreaterThan(0);
        expect(newAddressLock.hours).toBeLessThanOrEqual(24 * 30);
      }
      for (const [topic, fact] of facts) {
        if ('menuPath' in fact && fact.menuPath !== undefined) {
          expect(fact.menuPath.length, topic).toBeGreaterThan(0);
          for (const label of fact.menuPath) expect(label.trim(), topic).not.toBe('');
        }
      }
    });
  });
});

describe('the own-domain check', () => {
  const okx = getExchange('okx')!;
  it.each([
    ['https://www.okx.com/help/how-do-i-enable-allowlist-web', null],
    ['https://aws.okx.com/help/x', null],
    ['https://www.okex.com/help/x', null],
    ['http://www.okx.com/help/x', 'http://www.okx.com/help/x is not https'],
    ['https://okx.com.example.net/help', 'https://okx.com.example.net/help is not on okx.com, okex.com'],
    ['https://www.okx-help.com/', 'https://www.okx-help.com/ is not on okx.com, okex.com'],
    ['https://user:pw@www.okx.com/', 'https://user:pw@www.okx.com/ carries credentials'],
  ])('%s', (url, problem) => {
    expect(ownDomainProblem(okx, url)).toBe(problem);
  });
});
