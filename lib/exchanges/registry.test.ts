/**
 * The meta-test: every exchange file in this folder is registered, self-consistent and
 * classified the way its own test URLs say. Adding `lib/exchanges/<id>.ts` without registering
 * it, or with a domain another exchange already claims, fails here.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts';
import { exchanges, getExchange } from './registry';
import { classifyUrl } from './classify';
import type { ExchangeDefinition } from './types';

/** Files in this folder that are not exchanges: contracts, the registry and classification code. */
const helperFiles = new Set([
  'types.ts',
  'exchange-id.ts',
  'is-exchange-id.ts',
  'registry.ts',
  'classify.ts',
  'brand-index.ts',
  'skeleton.ts',
  'punycode.ts',
  'hostname.ts',
  'edit-distance.ts',
  'classify-ready.ts',
  'public-suffix.ts',
  'public-suffix-data.ts',
  'brand-target.ts',
  'known-bad.ts',
  'bybit-region.ts',
]);

const folder = dirname(fileURLToPath(import.meta.url));
const exchangeFiles = readdirSync(folder)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.testkit.ts') && !file.endsWith('.d.ts') && !helperFiles.has(file))
  .sort();

const modules = await Promise.all(
  exchangeFiles.map(async (file) => {
    const module = (await import(`./${file}`)) as { default?: ExchangeDefinition };
    return [file, module.default] as const;
  }),
);

describe('the registry', () => {
  it('has one exchange per file, and no exchange without a file', () => {
    expect(exchangeFiles.length).toBeGreaterThan(0);
    expect(exchanges.map((exchange) => `${exchange.id}.ts`).sort()).toEqual(exchangeFiles);
  });

  it('gives each official domain to exactly one exchange', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const exchange of exchanges) {
      for (const domain of exchange.domains) {
        const previous = owner.get(domain.toLowerCase());
        if (previous !== undefined && previous !== exchange.id) clashes.push(`${domain}: ${previous} and ${exchange.id}`);
        owner.set(domain.toLowerCase(), exchange.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = exchanges.map((exchange) => exchange.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique DefiLlama slugs: one background run checks each slug once, from the states it read as it started', () => {
    const slugs = exchanges.flatMap((exchange) => (exchange.defillamaSlug === undefined ? [] : [exchange.defillamaSlug]));
    expect(slugs.filter((slug, index) => slugs.indexOf(slug) !== index)).toEqual([]);
  });
});

describe.each(modules)('%s', (file, definition) => {
  const id = file.slice(0, -'.ts'.length);

  it('default-exports a definition registered in `exchanges` under its file name', () => {
    expect(definition, `${file} has no default export`).toBeDefined();
    expect(definition!.id).toBe(id);
    expect(exchanges).toContain(definition);
    expect(getExchange(id)).toBe(definition);
  });

  it('lists at least one official domain, each a lowercase registrable domain', () => {
    expect(definition!.domains.length).toBeGreaterThan(0);
    for (const domain of definition!.domains) {
      expect(domain, `${domain} should be lowercase`).toBe(domain.toLowerCase());
      expect(getDomain(domain), `${domain} should be a registrable domain (eTLD+1)`).toBe(domain);
    }
  });

  it('cites at least one https source, and every source is an https URL', () => {
    expect(definition!.sources.length).toBeGreaterThan(0);
    for (const source of definition!.sources) {
      expect(() => new URL(source), source).not.toThrow();
      expect(new URL(source).protocol, source).toBe('https:');
    }
  });

  it('gives the day its status was last checked: a real calendar day, not after today, not before its own closure or incidents', () => {
    const checkedOn: unknown = definition!.status.checkedOn;
    expect(typeof checkedOn, `${file} has no status.checkedOn`).toBe('string');
    const day = checkedOn as string;
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Date.parse rolls 2026-02-31 over to March; the round trip does not.
    expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10), `${day} is not a calendar day`).toBe(day);
    expect(day <= new Date().toISOString().slice(0, 10), `${day} is after today`).toBe(true);
    const events = [...(definition!.status.kind === 'operating' ? [] : [definition!.status.date]), ...(definition!.incidents ?? []).map((incident) => incident.date)];
    for (const date of events) expect(date <= day, `${date} is after the status was checked (${day})`).toBe(true);
  });

  it('has test URLs that must and must not match', () => {
    expect(definition!.testUrls.match.length).toBeGreaterThan(0);
    expect(definition!.testUrls.noMatch.length).toBeGreaterThan(0);
  });

  it('classifies each testUrls.match as this exchange', () => {
    for (const url of definition!.testUrls.match) {
      const result = classifyUrl(url);
      expect({ url, verdict: result.verdict, exchange: result.exchange?.id }).toEqual({ url, verdict: 'exchange', exchange: id });
    }
  });

  it('does not classify any testUrls.noMatch as this exchange', () => {
    for (const url of definition!.testUrls.noMatch) {
      const result = classifyUrl(url);
      expect({ url, isThisExchange: result.verdict === 'exchange' && result.exchange?.id === id, reason: result.reason }).toMatchObject({
        url,
        isThisExchange: false,
      });
    }
  });
});
