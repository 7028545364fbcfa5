/**
 * Words about brand tokens and where hosts live: which endings throwaway hosts favour, which brand
 * tokens are ordinary words, which are coined, which hosting services anyone can publish on.
 */

/**
 * Endings where cheap, throwaway registrations cluster: 17.7 % of the development half's phishing
 * hosts end in one of these, against 4.8 % of the legitimate hosts. On one of these a brand padded with a few
 * stray letters (`krakenz.top`, `coinexp.top`) is a lookalike; elsewhere a padded common word may be
 * another product (`krakend.io`).
 */
export const favouredEndings: ReadonlySet<string> = new Set([
  'top',
  'xyz',
  'icu',
  'cfd',
  'sbs',
  'vip',
  'cc',
  'live',
  'shop',
  'online',
  'site',
  'click',
  'buzz',
  'cyou',
  'bond',
  'lol',
  'fun',
  'cam',
  'rest',
  'pw',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'mobi',
  'club',
  'store',
  'biz',
  'work',
  'today',
  'life',
  'website',
  'space',
  'asia',
  'help',
  'support',
]);

/**
 * The favoured endings where almost nothing but throwaway registrations live (a real business picks
 * `.shop`, `.online`, `.store`, `.space`, `.cc`, and the cheapest, `.top` and `.xyz`, hold small businesses
 * too): there a common-word brand anywhere in the name is enough.
 */
export const throwawayEndings: ReadonlySet<string> = new Set(['icu', 'cfd', 'sbs', 'cyou', 'bond', 'lol', 'buzz', 'rest', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'click', 'vip']);

/**
 * Endings made for money and trading (`kraken-studio.exchange`, `geminiz.finance`): under one of these
 * a common-word brand is in a crypto context by its ending alone, and padding it counts as on a
 * throwaway-favoured ending. Short common words (`gate`, `nexo`) still want bait: `stargate.finance`.
 */
export const cryptoEndings: ReadonlySet<string> = new Set([
  'exchange',
  'trade',
  'trading',
  'finance',
  'financial',
  'markets',
  'market',
  'money',
  'cash',
  'capital',
  'fund',
  'investments',
  'claims',
  'credit',
  'loans',
]);

/**
 * Brand tokens that are also ordinary words or names (`gate`, `gemini`, `kraken`): on their own
 * they say nothing, so they count only beside a bait or crypto word, as a whole registrable name
 * on another ending, or spelled with look-alike characters. Never by edit distance.
 */
export const commonWords: ReadonlySet<string> = new Set([
  'gate',
  'luno',
  'gemini',
  'kraken',
  'celsius',
  'voyager',
  'uphold',
  'liquid',
  'quadriga',
  'nexo',
  'phoenix',
  'bitcoin',
  'crypto',
  'coin',
  'exchange',
  'global',
  'one',
  'pro',
  'max',
  'independent',
  'reserve',
  'bullish',
  'strike',
  'river',
  'cash',
  'swan',
  'robinhood',
]);

/** Tokens too generic to name any one exchange; a registry file listing one is ignored for it. */
export const genericTokens: ReadonlySet<string> = new Set([
  'crypto',
  'bitcoin',
  'coin',
  'coins',
  'exchange',
  'global',
  'pro',
  'one',
  'app',
  'com',
  'io',
  'trade',
  'wallet',
  'cex',
  'dex',
  'markets',
  'bank',
  'finance',
  'capital',
  'invest',
  'us',
  'uk',
  'eu',
]);

/**
 * Brand tokens that are coined words, found in no ordinary word or other site's name we know of
 * (`bybit`, `kucoin`, `okx`): anywhere in a host the exchange does not own, they are a warning on their
 * own, glued to anything (`bybitq`, `okxweb`, `binanceasia`). Kept short on purpose: a token goes here
 * only when the legitimate corpora show no other use of it.
 */
export const distinctiveBrands: ReadonlySet<string> = new Set([
  'binance',
  'coinbase',
  'kucoin',
  'bybit',
  'bitget',
  'okx',
  'okex',
  'mexc',
  'bitfinex',
  'huobi',
  'bitmex',
  'bitstamp',
  'bitvavo',
  'bitpanda',
  'poloniex',
  'bithumb',
  'upbit',
  'gateio',
  'bingx',
  'phemex',
  'pionex',
  'whitebit',
  'bitmart',
  'bitrue',
  'coindcx',
  'wazirx',
  'btcturk',
  'indodax',
  'deribit',
  'bitflyer',
  'coincheck',
  'bitkub',
  'mtgox',
]);

