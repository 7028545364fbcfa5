import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { formatDate } from '../words/format';
import { joiners } from '../words/punctuation';
import { translateFrom } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';
import { cleanUrl } from './summary';
import { localeMessages } from '../../utils/locale-files.testkit';

// Unknown is shown as unknown: where the card's on-chain and flows sections say "Unknown" (no figure held),
// the shared text says so in their lines, and the picture keeps both sections, rather than leaving them out
// as if there were nothing to say.

const words = (folder: string) => translateFrom(localeMessages(folder));
const now = new Date('2026-11-25T10:00:00Z');

function viewOf(id: string) {
  const exchange = getExchange(id);
  const reserves = bundledSnapshot().exchanges[id];
  if (exchange === undefined || reserves === undefined) throw new Error(`no ${id} record`);
  return buildExchangeView({ exchange, reserves, now });
}

/** The unknown flows line in each language: no sign legend ("positive = onto the exchange") for a figure that is not there. */
const FLOWS_UNKNOWN: Record<string, string> = {
  en: 'Net flows: unknown',
  sv: 'Nettoflöden: uppgift saknas',
  es: 'Flujos netos: sin dato',
  pt_BR: 'Fluxos líquidos: sem dado',
  tr: 'Net akışlar: bilinmiyor',
  de: 'Nettoflüsse: unbekannt',
  fr: 'Flux nets\u00a0: sans chiffre',
  zh_CN: '净流量：未知',
};

describe('no on-chain figures and no flows: the shared words say "unknown", as the card does', () => {
  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const unknown = t('unknownFigureInSentence');
    // The bundled snapshot holds no on-chain figures or flows for OKX: they come from DefiLlama.
    const okx = viewOf('okx');
    expect(okx.onchain).toBeUndefined();
    expect(okx.flows).toBeUndefined();
    const lines = shareText({ view: okx, now, t, locale }).text.split('\n');
    expect(lines).toContain(t('shareText_onchain', unknown));
    expect(lines).toContain(FLOWS_UNKNOWN[folder]);
    const sections = shareImageContent({ view: okx, now, t, locale }).sections;
    for (const heading of ['cardConcentration', 'cardFlows'] as const) expect(sections.find((section) => section.heading === t(heading))?.lines.map((line) => line.text)).toEqual([t('unknownFigure')]);

    // With figures, their lines hold the figures, each dated.
    const binance = viewOf('binance');
    const known = shareText({ view: binance, now, t, locale }).text.split('\n');
    expect(known).not.toContain(t('shareText_onchain', unknown));
    expect(known.some((line) => line.startsWith(FLOWS_UNKNOWN[folder]!))).toBe(false);
    expect(known.some((line) => line.startsWith(t('shareText_flows', '')))).toBe(true);
  });

  // A flows record with every window missing: the line says unknown, with the record's date and source (that
  // source had no figure as of then), and that date stays out of the heading's "figures dated" span.
  test.each(LOCALES.map(({ id }) => [id]))('%s: a flows record with every window missing', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const { open } = joiners(locale);
    const binance = viewOf('binance');
    if (binance.flows === undefined) throw new Error('binance has flows');
    const asOf = '2026-09-30';
    const flows = { source: binance.flows.source, asOf };
    const { text } = shareText({ view: { ...binance, flows }, now, t, locale });
    const line = text.split('\n').find((said) => said.startsWith(FLOWS_UNKNOWN[folder]!));
    expect(line, text).toBeDefined();
    expect(line).toContain(`${open}${t('shareText_asOf', formatDate(asOf, locale))}`);
    expect(text).toContain(cleanUrl(binance.flows.source)!);
    expect(text.split('\n')[0]).not.toContain(formatDate(asOf, locale));
  });
});
