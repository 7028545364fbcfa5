import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PorMethodSchema } from '../reserves/schema';
import type { RiskReason } from '../risk/grade';
import { reasonText } from './reason-text';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const words = (locale: string) => translateFrom(JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages);
const now = new Date('2025-03-01T00:00:00Z');
const methods: readonly string[] = PorMethodSchema.options;
const said = (locale: string, method: string) =>
  reasonText({ metric: 'por.method', code: 'por.method', value: method, threshold: 3, effect: 'caution', params: { strength: 2 } } as RiskReason, words(locale), locale.replace('_', '-'), now);

describe('the proof-of-reserves method named after the colon of its reason', () => {
  test('is in lower case where the language writes a word after a colon so, its proper names kept (fr, es, pt_BR, sv, tr, en)', () => {
    expect(methods.length).toBeGreaterThanOrEqual(5);
    for (const locale of ['en', 'fr', 'es', 'pt_BR', 'sv', 'tr']) {
      for (const method of methods) {
        const after = said(locale, method).split(/\s:\s|:\s/)[1] ?? '';
        expect(after, `${locale} ${method}`).not.toBe('');
        // A proper name keeps its capital ("Merkle tree").
        if (after.startsWith('Merkle')) continue;
        expect(after[0], `${locale} ${method}: ${after}`).toBe(after[0]!.toLocaleLowerCase(locale.replace('_', '-')));
      }
    }
    expect(said('fr', 'zk-proof')).toBe(
      "Méthode de preuve de réserves\u00a0: preuve cryptographique (zk) de l'ensemble des soldes clients (force probante 2 sur 4\u202f; en dessous de 3, c'est un signal d'alerte).",
    );
    expect(said('en', 'merkle-liabilities')).toContain(': Merkle tree with liabilities (');
    expect(said('tr', 'auditor-attestation')).toContain(': denetçi onayı (');
  });

  test('keeps its capital in German, where nouns are written so; an adjective or "nur", "kein" opens it in lower case there too', () => {
    expect(said('de', 'auditor-attestation')).toContain(': Bestätigung eines Prüfers (');
    expect(said('de', 'merkle-liabilities')).toContain(': Merkle-Baum mit Verbindlichkeiten (');
    expect(said('de', 'wallet-list')).toContain(': nur Wallet-Liste (');
  });

  test('every language names every method in it, and no bracket follows another ("(zk) (strength…")', () => {
    for (const locale of locales) {
      for (const method of methods) {
        expect(said(locale, method), `${locale} ${method}`).not.toMatch(/reason_|porMethod|\)\s?\(|）（/);
      }
    }
  });
});
