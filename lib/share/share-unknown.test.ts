import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { translateFrom, type Messages } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';

// Unknown is shown as unknown: where the card's on-chain and flows sections say "Unknown" (no figure held),
// the shared text says so in their lines, and the picture keeps both sections, rather than leaving them out
// as if there were nothing to say.

const words = (folder: string) => translateFrom(JSON.parse(readFileSync(new URL(`../../public/_locales/${folder}/messages.json`, import.meta.url), 'utf8')) as Messages);
const now = new Date('2026-11-25T10:00:00Z');

function viewOf(id: string) {
  const exchange = getExchange(id);
  const reserves = bundledSnapshot().exchanges[id];
  if (exchange === undefined || reserves === undefined) throw new Error(`no ${id} record`);
  return buildExchangeView({ exchange, reserves, now });
}

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
    expect(lines).toContain(t('shareText_flows', unknown));
    const sections = shareImageContent({ view: okx, now, t, locale }).sections;
    for (const heading of ['cardConcentration', 'cardFlows'] as const) expect(sections.find((section) => section.heading === t(heading))?.lines.map((line) => line.text)).toEqual([t('unknownFigure')]);

    // With figures, their lines hold the figures, each dated.
    const binance = viewOf('binance');
    const known = shareText({ view: binance, now, t, locale }).text.split('\n');
    expect(known).not.toContain(t('shareText_onchain', unknown));
    expect(known).not.toContain(t('shareText_flows', unknown));
  });
});
