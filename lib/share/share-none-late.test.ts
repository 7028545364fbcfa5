import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from '../view/exchange-view';
import { formatDate } from '../words/format';
import { joiners } from '../words/punctuation';
import { porLabel } from '../words/por-label';
import { translateFrom } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';
import { localeMessages } from '../../utils/locale-files.testkit';

// A "none" found on a day too long ago to stand for today (older than `por.none.recheck-days`): the
// card says "found when we last checked, on D" (porNoneLate). The shared text, its one-line headline
// and its picture say the same, and never "none published as of D", which states our old finding as current.

const words = (folder: string) => translateFrom(localeMessages(folder));

function geminiAt(now: Date) {
  const exchange = getExchange('gemini');
  const reserves = bundledSnapshot().exchanges.gemini;
  if (exchange === undefined || reserves?.por?.method !== 'none') throw new Error('no gemini "none" record');
  return buildExchangeView({ exchange, reserves, now });
}

/** The headline's PoR part for a late "none", in each language; $1 is the day we looked. */
const LATE_HEADLINE: Record<string, string> = {
  en: 'PoR: none found when we last checked, on $1',
  sv: 'Reservbevis: inget hittades vid vår senaste kontroll, $1',
  es: 'Prueba de reservas: no encontramos ninguna en nuestra última comprobación, el $1',
  pt_BR: 'Prova de reservas: não encontramos nenhuma na nossa última verificação, em $1',
  tr: 'Rezerv kanıtı: $1 tarihindeki son kontrolümüzde bulunamadı',
  de: 'Reservenachweis: bei unserer letzten Prüfung am $1 keiner gefunden',
  fr: 'Preuve de réserves\u00a0: aucune trouvée lors de notre dernière vérification, le $1',
  zh_CN: '储备金证明：我们上次于 $1 检查时未发现',
};

const looked = '2026-12-04';
const late = new Date('2027-12-10T10:00:00Z');
const inTime = new Date('2026-12-05T10:00:00Z');

describe('a late "none": the shared words say what the card says', () => {
  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const day = formatDate(looked, locale);
    const view = geminiAt(late);
    expect(view.porChecked?.late, 'the card calls this check late').toBe(true);
    const card = porLabel(view.por, t, locale, view.porChecked);
    expect(card).toBe(t('porNoneLate', day));

    const { text, headline } = shareText({ view, now: late, t, locale });
    expect(headline).toContain(LATE_HEADLINE[folder]?.replace('$1', day));
    expect(headline).not.toContain(t('shareText_headPorNoneAsOf', day));
    expect(text).toContain(t('shareText_porNoneLate', day));
    expect(text).not.toContain(t('shareText_porNoneAsOf', day));
    const picture = shareImageContent({ view, now: late, t, locale }).sections.find((section) => section.heading === t('cardProofOfReserves'));
    expect(picture?.lines.map((line) => line.text)).toEqual([card]);

    // Checked in time: "none published as of" the day we looked, in the card and in both shared forms.
    const fresh = geminiAt(inTime);
    expect(porLabel(fresh.por, t, locale, fresh.porChecked)).toBe(t('porNoneAsOf', day));
    const shared = shareText({ view: fresh, now: inTime, t, locale });
    expect(shared.headline).toContain(t('shareText_headPorNoneAsOf', day));
    expect(shared.text).toContain(t('shareText_porNoneAsOf', day));
  });
});

// A "none" with no day we looked after its date (only a source's date, here Bitstamp's 2014 news story, with
// our check day still ahead of `now`): the card says "No proof of reserves" and, in its source line, "date
// unknown" (components/card/por.tsx), and so does the picture. The shared text and its headline say so too,
// rather than "none published" as a plain fact.
/**
 * An undated "none" in the text and the headline, in each language: "none found" (not "published", beside which
 * "date unknown" reads as "published on an unknown date") and the date that is unknown named as our check's.
 */
const UNDATED_NONE: Record<string, { text: string; headline: string; day: string }> = {
  en: { text: 'Proof of reserves: none found', headline: 'PoR: none found', day: 'date of our check unknown' },
  sv: { text: 'Reservbevis: inget hittat', headline: 'Reservbevis: inget hittat', day: 'datum för vår kontroll okänt' },
  es: { text: 'Prueba de reservas: no se encontró ninguna', headline: 'Prueba de reservas: no se encontró ninguna', day: 'fecha de nuestra comprobación desconocida' },
  pt_BR: { text: 'Prova de reservas: nenhuma foi encontrada', headline: 'Prova de reservas: nenhuma foi encontrada', day: 'data da nossa verificação desconhecida' },
  tr: { text: 'Rezerv kanıtı: bulunamadı', headline: 'Rezerv kanıtı: bulunamadı', day: 'kontrol tarihimiz bilinmiyor' },
  de: { text: 'Reservenachweis: keiner gefunden', headline: 'Reservenachweis: keiner gefunden', day: 'Datum unserer Prüfung unbekannt' },
  fr: { text: 'Preuve de réserves\u00a0: aucune trouvée', headline: 'Preuve de réserves\u00a0: aucune trouvée', day: 'date de notre vérification inconnue' },
  zh_CN: { text: '储备金证明：未发现', headline: '储备金证明：未发现', day: '我们的检查日期未知' },
};

describe('an undated "none": the shared words say the date of our check is unknown, as the card says the date is', () => {
  test.each(LOCALES.map(({ id }) => [id]))('%s', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const { open, close } = joiners(locale);
    const at = new Date('2026-11-25T10:00:00Z');
    const exchange = getExchange('bitstamp');
    const reserves = bundledSnapshot().exchanges.bitstamp;
    if (exchange === undefined || reserves?.por?.method !== 'none') throw new Error('no bitstamp "none" record');
    const view = buildExchangeView({ exchange, reserves, now: at });
    expect(view.porChecked?.day, 'no day we looked').toBeUndefined();
    expect(porLabel(view.por, t, locale, view.porChecked)).toBe(t('porMethod_none'));
    const said = UNDATED_NONE[folder]!;
    const { text, headline } = shareText({ view, now: at, t, locale });
    expect(
      text.split('\n').some((line) => line.startsWith(`${said.text}${open}${said.day}`)),
      text,
    ).toBe(true);
    expect(headline).toContain(` · ${said.headline}${open}${said.day}${close} · `);
    for (const shared of [text, headline]) expect(shared).not.toContain(`${open}${t('reasonDateUnknown')}`);
    const picture = shareImageContent({ view, now: at, t, locale }).sections.find((section) => section.heading === t('cardProofOfReserves'));
    // The picture says it as the text does: "date unknown" alone could read as the exchange's date being unknown.
    expect(picture?.lines.map((line) => line.text)).toEqual([`${said.text}${open}${said.day}${close}`]);
    // The source's 2014 date is no day we looked (the data's own note may still name it).
    for (const line of [text.split('\n').find((line) => line.startsWith(said.text)), headline]) expect(line).not.toMatch(/2014/);
  });
});
