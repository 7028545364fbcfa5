import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'tldts';
import { describe, expect, test } from 'vitest';
import { exchanges } from '../exchanges/registry';

/**
 * No fact we show may rest on a repost, SEO, aggregator, casino, user-upload or wiki-mirror
 * site. The denylist lives in tests/fixtures/source-denylist.txt: one registrable domain per
 * line (its subdomains are refused too), or a domain with a path for one section of a site
 * (`binance.com/en/square`: the exchange's own user posts, not its announcements).
 */

const ROOT = join(import.meta.dirname, '../..');

interface DenyEntry {
  domain: string;
  /** Lowercase path prefix, starting with "/"; empty for the whole domain. */
  path: string;
  line: string;
}

function readDenylist(text: string): DenyEntry[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/\s#.*$/, '')
        .trim()
        .toLowerCase(),
    )
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const slash = line.indexOf('/');
      return slash === -1 ? { domain: line, path: '', line } : { domain: line.slice(0, slash), path: line.slice(slash), line };
    });
}

const denylist = readDenylist(readFileSync(join(ROOT, 'tests/fixtures/source-denylist.txt'), 'utf8'));

/** The denylist line a URL falls under, `unparsable` when it has no host, or undefined when it is allowed. */
function deniedBy(url: string): string | undefined {
  const host = parse(url).hostname?.toLowerCase();
  if (host === undefined || host === null || host === '') return 'unparsable';
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return 'unparsable';
  }
  const entry = denylist.find(({ domain, path: prefix }) => (host === domain || host.endsWith(`.${domain}`)) && path.startsWith(prefix));
  return entry?.line;
}

interface Citation {
  where: string;
  url: string;
}

function offenders(citations: readonly Citation[]): string[] {
  return citations.flatMap(({ where, url }) => {
    const line = deniedBy(url);
    return line === undefined ? [] : [`${where}: ${url} (${line})`];
  });
}

/** Every string under one of `keys`, at any depth, with the JSON path it sits at. */
function citationsIn(value: unknown, keys: ReadonlySet<string>, where: string): Citation[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citationsIn(item, keys, `${where}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = `${where}.${key}`;
    if (keys.has(key) && typeof item === 'string') return [{ where: path, url: item }];
    return citationsIn(item, keys, path);
  });
}

function registryCitations(): Citation[] {
  return exchanges.flatMap((exchange) => {
    const at = (field: string) => `lib/exchanges/${exchange.id}.ts ${field}`;
    const found: Citation[] = exchange.sources.map((url, index) => ({ where: at(`sources[${index}]`), url }));
    (exchange.incidents ?? []).forEach((incident, index) => {
      found.push({ where: at(`incidents[${index}].source`), url: incident.source });
    });
    if (exchange.status.kind !== 'operating') found.push({ where: at('status.source'), url: exchange.status.source });
    if (exchange.withdrawal !== undefined) found.push(...citationsIn(exchange.withdrawal, new Set(['source', 'url', 'settingsUrl']), `lib/exchanges/${exchange.id}.ts withdrawal`));
    if (exchange.porUrl !== undefined) found.push({ where: at('porUrl'), url: exchange.porUrl });
    return found;
  });
}

describe('source denylist', () => {
  test('is read as domains and domain/path prefixes, comments and blank lines skipped', () => {
    expect(readDenylist('# a comment\n\nExample.com\nexample.org/news  # one section\n')).toEqual([
      { domain: 'example.com', path: '', line: 'example.com' },
      { domain: 'example.org', path: '/news', line: 'example.org/news' },
    ]);
    expect(denylist.length).toBeGreaterThan(10);
    for (const { domain } of denylist) expect(parse(`https://${domain}/`).hostname).toBe(domain);
  });

  test.each([
    ['https://casinoview.org/binance-reserves', 'casinoview.org'],
    ['https://www.casinoview.org/x', 'casinoview.org'],
    ['https://amp.EUROMAN.org/a', 'euroman.org'],
    ['https://www.binance.com/en/square/post/123', 'binance.com/en/square'],
    ['https://www.binance.com/EN/Square/post/123', 'binance.com/en/square'],
    ['not a url', 'unparsable'],
  ])('refuses %s', (url, line) => {
    expect(deniedBy(url)).toBe(line);
  });

  test.each([
    'https://www.binance.com/en/proof-of-reserves',
    'https://notcasinoview.org/',
    'https://casinoview.org.example.com/',
    'https://www.reuters.com/markets/',
    'https://example.com/casinoview.org',
  ])('lets %s through', (url) => {
    expect(deniedBy(url)).toBeUndefined();
  });

  test('no registry file cites a denied source (testUrls are not citations)', () => {
    const citations = registryCitations();
    expect(citations.length).toBeGreaterThan(exchanges.length);
    expect(offenders(citations)).toEqual([]);
  });

  test('no reviewed PoR file in data/por cites a denied source or verifier', () => {
    const dir = join(ROOT, 'data/por');
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const citations = files.flatMap((name) => citationsIn(JSON.parse(readFileSync(join(dir, name), 'utf8')), new Set(['source', 'verifier']), `data/por/${name}`));
    expect(citations.length).toBeGreaterThanOrEqual(files.length);
    expect(offenders(citations)).toEqual([]);
  });

  test('the bundled snapshot cites no denied source, breakdown source, verifier or claim source', () => {
    const snapshot: unknown = JSON.parse(readFileSync(join(ROOT, 'data/snapshot.json'), 'utf8'));
    const citations = citationsIn(snapshot, new Set(['source', 'breakdownSource', 'verifier', 'claimSource']), 'data/snapshot.json');
    expect(citations.length).toBeGreaterThan(0);
    expect(offenders(citations)).toEqual([]);
  });
});
