import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { hashTypedData } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from './sign-warning-list';
import { verifyWarningList, type VerifyWarningListReturnType } from './verify-warning-list';
import { checkSubscription, type WarningSubscription } from './subscription';
import { WARNING_LIST_DOMAIN, WARNING_LIST_TYPES, WarningListError, hashWarningList, type WarningList } from './warning-list';
import messages from '../../public/_locales/en/messages.json';
import { translateFrom } from '../words/translate-from';
import { warningListFailureWithDetail } from '../words/warning-list-words';

const key = generatePrivateKey();
const signer = privateKeyToAccount(key).address;
const now = new Date('2026-11-25T10:00:00Z');
const words = (result: VerifyWarningListReturnType) => (result.ok ? '' : warningListFailureWithDetail(result.failure, translateFrom(messages), 'en'));

function list(lang?: unknown, sequence = 3): Record<string, unknown> {
  return {
    name: 'Börsenwarnungen',
    ...(lang === undefined ? {} : { lang }),
    sequence,
    issued: '2026-11-20T00:00:00Z',
    expires: '2026-12-20T00:00:00Z',
    entries: [
      {
        exchange: 'ftx',
        severity: 'danger',
        title: 'FTX ist insolvent',
        body: 'Keine Einzahlungen.',
        sources: ['https://time.com/6232772/ftx-goes-bankrupt/'],
        published: '2026-11-20T00:00:00Z',
        expires: '2027-11-20T00:00:00Z',
      },
    ],
  };
}

describe('a warning list says its language (lang)', () => {
  it('signs and verifies a list with a language tag, kept as written', async () => {
    for (const lang of ['de', 'pt-BR', 'zh-Hant-TW', 'en-gb']) {
      const { envelope } = await signWarningList({ list: list(lang), privateKey: key });
      const result = await verifyWarningList({ body: JSON.stringify(envelope), expectedSigner: signer, now });
      expect(result.ok, words(result)).toBe(true);
      if (result.ok) expect(result.list.lang).toBe(lang);
    }
  });

  it('still verifies a list without lang, with the same digest as before lang existed', async () => {
    const { envelope, hash } = await signWarningList({ list: list(), privateKey: key });
    const result = await verifyWarningList({ body: envelope, expectedSigner: signer, now });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.list).not.toHaveProperty('lang');
    const { entries, sequence, ...head } = list() as unknown as WarningList;
    expect(hash).toBe(hashTypedData({ domain: WARNING_LIST_DOMAIN, types: WARNING_LIST_TYPES, primaryType: 'WarningList', message: { ...head, sequence: BigInt(sequence), entries } }));
    // The sample list, signed before lang existed, still verifies.
    const sample = readFileSync(new URL('../../tests/fixtures/warning-lists/sample.signed.json', import.meta.url), 'utf8');
    expect((await verifyWarningList({ body: sample, expectedSigner: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', now })).ok).toBe(true);
  });

  it('refuses a tag that is not BCP 47, in plain words naming the field', async () => {
    for (const bad of ['en_US', '', 'de-', 'x-private', 'English', 'a'.repeat(36), 42]) {
      const { envelope } = await signWarningList({ list: list('de'), privateKey: key });
      const body = { ...envelope, list: { ...envelope.list, lang: bad } };
      const result = await verifyWarningList({ body, expectedSigner: signer, now });
      expect(result.ok, String(bad)).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe('malformed');
      expect(words(result)).toMatch(/lang: lang (must be|is longer)/);
      await expect(signWarningList({ list: list(bad), privateKey: key })).rejects.toThrow(WarningListError);
    }
  });

  it('refuses a well-formed tag longer than 35 characters by its length', async () => {
    const long = 'en-US-x-aaaaaaaa-bbbbbbbb-cccccccc-d';
    expect([long.length, Intl.getCanonicalLocales(long)]).toEqual([36, [long]]);
    const { envelope } = await signWarningList({ list: list('de'), privateKey: key });
    const result = await verifyWarningList({ body: { ...envelope, list: { ...envelope.list, lang: long } }, expectedSigner: signer, now });
    expect(words(result)).toContain('lang: lang is longer than 35 characters');
    await expect(signWarningList({ list: list('en-US-x-aaaaaaaa-bbbbbbbb-ccccccc-d'), privateKey: key })).resolves.toBeDefined();
  });

  it('signs lang: a changed, removed or added tag no longer verifies as the maintainer', async () => {
    const withLang = (await signWarningList({ list: list('de'), privateKey: key })).envelope;
    const without = (await signWarningList({ list: list(), privateKey: key })).envelope;
    const { lang: _lang, ...stripped } = withLang.list;
    for (const forged of [
      { ...withLang, list: { ...withLang.list, lang: 'fr' } },
      { ...withLang, list: stripped },
      { ...without, list: { ...without.list, lang: 'de' } },
    ]) {
      const result = await verifyWarningList({ body: forged, expectedSigner: signer, now });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('wrong-signer');
    }
    expect(hashWarningList(withLang.list)).not.toBe(hashWarningList(without.list));
  });

  it('keeps the last good list when a newer one carries a bad tag', async () => {
    const good = (await signWarningList({ list: list('de', 3), privateKey: key })).envelope;
    const state: WarningSubscription = { url: 'https://lists.example/de.json', expectedSigner: signer, lastCheck: null };
    const held = await checkSubscription({ state, fetched: { ok: true, body: JSON.stringify(good) }, now });
    const next = (await signWarningList({ list: list('de', 4), privateKey: key })).envelope;
    const bad = { ...next, list: { ...next.list, lang: 'de_DE' } };
    const after = await checkSubscription({ state: held, fetched: { ok: true, body: JSON.stringify(bad) }, now });
    expect(after.lastGood).toEqual(held.lastGood);
    expect(after.lastGood?.list.lang).toBe('de');
    expect(after.lastError?.code).toBe('malformed');
  });
});
