import { describe, expect, test } from 'vitest';
import { localeMessages } from '@/utils/locale-files.testkit';
import { LOCALES, localeTag } from '../locales';
import { rpcOriginsText } from './rpc-origins';
import { translateFrom } from './translate-from';

const en = translateFrom(localeMessages('en'));

describe('rpcOriginsText', () => {
  test('names each computer once, by its origin alone: no path, user name, password or control character', () => {
    const urls = ['http://user:secret@a.example:8545/ Your wallet\u202E', 'http://a.example:8545/other', 'HTTP://B.example/'];
    expect(rpcOriginsText(urls, en, 'en')).toBe('http://a.example:8545 and http://b.example');
  });

  test('three at most, then how many more, in the plural the count takes', () => {
    const urls = (count: number) => Array.from({ length: count }, (_, i) => `http://n${i}.example`);
    expect(rpcOriginsText(urls(3), en, 'en')).toBe('http://n0.example, http://n1.example, and http://n2.example');
    expect(rpcOriginsText(urls(4), en, 'en')).toBe('http://n0.example, http://n1.example, http://n2.example, and 1 more');
    expect(rpcOriginsText(urls(900), en, 'en')).toBe('http://n0.example, http://n1.example, http://n2.example, and 897 more');
  });

  test.each(LOCALES.map((locale) => locale.id))('in %s, "more" has its own words for one and for many', (id) => {
    const t = translateFrom(localeMessages(id));
    const urls = (count: number) => Array.from({ length: count }, (_, i) => `http://n${i}.example`);
    const one = rpcOriginsText(urls(4), t, localeTag(id));
    const many = rpcOriginsText(urls(9), t, localeTag(id));
    expect(one).toContain(t('rpcOriginsMoreOne', '1'));
    expect(many).toContain(t('rpcOriginsMore', '6'));
    expect(many).not.toContain('n3.example');
  });
});