/**
 * Coined names that sit inside other words (`etoro` in "ketorolac", `coinex` in "bitcoinexchange"): at
 * the start of a token they are a warning glued to anything (`etorocrypt`, `coinexeu`), as a distinctive
 * brand is, unless the letters after them, as written, carry on into a word the brand begins. Brand → how those
 * words go on after it (see `beginsWord` and `carriesOn`).
 */
export const leadingBrands: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['etoro', []],
  // `coin` + exchange, exceed, excel, except, excess, exclusive, excursion, excuse, excite, excavate, expert, explorer,
  // express, expense, extra, next (Coinext), exit, exams, example, exhibit, exhaust, exhale, exotic, exodus
  ['coinex', ['change', 'cee', 'cel', 'cep', 'ces', 'clus', 'cur', 'cus', 'cit', 'cav', 'p', 't', 'it', 'ams', 'amp', 'hib', 'hau', 'hal', 'otic', 'odus']],
  // revolution, revolutii, revolutie, revolutia, revolute, revoluta, revoluto, revolutsioon, revolutsiya, revolutsye, revolutum, revolutz
  // and `revolutlabs.com`, among Cloudflare Radar's top 100,000 domains (2024-01), its owner unknown here
  ['revolut', ['ion', 'i', 'e', 'a', 'o', 'si', 'sy', 'um', 'z', 'labs']],
  // ceteris paribus, and the Paribu group's own names: Paribu Cineverse (a cinema chain named for it), Paribu Art, its
  // brokerage (Paribu Menkul Değerler, `paribumenkulyatirim.com`, `paribuyatirimmenkul.com`)
  ['paribu', ['s', 'cineverse', 'art', 'menkul', 'yatirimmenkul']],
]);

/**
 * Short coined names that are a warning as a whole token (`ftx-id`, `claims.ftx.example`), but not
 * glued to other letters, where they are other names (`nftx`, `softx`, `giftx`).
 */
export const coinedTokens: ReadonlySet<string> = new Set(['ftx']);

/**
 * Site builders and blog hosts, where people who write no code make a landing page or a blog under a
 * shared domain. Shops (`myshopify.com`) are not here: a shop names what it sells (`krakenrecipes`).
 */
export const siteBuilderHosts: readonly string[] = [
  'wixsite.com',
  'wixstudio.com',
  'wixstudio.io',
  'weebly.com',
  'webflow.io',
  'square.site',
  'framer.app',
  'framer.website',
  'framer.ai',
  'godaddysites.com',
  'mystrikingly.com',
  'notion.site',
  'gitbook.io',
  'wordpress.com',
  'blogspot.com',
  'tumblr.com',
  'home.blog',
  'webcindario.com',
  '000webhostapp.com',
  'epizy.com',
  'webnode.page',
  'jimdosite.com',
  'carrd.co',
  'site123.me',
  'yolasite.com',
  'tilda.ws',
  'softr.app',
  'bubbleapps.io',
  'plasmic.run',
  'typedream.app',
  'mailchimpsites.com',
  'editorx.io',
  'jimdofree.com',
  'super.site',
  'myportfolio.com',
  'business.site',
  'squarespace.com',
  'zyrosite.com',
  'mobirisesite.com',
  'multiscreensite.com',
  'ueniweb.com',
  'weblium.site',
  'gamma.site',
  'ghost.io',
  'daftpage.com',
  'framer.media',
];

/**
 * Online-course hosts, where anyone publishes a course under a shared domain. Course names hold common words
 * (`gemini.thinkific.com` is an astrology course), so only a coined brand written another way beside bait counts
 * there (lookalike/hosted-typos.ts, `coinedTypoOnCourse`).
 */
export const courseHostList: readonly string[] = ['teachable.com', 'thinkific.com', 'mykajabi.com', 'systeme.io'];

/**
 * A phishing kit's page words: beside a coined brand written another way on free hosting they say as much as bait
 * (`eng-blokfe-docs-nav`); a project documenting a coined name spells it right.
 */
