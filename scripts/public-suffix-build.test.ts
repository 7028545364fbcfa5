import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { getDomain, getDomainWithoutSuffix, getPublicSuffix, getSubdomain, parse } from 'tldts';
// @ts-expect-error tldts publishes no types for its data module: the data the bundle would carry, compared below.
import * as trieModule from 'tldts/dist/es6/src/data/trie.js';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { PUBLIC_SUFFIX_FILE, publicSuffixFile, publicSuffixPlugin } from '../modules/public-suffix-on-first-use';
import { decodePublicSuffixData, type PublicSuffixTrie } from '../lib/exchanges/public-suffix-data';
import { exchanges } from '../lib/exchanges/registry';

/** tldts itself, list included, as the unit tests and the command line use it. */
const tldts = { getPublicSuffix, getDomain, getDomainWithoutSuffix, getSubdomain, parse };
type Shipped = typeof tldts & { publicSuffixReady(): Promise<void> };

const trie = trieModule as PublicSuffixTrie;
const ENTRY = '\0entry';
const root = join(import.meta.dirname, '..');

/** tldts and lib/exchanges/public-suffix.ts as the extension's build ships them (modules/public-suffix-on-first-use.ts). */
let code: string;
beforeAll(async () => {
  const bundle = await rolldown({
    input: ENTRY,
    cwd: root,
    plugins: [
      {
        name: 'entry',
        resolveId: (source) => (source === ENTRY ? ENTRY : undefined),
        load: (id) =>
          id === ENTRY
            ? `export { publicSuffixReady } from ${JSON.stringify(join(root, 'lib/exchanges/public-suffix.ts'))};\nexport { getPublicSuffix, getDomain, getDomainWithoutSuffix, getSubdomain, parse } from 'tldts';`
            : undefined,
      },
      publicSuffixPlugin(),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  code = output[0].code;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

let instance = 0;
/** A fresh copy of the shipped modules, reading the list file with the given fetch. */
async function shipped(fetch: (url: URL) => Promise<Response>): Promise<{ module: Shipped; asked: string[] }> {
  const asked: string[] = [];
  vi.stubGlobal('location', { href: 'chrome-extension://abcdefghijklmnop/background.js' });
  vi.stubGlobal('fetch', (url: URL) => {
    asked.push(String(url));
    return fetch(url);
  });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(`${code}\n// ${instance++}`).toString('base64')}`)) as Shipped;
  return { module, asked };
}

const file = () => Promise.resolve(new Response(publicSuffixFile().slice().buffer as ArrayBuffer));

/** Multi-level suffixes, wildcards and exceptions, private and ICANN sections, and the registry's own domains. */
const HOSTS = [
  'www.example.co.uk',
  'example.co.uk',
  'co.uk',
  'someone.github.io',
  'github.io',
  'a.b.my-site.pages.dev',
  'city.kawasaki.jp',
  'www.city.kawasaki.jp',
  'foo.kawasaki.jp',
  'a.foo.kawasaki.jp',
  'www.ck',
  'shop.example.ck',
  'foo.bar.bd',
  'kraken-login.com',
  'binance.com.evil.io',
  'coinbase.vercel.app',
  'x.y.s3.amazonaws.com',
  'krakenz.top',
  'xn--binnce-4ya.com',
  'mail.example.xn--p1ai',
  'example.unknownending',
  'localhost',
  ...exchanges.flatMap((exchange) => exchange.domains.map((domain) => `www.${domain}`)),
];
const FUNCTIONS = ['getPublicSuffix', 'getDomain', 'getDomainWithoutSuffix', 'getSubdomain'] as const;

describe('the public-suffix list as a file of the extension (issue 16)', () => {
  test("the file holds tldts' own list, exactly", () => {
    const decoded = decodePublicSuffixData(publicSuffixFile().slice().buffer as ArrayBuffer);
    expect(decoded.labelText).toBe(trie.labelText);
    expect(decoded.rulesRoot).toBe(trie.rulesRoot);
    expect(decoded.exceptionsRoot).toBe(trie.exceptionsRoot);
    for (const name of ['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild'] as const) {
      expect(decoded[name].constructor).toBe(trie[name].constructor);
      expect([...decoded[name]]).toEqual([...trie[name]]);
    }
  });

  test('the shipped script holds none of the list, and answers as tldts does once it has read the file', async () => {
    expect(code).not.toContain('kawasakinagoyasendai');
    expect(code.length).toBeLessThan(40_000);
    const { module, asked } = await shipped(file);
    expect(() => module.getPublicSuffix('www.example.co.uk')).toThrow(/before it was read/);
    await Promise.all([module.publicSuffixReady(), module.publicSuffixReady()]);
    expect(asked).toEqual([`chrome-extension://abcdefghijklmnop/${PUBLIC_SUFFIX_FILE}`]);
    for (const options of [{}, { allowPrivateDomains: true }]) {
      for (const host of HOSTS) {
        for (const name of FUNCTIONS) expect(module[name](host, options), `${name}(${host}, ${JSON.stringify(options)})`).toBe(tldts[name](host, options));
        expect(module.parse(`https://${host}/path`, options)).toEqual(tldts.parse(`https://${host}/path`, options));
      }
    }
    expect(module.getPublicSuffix('www.city.kawasaki.jp')).toBe('kawasaki.jp');
    expect(module.getPublicSuffix('foo.kawasaki.jp')).toBe('foo.kawasaki.jp');
    expect(module.getPublicSuffix('someone.github.io', { allowPrivateDomains: true })).toBe('github.io');
    await module.publicSuffixReady();
    expect(asked).toHaveLength(1);
  });

  test('a missing or damaged file gives a plain-words error and no answer; a later call reads it again', async () => {
    let answer = () => Promise.resolve(new Response('not found', { status: 404 }));
    const { module, asked } = await shipped(() => answer());
    await expect(module.publicSuffixReady()).rejects.toThrow(/could not read the public-suffix list .*answered 404/);
    expect(() => module.getDomain('kraken-login.com')).toThrow(/before it was read/);
    answer = () => Promise.resolve(new Response(publicSuffixFile().slice(0, 5000)));
    await expect(module.publicSuffixReady()).rejects.toThrow(/could not read the public-suffix list .*damaged/);
    answer = file;
    await module.publicSuffixReady();
    expect(module.getDomain('kraken-login.com')).toBe('kraken-login.com');
    expect(asked).toHaveLength(3);
  });
});
