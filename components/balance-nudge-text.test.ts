import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import sv from '../public/_locales/sv/messages.json';
import { balanceNudgeText } from './balance-nudge-text';
import { translateFrom } from './i18n';

const t = translateFrom(en);
const tSv = translateFrom(sv);

describe('balanceNudgeText', () => {
  it('says the amount and the limit in the user currency', () => {
    expect(balanceNudgeText({ kind: 'over-cap', exchangeId: 'binance', value: 4200, cap: 2000, currency: 'USD', lowerBound: false }, t, 'en-US')).toBe('You keep $4,200 here — above your $2,000 limit');
    expect(balanceNudgeText({ kind: 'over-cap', exchangeId: 'binance', value: 4200, cap: 2000, currency: 'USD', lowerBound: true }, t, 'en-US')).toBe('You keep at least $4,200 here — above your $2,000 limit');
    expect(balanceNudgeText({ kind: 'over-cap', exchangeId: 'binance', value: 42000, cap: 20000, currency: 'SEK', lowerBound: false }, tSv, 'sv-SE')).toBe('Du har 42\u00a0000\u00a0kr här — över din gräns på 20\u00a0000\u00a0kr');
  });

  it('says the share and the cap', () => {
    expect(balanceNudgeText({ kind: 'over-share', exchangeId: 'kraken', share: 0.31, maxShare: 0.2, complete: true }, t, 'en-US')).toBe('31% of your crypto is here; your cap is 20%');
    expect(balanceNudgeText({ kind: 'over-share', exchangeId: 'kraken', share: 0.31, maxShare: 0.2, complete: false }, t, 'en-US')).toMatch(/^31% of what could be valued/);
  });

  it('names the level, with the amount when it is known', () => {
    expect(balanceNudgeText({ kind: 'risky-exchange', exchangeId: 'x', level: 'caution', value: 950, currency: 'USD' }, t, 'en-US')).toBe('Level is caution and you keep $950 here');
    expect(balanceNudgeText({ kind: 'risky-exchange', exchangeId: 'x', level: 'danger', value: null, currency: 'USD' }, t, 'en-US')).toMatch(/^Level is .+ and you keep crypto here/);
  });
});
