import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { proofSchemaProblems, type ProofFailure, type ProofFailureCode } from '../proofs/types';
import { verifyInclusionProof } from '../proofs/verify-inclusion-proof';
import { formatByteSize } from './format';
import { PROOF_FAILURE_KEYS, PROOF_PROBLEM_KEYS, proofFailureText } from './proof-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

/** One failure of every code, with figures, so each sentence is rendered once per locale. */
const SAMPLES: { [C in ProofFailureCode]: Extract<ProofFailure, { code: C }> } = {
  cancelled: { code: 'cancelled' },
  'unknown-format': { code: 'unknown-format', requested: 'binance' },
  'too-large': { code: 'too-large', maxBytes: 2_000_000 },
  'not-text': { code: 'not-text' },
  empty: { code: 'empty' },
  'not-json': { code: 'not-json' },
  'not-object': { code: 'not-object' },
  'too-many-values': { code: 'too-many-values' },
  'text-too-long': { code: 'text-too-long' },
  'too-deep': { code: 'too-deep' },
  'not-a-proof': { code: 'not-a-proof' },
  'root-length': { code: 'root-length', length: 16 },
  unexpected: { code: 'unexpected', detail: 'x is undefined' },
  schema: { code: 'schema', field: 'path.3.hash', problem: 'hash-hex64' },
  'same-side': { code: 'same-side' },
  'asset-twice': { code: 'asset-twice' },
  'node-height': { code: 'node-height', node: 4, found: 7, expected: 4 },
  'node-level': { code: 'node-level', node: 2, found: 9, expected: 24 },
  'mixed-amounts': { code: 'mixed-amounts' },
  'leaf-not-decimal': { code: 'leaf-not-decimal' },
  'node-not-decimal': { code: 'node-not-decimal', node: 3 },
  'leaf-missing-balance': { code: 'leaf-missing-balance', asset: 'USDC' },
  'node-missing-balance': { code: 'node-missing-balance', node: 5, asset: 'USDC' },
  'leaf-extra-assets': { code: 'leaf-extra-assets' },
  'node-extra-assets': { code: 'node-extra-assets', node: 5 },
  'sibling-asset-count': { code: 'sibling-asset-count', step: 6, found: 3, expected: 4 },
  'sibling-asset-order': { code: 'sibling-asset-order', step: 6, asset: 'ETH' },
  'leaf-hash': { code: 'leaf-hash', computed: 'aa11', written: 'bb22' },
  'root-hash': { code: 'root-hash', computed: 'cc33', written: 'dd44' },
  'root-sums': { code: 'root-sums' },
  'root-height': { code: 'root-height', written: 24, computed: 23 },
};

