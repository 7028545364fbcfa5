import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type MessageKey, type Messages, translateFrom } from '../lib/words/translate-from';

// The holdings fields' accessible names are sentences built around a name the page also shows
// on its own ("Every exchange", "Yourself (self-custody)", an exchange's name). A standalone name
// dropped after a preposition breaks case and agreement ("bei Jede Börse"), so the sentences put
// the name first, on its own, before a separator. Callers: components/holdings/GoalAndLimits.tsx
// (holdingsCapLabel, holdingsMaxShareLabel) and components/holdings/HoldingsList.tsx (holdingsAmountOf).

const localesDir = join(import.meta.dirname, '../public/_locales');
const locales = readdirSync(localesDir);
const load = (locale: string) => translateFrom(JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Messages);

/** Each composed name, as its caller builds it, around one standalone name. */
const composed = (t: ReturnType<typeof load>, name: string): string[] => [t('holdingsCapLabel', [name, 'USD']), t('holdingsMaxShareLabel', name), t('holdingsAmountOf', ['BTC', name])];

const STANDALONE: MessageKey[] = ['holdingsEveryExchange', 'holdingsSelf'];

describe('holdings field names built around a standalone name', () => {
  test.each(locales)('%s: the standalone name leads, unchanged, followed by a colon', (locale) => {
    const t = load(locale);
    for (const key of STANDALONE) {
      const name = t(key);
      for (const sentence of composed(t, name)) {
        expect(sentence.startsWith(name), `${locale} ${key}: ${sentence}`).toBe(true);
        expect(sentence.slice(name.length), `${locale} ${key}: ${sentence}`).toMatch(/^(: |\u00a0: |：)\S/u);
      }
    }
  });

  test('the names the audit heard read as whole sentences in German, Swedish and Chinese', () => {
    const [de, sv, zh] = [load('de'), load('sv'), load('zh_CN')];
    expect(composed(de, de('holdingsEveryExchange'))).toEqual(['Jede Börse: Höchstbetrag, in USD', 'Jede Börse: größter Anteil, in Prozent', 'Jede Börse: Menge an BTC']);
    expect(de('holdingsAmountOf', ['BTC', de('holdingsSelf')])).toBe('Sie selbst (Eigenverwahrung): Menge an BTC');
    expect(composed(sv, sv('holdingsEveryExchange'))).toEqual(['Varje börs: högst att ha, i USD', 'Varje börs: största andel, i procent', 'Varje börs: mängd BTC']);
    expect(composed(zh, zh('holdingsEveryExchange'))).toEqual(['所有交易所：最多存放的金额，以 USD 计', '所有交易所：最大比例，以百分比计', '所有交易所：BTC 数量']);
  });
});
