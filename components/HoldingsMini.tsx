import './holdings.css';
import { useEffect, useState } from 'preact/hooks';
import type { HoldingsSummary } from '../lib/holdings/summary';
import { formatPercent } from '../lib/words/format';
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
      <p data-testid="holdings-mini-share">{shareSentence(summary.selfShare, summary.target, t, locale)}</p>
      {!summary.complete && summary.selfShare !== null && <p class="muted">{t('holdingsIncomplete')}</p>}
      <Sparkline history={summary.history} id="holdings-mini-chart" />
    </section>
  );
}

export function shareSentence(selfShare: number | null, target: number | undefined, t: ReturnType<typeof useT>, locale: string): string {
  if (selfShare === null) return t('holdingsShareUnknown');
  const share = formatPercent(selfShare, locale, 0);
  return target === undefined ? t('holdingsShare', share) : t('holdingsShareGoal', [share, formatPercent(target, locale, 0)]);
}