export const pageKitWords: ReadonlySet<string> = new Set(['doc', 'docs', 'nav', 'navs', 'eng', 'en', 'us', 'usr', 'user', 'public', 'faq', 'error']);

/**
 * Free hosting and site builders where anyone can publish under a shared domain: a brand on one of
 * these is never the exchange (exchanges publish on their own domains).
 */
export const freeHosting: readonly string[] = [
  ...siteBuilderHosts,
  'pages.dev',
  'workers.dev',
  'vercel.app',
  'netlify.app',
  'web.app',
  'firebaseapp.com',
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'glitch.me',
  'repl.co',
  'replit.app',
  'surge.sh',
  'onrender.com',
  'fly.dev',
  'r2.dev',
  'translate.goog',
  'ipfs.io',
  'fleek.co',
  'on.fleek.co',
  'azurewebsites.net',
  'amplifyapp.com',
  'plesk.page',
  // seen in the development half (tests/fixtures/domains/phishing.txt)
  'netlify.com',
  // app platforms, tunnels, shops, IPFS gateways
  'appspot.com',
  'azurestaticapps.net',
  'pythonanywhere.com',
  'ngrok-free.app',
  'ngrok.io',
  'trycloudflare.com',
  'myshopify.com',
  'up.railway.app',
  'deno.dev',
  '4everland.app',
  'on-fleek.app',
  'ipfs.dweb.link',
  'ipfs.w3s.link',
  // DigitalOcean's app platform
  'ondigitalocean.app',
];

/** Real words a typo rule would read as a brand (`finance` / `binance`): never a typo of it. */
export const nearMissWords: ReadonlySet<string> = new Set([
  'finance',
  'balance',
  'bitmark',
  'bithub',
  'bitrix',
  'coinzone',
  'coingate',
  // a letter from Revolut, which the typo rules read (English; German and Norwegian for resolute; French, Catalan, Polish)
  'revolute',
  'resolut',
  'revoit',
  'revolat',
  'rezolut',
  'revoluta',
  'revoluto',
  // a letter after a coined brand, beside bait on free hosting (lookalike/hosted-typos.ts): CryptoCompare's package
  'cryptocomp',
  // a letter added to a common-word brand (lookalike/typo.ts, insertedTypo)
  'voyageur',
  'kranken',
  // a letter from a common-word brand (lookalike/hosted.ts, commonTypoOnBuilder)
  'voyage',
  'voyages',
  // two letters from a coined brand, on a site builder (lookalike/hosted.ts, coinedTypoOnBuilder)
  'coinbank',
  'coinbag',
  'coinbags',
  'coinbasket',
  'whitebird',
  'coinage',
  'binnacle',
  'whitest',
  // two letters from a common-word brand, its first two letters and its last kept (lookalike/hosted.ts, commonTypoOnBuilder)
  'census',
  'celtics',
  // a letter or two from a coined or mid-length brand, first three letters kept (lookalike/hosted.ts, brandTypoOnBuilder)
  'bitset',
  'bitnet',
  'bitmax',
  'coined',
  'revolt',
  'revolts',
  'blockai',
  'blocksi',
  'blockfin',
  'blockfix',
  'cryptocon',
  'cryptoco',
  'paribus',
  // a name a letter from Korbit, and Koinex, an Indian exchange closed in 2019 (lookalike/hosted-typos.ts)
  'korbin',
  'koinex',
  // a name and place a letter from Robinhood, and a word a letter from Voyager
  'robinwood',
  'voyaged',
  // a letter from Coinone: a chemical compound's name (German, Dutch), beside a page word on free hosting (lookalike/hosted-typos.ts)
  'chinone',
  // exchanges of their own: Coinext (Brazil), CoinFLEX
  'coinext',
  'coinflex',
]);

/**
 * Long-standing generic endings where an ordinary word as the whole name most often belongs to
 * somebody else: `kraken.io` (an image optimizer), `krakend.io` (an API gateway), `robinhood.org`
 * (the Robin Hood Foundation, a New York charity). A common-word brand as the whole name under one of
 * these, with no bait beside it, is not a lookalike by its ending alone. A coined brand (`binance.org`)
 * still is, and so is a common word under a country code or a newer ending (`kraken.fr`, `kraken.vip`).
 */
export const wordEndings: ReadonlySet<string> = new Set(['io', 'org', 'net']);
