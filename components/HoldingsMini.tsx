import './holdings.css';
import { useEffect, useState } from 'preact/hooks';
import type { HoldingsSummary } from '../lib/holdings/summary';
import { formatDate, formatPercent } from '../lib/words/format';
import { useLocale, useT } from '../utils/i18n';
import { Sparkline } from './Sparkline';

/** The popup's compact share line and chart; loaded after the popup's first paint. */
export function HoldingsMini({ load }: { load: () => Promise<HoldingsSummary | null> }) {
  const t = useT();
  const locale = useLocale();
  const [summary, setSummary] = useState<HoldingsSummary | null | undefined>(undefined);
  useEffect(() => {
    load().then(setSummary, () => setSummary(null));
  }, [load]);
  if (summary === undefined || summary === null) return null;
  return (
    <section class="holdings-mini" aria-labelledby="holdings-mini-title" data-testid="holdings-mini">
      <h2 id="holdings-mini-title" class="card__heading">
        {t('holdingsTitle')}
      </h2>
      <p data-testid="holdings-mini-share">{shareSentence(summary.selfShare, summary.target, summary.complete, t, locale)}</p>
      {/* A share made on months-old prices would read as today's: the options page's warning, by the same rule. */}
      {summary.oldPricesAsOf !== undefined && <p data-testid="holdings-mini-prices-old">{t('holdingsPricesOld', formatDate(summary.oldPricesAsOf, locale))}</p>}
      {!summary.complete && summary.selfShare !== null && <p class="muted">{t('holdingsIncomplete')}</p>}
      <Sparkline history={summary.history} id="holdings-mini-chart" oldPrices={summary.oldPricesAsOf !== undefined} />
    </section>
  );
}

/** The own-share headline; `complete` false: some holdings could not be valued, and the share, of the rest, says so itself. */
export function shareSentence(selfShare: number | null, target: number | undefined, complete: boolean, t: ReturnType<typeof useT>, locale: string): string {
  if (selfShare === null) return t('holdingsShareUnknown');
  const share = formatPercent(selfShare, locale, 0);
  if (target === undefined) return t(complete ? 'holdingsShare' : 'holdingsSharePartial', share);
  return t(complete ? 'holdingsShareGoal' : 'holdingsShareGoalPartial', [share, formatPercent(target, locale, 0)]);
}
