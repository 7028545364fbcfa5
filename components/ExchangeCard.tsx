import type { ExchangeView } from '../lib/view/exchange-view';
import { porLabel } from './por-label';
import { useT } from './i18n';

export interface ExchangeCardProps {
  view: ExchangeView;
}

/** The exchange's facts, each with where it comes from and the date it describes. */
export function ExchangeCard({ view }: ExchangeCardProps) {
  const t = useT();
  const { por, status } = view;
  return (
    <article class="card" data-testid="exchange-card" aria-labelledby="card-title">
      <h1 id="card-title" class="card__title">{view.name}</h1>
      {status.kind !== 'operating' && (
        <p class="card__status card__status--danger">
          <strong>{t(status.kind === 'collapsed' ? 'statusCollapsed' : 'statusClosed')}</strong> ({status.date}): {status.history}{' '}
          <a href={status.source} target="_blank" rel="noreferrer noopener">
            {t('source')}
          </a>
        </p>
      )}
      <section>
        <h2 class="card__heading">{t('cardProofOfReserves')}</h2>
        <p data-testid="card-por">{porLabel(por, t)}</p>
        {por === undefined ? (
          <p class="card__muted">{t('cardNoData')}</p>
        ) : (
          <>
            {por.reserveRatios !== undefined && Object.keys(por.reserveRatios).length > 0 && (
              <>
                <h3 class="card__subheading">{t('reserveRatios')}</h3>
                <ul class="card__ratios">
                  {Object.entries(por.reserveRatios).map(([asset, ratio]) => (
                    <li key={asset}>
                      <span>{asset}</span> <span>{(ratio * 100).toFixed(2)} %</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p class="card__provenance">
              <a href={por.source} target="_blank" rel="noreferrer noopener">
                {t('source')}
              </a>
              , {t('asOf', por.asOf)}
            </p>
          </>
        )}
        {view.porUrl !== undefined && (
          <p>
            <a href={view.porUrl} target="_blank" rel="noreferrer noopener">
              {t('cardOpenPorPage')}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}
