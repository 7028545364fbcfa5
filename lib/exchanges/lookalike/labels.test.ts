import { expect, test } from 'vitest';
import { classify } from '../classify';
import { decodeIdnLabel } from '../punycode';
import { skeleton } from '../skeleton';
import { labelOf, namesBefore } from './labels';

/** The plain reading the char-code scans of labels.ts must match: regular-expression splits. */
function splitReference(text: string): string[] {
  if (!text.includes('-') && !text.includes('_')) return [text];
  return text.split(/[-_]+/).filter((token) => token !== '');
}

function labelReference(name: string) {
  const raw = decodeIdnLabel(name);
  const tokens = splitReference(skeleton(raw));
  const rawTokens = splitReference(raw);
  return { raw, skeleton: skeleton(raw), tokens, rawTokens: rawTokens.length === tokens.length ? rawTokens : tokens, contexts: undefined };
}

test.each([
  'binance',
  'b1nance-log1n',
  'coinbase--support_',
  '-',
  '_-_',
  'a--b',
  'kuciorn-vvallet',
  'rn-i',
  'bіnance-login',
  'xn--bnance-bwa',
  // Combining marks alone: the skeleton is empty, and the label is one empty token, as the split reads it.
  '\u0301',
  '\u0301\u0300',
])('labelOf(%j) cuts tokens as the regular-expression split does', (name) => {
  expect(labelOf(name)).toEqual(labelReference(name));
});

test.each([
  ['www.binance.com', 11],
  ['a.b.c.example.co.uk', 15],
  ['example.com', 7],
  ['x.pages.dev', 1],
])('namesBefore(%j, %i) is the labels before the ending', (host, end) => {
  expect(namesBefore(host, end)).toEqual(host.slice(0, end).split('.'));
});

test('a subdomain of combining marks alone is judged, not thrown on', () => {
  expect(classify('www.\u0301.com').verdict).toBe('unknown');
});
