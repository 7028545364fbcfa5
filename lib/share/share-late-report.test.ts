import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { formatDate } from '../words/format';
import { joiners } from '../words/punctuation';
import { translateFrom, type MessageKey } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';
import { localeMessages } from '../../utils/locale-files.testkit';

// A report whose copy of ours is too old to stand for today (the verdict's `por.checked`, `late`): the
// card's details say "Report describes D · not checked since C" (components/card/por.tsx), so the
// report's age is not read as the exchange's delay. The shared text, its headline and its picture say
// "we last checked on C" beside the report's date too, not the report's date alone; in time, they do not.

const words = (folder: string) => translateFrom(localeMessages(folder));
const now = new Date('2026-11-25T10:00:00Z');

function viewOf(id: string) {
  const exchange = getExchange(id);
  const reserves = bundledSnapshot().exchanges[id];
  if (exchange === undefined || reserves?.por === undefined) throw new Error(`no ${id} record`);
  return buildExchangeView({ exchange, reserves, now });
}

/**
 * "We last checked on C", in each language: a share-only wording that agrees with no noun (it follows the feminine
 * "Prova/Preuve de réserves", where the card's masculine "não verificado/non vérifié" would read as "unverified
 * proof"), and says the check is ours, not the exchange's. $1 the day we last checked.
 */
const OUR_CHECK: Record<string, string> = {
  en: 'we last checked on $1',
  sv: 'vår senaste kontroll gjordes $1',
  es: 'nuestra última comprobación fue el $1',
  pt_BR: 'nossa última verificação em $1',
  tr: 'son kontrolümüz $1 tarihinde',
  de: 'unsere letzte Prüfung am $1',
  fr: 'notre dernière vérification le $1',
  zh_CN: '我们上次检查于 $1',
};

const METHOD: Record<string, MessageKey> = { 'zk-proof': 'shareText_method_zk_proof', 'merkle-liabilities': 'shareText_method_merkle_liabilities' };

describe('a report we have not rechecked in time: the shared words say when we last checked, as the card does', () => {
  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const { comma, open } = joiners(locale);
    // OKX's monthly report of Sep 8, 2026, last confirmed on Oct 5, 2026: 51 days later, the gap is ours.
    const okx = viewOf('okx');
    if (okx.por === undefined || okx.porChecked?.day === undefined) throw new Error('okx has a report and a check day');
    expect(okx.porChecked.late, 'the card calls this check late').toBe(true);
    const describes = formatDate(okx.por.asOf, locale);
    const lastChecked = formatDate(okx.porChecked.day, locale);
    const unchecked = OUR_CHECK[folder]!.replace('$1', lastChecked);
    expect(t('shareText_notCheckedSince', lastChecked)).toBe(unchecked);

    const { text, headline } = shareText({ view: okx, now, t, locale });
    expect(text).toContain(`${open}${t('shareText_asOf', describes)}${comma}${unchecked}`);
    expect(headline).toContain(`${t('shareText_headPor', [t(METHOD[okx.por.method]!), describes])}${comma}${unchecked}`);
    const picture = shareImageContent({ view: okx, now, t, locale }).sections.find((section) => section.heading === t('cardProofOfReserves'));
    expect(picture?.lines.map((line) => line.text)).toContain(`${t('asOf', describes)} · ${unchecked}`);
    // The card's wording, which agrees with its "report", is not the shared one beside the report's date.
    const card = t('porNotCheckedSince', lastChecked);
    const porLine = text.split('\n').find((line) => line.startsWith(t('shareText_por', '')));
    expect(porLine).toContain(unchecked);
    for (const said of [porLine, headline, ...(picture?.lines.map((line) => line.text) ?? [])]) expect(said).not.toContain(card);

    // Gate's report, confirmed in time: no "not checked since", as on the card.
    const gate = viewOf('gate');
    if (gate.por === undefined || gate.porChecked?.day === undefined) throw new Error('gate has a report and a check day');
    expect(gate.porChecked.late).toBe(false);
    const inTime = OUR_CHECK[folder]!.replace('$1', formatDate(gate.porChecked.day, locale));
    const shared = shareText({ view: gate, now, t, locale });
    const gatePicture = shareImageContent({ view: gate, now, t, locale }).sections.flatMap((section) => section.lines.map((line) => line.text));
    for (const said of [shared.text, shared.headline, ...gatePicture]) expect(said).not.toContain(inTime);
    expect(gatePicture).toContain(t('asOf', formatDate(gate.por.asOf, locale)));
  });
});
