import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { balanceNudgeText } from './balance-nudge-text';
import { translateFrom } from './translate-from';

const t = translateFrom(en);
const tSv = translateFrom(sv);

describe('balanceNudgeText', () => {
  it('says which of the user’s limits is crossed, and no figure: the words sit on the exchange’s page', () => {
    expect(balanceNudgeText({ kind: 'over-cap', exchangeId: 'binance', value: 4200, cap: 2000, currency: 'USD', lowerBound: false }, t)).toBe('You keep more here than your own limit');
    expect(balanceNudgeText({ kind: 'over-cap', exchangeId: 'binance', value: 42000, cap: 20000, currency: 'SEK', lowerBound: true }, tSv)).toBe('Du har mer här än din egen gräns');
    expect(balanceNudgeText({ kind: 'over-share', exchangeId: 'kraken', share: 0.31, maxShare: 0.2, complete: true }, t)).toBe('More of your crypto is here than your own cap allows');
  });

  it('names the level, never the amount', () => {
    expect(balanceNudgeText({ kind: 'risky-exchange', exchangeId: 'x', level: 'caution', value: 950, currency: 'USD' }, t)).toBe('Level is caution and you keep crypto here');
    expect(balanceNudgeText({ kind: 'risky-exchange', exchangeId: 'x', level: 'danger', value: null, currency: 'USD' }, t)).toMatch(/^Level is .+ and you keep crypto here/);
  });
});
