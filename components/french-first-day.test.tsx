import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { shareImageContent } from '../lib/share/share-image';
import { shareText } from '../lib/share/share-text';
import { buildExchangeView } from '../lib/view/exchange-view';
import { formatDate, formatDateTime, formatLocalDate, formatMoment } from '../lib/words/format';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { cardWords } from './card-words.testkit';
import { WhereToClick } from './guide/WhereToClick';
import { SourceItem } from './options/SourceItem';
import { groupSources } from '../lib/view/source-groups';
import { ReserveCheck } from './verify/ReserveCheck';
import { okxEthereumTarget } from './verify/verify.testkit';

// French writes the first of a month "1er" ("1er avr. 2026"); Intl writes "1 avr. 2026". Every
// surface takes its days from lib/words/format.ts, so each says "1er" and never "1 avr.".

const now = new Date('2026-12-04T12:00:00Z');
const messages = (folder: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales', folder, 'messages.json'), 'utf8')) as Messages;
const t = translateFrom(messages('fr'));
/** A French day of the month 1 as Intl writes it: "1" alone before the month. */
const BARE_FIRST = /(^|[^\d])1 (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/;

function drawn(node: VNode): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(<I18nContext.Provider value={{ t, locale: 'fr' }}>{node}</I18nContext.Provider>, root);
  const text = root.textContent ?? '';
  render(null, root);
  return text;
}

const binance = () => {
  const exchange = getExchange('binance');
  if (exchange === undefined) throw new Error('no binance in the registry');
  // The bundled report describes 1 Apr 2026.
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges.binance, now });
};

afterEach(() => vi.unstubAllGlobals());

describe('French dates: the first of the month is "1er"', () => {
  test('every day formatter: day, local day, day and time, moment; other days and languages as Intl writes them', () => {
    expect(formatDate('2026-04-01', 'fr')).toBe('1er avr. 2026');
    expect(formatDate('2026-12-01', 'fr-CA')).toMatch(/^1er déc\. 2026$/);
    expect(formatMoment('2026-12-01', 'fr')).toBe('1er déc. 2026');
    vi.stubEnv('TZ', 'UTC');
    expect(formatLocalDate('2026-12-01T12:00:00Z', 'fr')).toBe('1er déc. 2026');
    expect(formatDateTime('2026-12-01T12:00:00Z', 'fr')).toMatch(/^1er déc\. 2026/);
    vi.unstubAllEnvs();
    expect(formatDate('2026-04-11', 'fr')).toBe('11 avr. 2026');
    expect(formatDate('2026-04-21', 'fr')).toBe('21 avr. 2026');
    expect(formatDate('2026-04-01', 'en')).toBe('Apr 1, 2026');
    expect(formatDate('2026-04-01', 'de')).toBe('01.04.2026');
  });

  test('the card, the shared text and the shared picture', () => {
    const view = binance();
    const card = cardWords(view, { messages: messages('fr'), locale: 'fr', quoted: '[lang]' }).join('\n');
    expect(card).toContain('1er avr. 2026');
    expect(card).not.toMatch(BARE_FIRST);
    const shared = shareText({ view, now, t, locale: 'fr' });
    expect(shared.text).toContain('1er avr. 2026');
    expect(`${shared.headline}\n${shared.text}`).not.toMatch(BARE_FIRST);
    const picture = shareImageContent({ view, now, t, locale: 'fr' });
    const lines = [picture.shared, ...picture.sections.flatMap((section) => section.lines.map((line) => line.text))].join('\n');
    expect(lines).toContain('1er avr. 2026');
    expect(lines).not.toMatch(BARE_FIRST);
  });

  test('the verify page, the options and the guide', () => {
    const verify = drawn(
      <ReserveCheck
        targets={[{ ...okxEthereumTarget, asOf: '2026-12-01' }]}
        endpoints={{ chainRpcUrls: {} }}
        optionsUrl="chrome-extension://x/options.html"
        views={undefined}
        onRun={vi.fn()}
        now={now}
      />,
    );
    expect(verify).toContain('au 1er déc. 2026');
    const [group] = groupSources([
      { id: 'cexs', group: 'cexs', url: 'https://api.llama.fi/cexs', status: 'never', bundledAt: '2026-12-04T00:00:00.000Z', bundledDays: { from: '2026-12-01', to: '2026-12-01' } },
    ]);
    const options = drawn(<SourceItem group={group!} exchangeNames={{}} now={now} />);
    expect(options).toContain('1er déc. 2026');
    const guide = drawn(
      <WhereToClick
        exchange={{
          id: 'example',
          name: 'Example',
          withdrawal: {
            page: { status: 'deep-link', url: 'https://www.example.test/withdraw', source: 'https://help.example.test/withdraw', asOf: '2026-12-01', dated: 'seen' },
            whitelist: { status: 'unknown' },
            newAddressLock: { status: 'unknown' },
            networkFees: { status: 'unknown' },
          },
        }}
        asset={null}
      />,
    );
    expect(guide).toContain('1er déc. 2026');
    for (const text of [verify, options, guide]) expect(text).not.toMatch(BARE_FIRST);
  });
});
