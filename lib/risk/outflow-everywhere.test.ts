import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { getExchange } from '../exchanges/registry';
import { LOCALES, localeTag } from '../locales';
import { SnapshotSchema } from '../reserves/schema';
import { shareText } from '../share/share-text';
import { buildExchangeView } from '../view/exchange-view';
import { formatShare, formatUsd } from '../words/format';
import { reasonText } from '../words/reason-text';
import { runNotificationMessage, runReasonText } from '../words/run-alert-text';
import { translateFrom } from '../words/translate-from';
import { evaluateRun } from './run-signals';
import { localeMessages } from '../../utils/locale-files.testkit';

const snapshot = v.parse(SnapshotSchema, JSON.parse(readFileSync(new URL('../../data/snapshot.json', import.meta.url), 'utf8')));
const words = (id: string) => translateFrom(localeMessages(id));

// Binance's real on-chain total from the snapshot, and a third of that leaving in the week: the
// explorer's case, where the card said 33.3 % and the alert 25.0 % of one outflow. And the same
// exchange drained to nothing: $6B left and a total of 0 is all of what it held, on every surface.
const exchange = getExchange('binance');
const stored = snapshot.exchanges.binance;
const now = new Date('2026-08-10T07:20:12Z');
const binanceTotal = stored?.onchain?.totalUsd ?? 0;
const cases = [
  { name: 'a third of the total left', totalUsd: binanceTotal, outflowUsd: binanceTotal / 3, share: 0.25 },
  { name: 'the total drained to 0', totalUsd: 0, outflowUsd: 6e9, share: 1 },
];

describe('one 7-day outflow, one percentage', () => {
  test.each(cases)('$name: card, share text, popup alert and notification give the same share: of what the exchange held when the week began', ({ totalUsd, outflowUsd, share }) => {
    if (exchange === undefined || stored?.onchain === undefined) throw new Error('binance is missing from the registry or the snapshot');
    const reserves = {
      ...stored,
      onchain: { ...stored.onchain, totalUsd },
      flows: { ...stored.flows, asOf: '2026-08-10', observedAt: '2026-08-10T06:20:12.000Z', source: 'https://api.llama.fi/cexs', net24hUsd: 0, net7dUsd: -outflowUsd, net30dUsd: -outflowUsd },
    };
    const view = buildExchangeView({ exchange, reserves, now });
    const cardReason = view.verdict.reasons.find((reason) => reason.code === 'flow-7d.out');
    const run = evaluateRun({ exchange, reserves, now });
    const runReason = run.reasons.find((reason) => reason.signal === 'outflow-7d');
    expect(cardReason?.value).toBeCloseTo(share, 10);
    expect(runReason?.value).toBeCloseTo(share, 10);
    for (const { id } of LOCALES) {
      const t = words(id);
      const locale = localeTag(id);
      const expected = formatShare(outflowUsd / (totalUsd + outflowUsd), locale);
      const lines = [expected, ...[cardReason?.threshold, ...run.reasons.map((reason) => reason.threshold)].flatMap((line) => (typeof line === 'number' ? [formatShare(line, locale, 0)] : []))];
      const surfaces = {
        card: cardReason === undefined ? '' : reasonText(cardReason, t, locale, now),
        // The shared text's reason line for the week, the one naming the amount.
        share:
          shareText({ view, now, t, locale })
            .text.split('\n')
            .find((line) => line.startsWith('- ') && line.includes(formatUsd(outflowUsd, locale))) ?? '',
        popup: runReason === undefined ? '' : runReasonText(runReason, t, locale),
        notification: runNotificationMessage(run.reasons, t, locale) ?? '',
      };
      for (const [surface, text] of Object.entries(surfaces)) {
        const shares = text.match(/\d+(?:[.,]\d+)*\s?%|%\s?\d+(?:[.,]\d+)*/g) ?? [];
        // The outflow's share, and otherwise only the lines it is measured against; a sentence's
        // full stop after a leading percent sign (Turkish "%25.") is not part of the figure.
        expect(shares, `${id} ${surface}: ${text}`).toContain(expected);
        for (const share of shares) expect(lines, `${id} ${surface}: ${text}`).toContain(share);
      }
    }
  });
});
