import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as fixturePath from '../../tests/fixtures/domains/brand-target';
import { brandMatch, brandTarget } from './brand-target';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../tests/fixtures/domains/${name}`, import.meta.url)), 'utf8');

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

describe('brandTarget', () => {
  it('is the one the corpus builders import through the fixture path', () => {
    expect(fixturePath.brandTarget).toBe(brandTarget);
    expect(fixturePath.brandMatch).toBe(brandMatch);
  });

  it('ties every host of phishing.txt to the exchange the rule gave when the file was generated', () => {
    const table = rows(fixture('phishing.txt'));
    expect(table.length).toBeGreaterThan(1000);
    const differ = table.filter(([host, id]) => brandTarget(host!) !== id).map(([host, id]) => `${host}: ${id} → ${brandTarget(host!)}`);
    expect(differ).toEqual([]);
  });

  it('finds a brand in every host of the held-out set, which was selected by it', () => {
    const table = rows(fixture('heldout/phishing.tsv'));
    expect(table.length).toBeGreaterThan(500);
    const missing = table.filter(([host]) => brandMatch(host!) === undefined).map(([host]) => host);
    expect(missing).toEqual([]);
    const brandRows = table.filter(([host]) => brandMatch(host!)?.via === 'brand');
    expect(brandRows.filter(([host, id]) => brandMatch(host!)!.id !== id).map(([host]) => host)).toEqual([]);
  });

  it('names the word it matched, and leaves reviewed real names alone', () => {
    expect(brandMatch('binance-verify.example.com')).toEqual({ id: 'binance', via: 'brand', word: 'binance' });
    expect(brandMatch('login.okx-support.top')).toMatchObject({ id: 'okx', via: 'brand' });
    expect(brandMatch('github.com')).toBeUndefined();
    expect(brandMatch('bitmain.com')).toBeUndefined();
  });
});