describe('proof failure words', () => {
  test('every failure code and schema problem has its sentence in every locale, each figure filled in', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const messages = read(locale);
      const t = translateFrom(messages);
      for (const key of [...Object.values(PROOF_FAILURE_KEYS), ...Object.values(PROOF_PROBLEM_KEYS), 'verifyProofFailSchemaField' as const]) {
        expect(messages[key]?.message, `${locale}:${key}`).toBeTruthy();
      }
      for (const failure of Object.values(SAMPLES)) {
        const text = proofFailureText({ failure, format: 'bitget' }, t, locale.replace('_', '-'));
        expect(text, `${locale}:${failure.code}`).not.toBe('');
        expect(text, `${locale}:${failure.code}`).not.toMatch(/\$\d/);
        for (const figure of Object.entries(failure)) {
          if (figure[0] === 'code' || figure[0] === 'detail' || figure[0] === 'problem') continue;
          // A size is said in its unit ("2 MB"), not in bytes.
          if (figure[0] === 'maxBytes') {
            expect(text, `${locale}:${failure.code}`).toContain(formatByteSize(Number(figure[1]), locale.replace('_', '-')));
            continue;
          }
          expect(text, `${locale}:${failure.code} shows its ${figure[0]}`).toContain(String(figure[1]));
        }
      }
      for (const problem of proofSchemaProblems) {
        expect(proofFailureText({ failure: { code: 'schema', field: '', problem }, format: 'okx-v1' }, t), `${locale}:${problem}`).not.toMatch(/\$\d|^$/);
      }
    }
  });

  test('the English is the sentence the page and the command line show', () => {
    const t = translateFrom(read('en'));
    expect(proofFailureText({ failure: SAMPLES['leaf-hash'], format: 'okx-v1' }, t)).toBe(
      'Your leaf does not match its balances: hashing them gives aa11, the file says bb22. The balances or identifiers in the file were changed.',
    );
    expect(proofFailureText({ failure: SAMPLES.schema, format: 'okx-v1' }, t)).toBe('Not a valid OKX v1 proof: path.3.hash: A hash must be 64 hex characters.');
    expect(proofFailureText({ failure: { code: 'schema', field: 'path', problem: 'path-long' }, format: 'bybit' }, t)).toBe(
      'Not a valid Bybit proof: path: The path is longer than 64 steps; no exchange tree is that deep.',
    );
    expect(proofFailureText({ failure: SAMPLES['unknown-format'] }, t)).toBe('Unknown proof format “binance”. Known: okx-v1, bybit, bitget.');
    expect(proofFailureText({ failure: SAMPLES['unknown-format'] }, translateFrom(read('zh_CN')), 'zh-CN')).toContain('okx-v1、bybit、bitget');
    expect(proofFailureText({ failure: SAMPLES['unknown-format'] }, translateFrom(read('de')), 'de')).toContain('okx-v1, bybit und bitget');
    // A bug's own message stays out of the user's sentence.
    expect(proofFailureText({ failure: SAMPLES.unexpected }, t)).toBe('The proof could not be checked.');
  });

  test('a sibling that lists one asset says so in the singular, in every locale (a balance list may hold one asset)', () => {
    const one = { code: 'sibling-asset-count', step: 3, found: 1, expected: 2 } as const;
    const plural = /\b1 (?:assets|Assets|actifs|activos|ativos|tillgångar)\b/;
    for (const locale of locales) {
      const text = proofFailureText({ failure: one, format: 'bitget' }, translateFrom(read(locale)), locale.replace('_', '-'));
      expect(text, locale).not.toMatch(plural);
      expect(text, locale).not.toMatch(/\$\d/);
      expect(text, locale).toContain('3');
    }
    expect(proofFailureText({ failure: one }, translateFrom(read('en')))).toBe('Step 3: the sibling lists 1 asset where the path has 2.');
  });

  test('a failed check returns a code and figures, never a sentence', async () => {
    const inputs: unknown[] = [
      '',
      'not json',
      '[]',
      '{"proof":1}',
      new Uint8Array([0xff]),
      '{"self":{"nonce":"a","balances":{}},"path":[]}',
      JSON.stringify({ self: { userHash: 'x', balance: { BTC: '1' } }, path: [1] }),
    ];
    for (const file of inputs) {
      const result = await verifyInclusionProof({ file });
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('reason');
      if (!result.ok) {
        expect(Object.keys(PROOF_FAILURE_KEYS)).toContain(result.failure.code);
        // Figures only: no value of the failure reads as a sentence.
        for (const value of Object.values(result.failure)) expect(String(value)).not.toMatch(/\w+ \w+ \w+/);
      }
    }
  });

  test('lib/proofs words nothing a user reads: no sentence in a result or a schema message', () => {
    for (const file of readdirSync(join(root, 'lib/proofs')).filter((name) => name.endsWith('.ts') && !name.includes('.test.'))) {
      const source = readFileSync(join(root, 'lib/proofs', file), 'utf8');
      expect(source, file).not.toMatch(/reason:/);
      // A schema's message is a problem code (`problem('hash-hex64')`), never English.
      expect(source, file).not.toMatch(/v\.(?:string|regex|picklist|check|array|minLength|maxLength|strictObject|union)\([^)]*'[A-Z][a-z]+ [^']*'/);
    }
  });
});

describe('proof failure words fit a pasted proof and a chosen file alike', () => {
  // A proof comes pasted or as a chosen file; the advice after a failure cannot assume either.
  const PASTE: Record<string, RegExp> = { en: /\bpast/i, es: /\bpeg[ao]/i, pt_BR: /\bcol[ae]\b/i, fr: /\bcoll[ez]/i, de: /\bfügen\b.*\bein\b/i, sv: /\bklistra/i, tr: /yapıştır/i, zh_CN: /粘贴/ };
  for (const locale of Object.keys(PASTE)) {
    test(`${locale}: "download again" and "not JSON" say nothing of pasting`, () => {
      const words = read(locale);
      for (const key of ['verifyProofFailedHint', 'verifyProofFailNotJson'] as const) expect(words[key]?.message).not.toMatch(PASTE[locale]!);
    });
  }

  test('no English sentence puts "a" or "an" before a name filled in later ("a OKX v1 root")', () => {
    const english = read('en');
    const wrong = Object.entries(english).filter(([, entry]) => /\b(a|an) \$\d/i.test(entry.message));
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});
