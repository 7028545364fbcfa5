import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanUrl } from './summary';

describe('cleanUrl', () => {
  it.each([
    ['https://example.com/a?utm_source=x&utm_medium=y&id=3', 'https://example.com/a?id=3'],
    ['https://example.com/a?id=3&fbclid=abc', 'https://example.com/a?id=3'],
    ['https://example.com/?gclid=1&ref=twitter', 'https://example.com/'],
    ['https://example.com/p?UTM_Campaign=z&q=proof+of+reserves', 'https://example.com/p?q=proof+of+reserves'],
    ['https://example.com/p?utm%5Fsource=x&b=2&a=1', 'https://example.com/p?b=2&a=1'],
    ['https://example.com/p?si=abc&msclkid=2&mc_eid=3&igshid=4#section', 'https://example.com/p#section'],
    ['https://user:secret@example.com/p', 'https://example.com/p'],
    ['https://example.com/p?reference=keep&refresh=1', 'https://example.com/p?reference=keep&refresh=1'],
    [' https://example.com/p?a=%E2%9C%93 ', 'https://example.com/p?a=%E2%9C%93'],
  ])('%s → %s', (input, expected) => {
    expect(cleanUrl(input)).toBe(expected);
  });

  it('returns a link with nothing to strip exactly as given', () => {
    const url = 'https://www.binance.com/en/proof-of-reserves';
    expect(cleanUrl(url)).toBe(url);
  });

  it('refuses what is not an http(s) link', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', '', 'ftp://example.com/']) expect(cleanUrl(bad)).toBeUndefined();
  });

  it('leaves no tracking parameter in any link, keeps the others, and is idempotent (property)', () => {
    const tracking = fc.constantFrom('utm_source', 'utm_medium', 'utm_content', 'fbclid', 'gclid', 'ref', 'mc_cid', 'Utm_Term', '_ga');
    const plainName = fc.stringMatching(/^[a-z]{1,8}$/).filter((name) => !/^(ref|si|spm|trk|epik|ncid|scid|igsh|cmpid)$/.test(name));
    fc.assert(
      fc.property(
        fc
          .tuple(fc.domain(), fc.stringMatching(/^(\/[a-z0-9._~-]{0,10}){0,3}$/), fc.stringMatching(/^(#[a-z0-9-]{1,8})?$/))
          .map(([domain, path, hash]) => `https://${domain}${path === '' ? '/' : path}${hash}`),
        fc.array(fc.tuple(fc.boolean(), tracking, plainName, fc.stringMatching(/^[a-z0-9]{0,6}$/)), { maxLength: 6 }),
        (base, params) => {
          const [beforeHash, hash = ''] = base.split('#');
          const query = params.map(([isTracking, t, plain, value]) => `${isTracking ? t : plain}=${value}`).join('&');
          const url = `${beforeHash}${query === '' ? '' : `?${query}`}${hash === '' ? '' : `#${hash}`}`;
          const clean = cleanUrl(url);
          expect(clean).toBeDefined();
          const names = [...new URL(clean!).searchParams.keys()].map((name) => name.toLowerCase());
          expect(names.some((name) => name.startsWith('utm_') || ['fbclid', 'gclid', 'ref', 'mc_cid', '_ga'].includes(name))).toBe(false);
          expect(names).toEqual(params.filter(([isTracking]) => !isTracking).map(([, , plain]) => plain));
          expect(cleanUrl(clean!)).toBe(clean);
        },
      ),
    );
    // Generating web URLs is slow when the whole suite shares the machine.
  }, 30_000);
});
