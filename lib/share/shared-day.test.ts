// The day a card is shared is the user's own day, as the card writes the moments the user made:
// at 8 pm in New York it is already the next day in UTC.
import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { bundledSnapshot } from '../reserves/snapshot';
import { gradeExchange } from '../risk/grade';
import { buildExchangeView } from '../view/exchange-view';
import { translateFrom, type Messages } from '../words/translate-from';
import { shareImageContent } from './share-image';
import { shareText } from './share-text';
import { inTimeZone } from '../words/time-zone.testkit';
import en from '../../public/_locales/en/messages.json';

const t = translateFrom(en as Messages);
/** 8 pm on Monday Dec 7, 2026 in New York; already Dec 8 in UTC. */
const EVENING = new Date('2026-12-07T20:00:00-05:00');

inTimeZone('America/New_York');

function caseOf(id: string) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no registry entry ${id}`);
  const reserves = bundledSnapshot().exchanges[id];
  return { view: buildExchangeView({ exchange, reserves, now: EVENING }), verdict: gradeExchange({ exchange, reserves, now: EVENING }) };
}

describe('"shared <day>" is the day on the user\'s clock', () => {
  test('the text: heading and headline', () => {
    const { view, verdict } = caseOf('ftx');
    const { text, headline } = shareText({ view, verdict, now: EVENING, t });
    expect(text.split('\n')[0]).toBe('FTX: proof-of-reserves and risk card, shared Dec 7, 2026 with Reserve Radar');
    expect(headline).toContain('shared Dec 7, 2026');
    expect(`${text}${headline}`).not.toContain('Dec 8, 2026');
  });

  test('the picture', () => {
    const { view } = caseOf('ftx');
    expect(shareImageContent({ view, now: EVENING, t, locale: 'en-US' }).shared).toBe('Shared Dec 7, 2026 with Reserve Radar');
  });
});
