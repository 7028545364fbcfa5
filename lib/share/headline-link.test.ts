import { describe, expect, test } from 'vitest';
import { listWarning } from '../community/active-warning.testkit';
import type { ActiveWarning } from '../community/active-warnings';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { formatLocalDate } from '../words/format';
import { translateFrom } from '../words/translate-from';
import { POST_LIMIT, postLength } from './post-length';
import { shareText } from './share-text';
import { cleanUrl } from './summary';
import { localeMessages } from '../../utils/locale-files.testkit';

// The one-line headline is what a short-text target (X, a chat line) shows: it must keep the day it was
// shared and its source link whole, for every bundled exchange, in every language, whether our copy is in
// time or late (late adds "we last checked on C" and so the longest headlines). A cut there would drop the
// link, the one thing that lets a reader check the claim.

const words = (folder: string) => translateFrom(localeMessages(folder));

/** Before our review of Dec 4, 2026 (many copies late), the day after it (most in time), and a year on (all late). */
const MOMENTS = ['2026-11-25T10:00:00Z', '2026-12-05T10:00:00Z', '2027-12-10T10:00:00Z'];
const ids = Object.keys(bundledSnapshot().exchanges).filter((id) => getExchange(id) !== undefined);

/** Every bundled exchange's headline at each moment in one language, with the warnings given (each put on that exchange). */
function* headlines(folder: string, warnings?: ActiveWarning[]) {
  const t = words(folder);
  const locale = localeTag(folder);
  for (const moment of MOMENTS) {
    const now = new Date(moment);
    for (const id of ids) {
      const exchange = getExchange(id);
      const reserves = bundledSnapshot().exchanges[id];
      if (exchange === undefined || reserves === undefined) continue;
      const onIt = warnings?.map((warning) => ({ ...warning, exchange: id }));
      const view = buildExchangeView({ exchange, reserves, now, ...(onIt === undefined ? {} : { warnings: onIt }) });
      const { headline } = shareText({ view, now, t, locale });
      const source = cleanUrl((view.status.kind === 'operating' ? (view.por?.source ?? view.porUrl) : view.status.source) ?? '');
      yield { now, view, headline, source, where: `${folder} ${id} ${moment}: ${headline}` };
    }
  }
}

describe('every headline keeps the day it was shared and its source link, uncut', () => {
  test('the bundle has exchanges to share', () => expect(ids.length).toBeGreaterThan(20));

  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    for (const { now, view, headline, source, where } of headlines(folder)) {
      expect(source, `${where}: every bundled exchange has a source`).toBeDefined();
      expect(headline.startsWith(`${view.name} · `), where).toBe(true);
      expect(headline.endsWith(` · ${t('shareText_headShared', formatLocalDate(now.toISOString(), locale))} ${source}`), where).toBe(true);
    }
  });
});

describe('with community warnings, every headline still counts them and keeps its source link whole', () => {
  // Many warnings (a two-digit count) under a long list name: the headline carries only their count, so no list's words can grow it.
  const warnings = Array.from({ length: 12 }, (_, index) => listWarning({ exchange: 'any', title: `Warning ${index} ${'long title '.repeat(20)}`, listName: 'A list '.repeat(30) }));

  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    for (const { headline, source, where } of headlines(folder, warnings)) {
      expect(headline.endsWith(` ${source}`), where).toBe(true);
      expect(headline, where).toContain(` · ${t('shareText_headWarnings', '12')} · `);
      expect(postLength(headline), where).toBeLessThanOrEqual(POST_LIMIT);
    }
  });
});

describe('a headline too long for a post', () => {
  const english = localeMessages('en');
  const now = new Date('2026-11-25T10:00:00Z');
  const coinex = () => {
    const exchange = getExchange('coinex');
    const reserves = bundledSnapshot().exchanges.coinex;
    if (exchange === undefined || reserves?.por?.source === undefined) throw new Error('no coinex report');
    return { view: buildExchangeView({ exchange, reserves, now }), source: cleanUrl(reserves.por.source) };
  };

  test('first loses the day it is shared, never its link', () => {
    const t = translateFrom({ ...english, shareText_headShared: { message: `shared $1 ${'padding '.repeat(30)}` } });
    const { view, source } = coinex();
    const { headline } = shareText({ view, now, t, locale: 'en-US' });
    expect(headline).not.toContain('shared');
    expect(headline).toMatch(/ · PoR: Merkle tree with liabilities, as of Sep 19, 2025, .+ https:\/\//);
    expect(headline.endsWith(` ${source}`)).toBe(true);
    expect(postLength(headline)).toBeLessThanOrEqual(POST_LIMIT);
  });

  test('then, as a last resort, the end of its words, marked with an ellipsis; the link stays whole', () => {
    const { view, source } = coinex();
    const { headline } = shareText({ view: { ...view, name: `CoinEx ${'long name '.repeat(30)}` }, now, t: translateFrom(english), locale: 'en-US' });
    expect(headline.endsWith(`… ${source}`)).toBe(true);
    expect(postLength(headline)).toBeLessThanOrEqual(POST_LIMIT);
    expect(postLength(headline)).toBeGreaterThan(POST_LIMIT - 4);
  });
});
