import type { ComponentChildren } from 'preact';
import type { ExchangeView } from '../lib/view/exchange-view';
import type { RiskLevel } from '../lib/risk/order';
import { MAJOR_ASSETS } from '../lib/risk/assets';
import { formatAge, formatDate, formatPercent, formatSignedUsd, formatUsd } from './format';
import { porLabel } from './por-label';
import { reasonText } from './reason-text';
import { useLocale, useT, type MessageKey } from './i18n';

export interface ExchangeCardProps {
  view: ExchangeView;
  /** Opens the withdrawal guide for this exchange. */
  onWithdraw?: () => void;
  /** Heading level of the exchange name, so the card fits the page it is placed in. */
  headingLevel?: 1 | 2;
  idPrefix?: string;
}

const LEVEL_KEYS: Record<RiskLevel, MessageKey> = {
  ok: 'level_ok',
  caution: 'level_caution',
  danger: 'level_danger',
  unknown: 'level_unknown',
};

export function LevelChip({ level, grade }: { level: RiskLevel; grade: string }) {
  const t = useT();
  return (
    <span class={`chip chip--${level}`} data-testid="level-chip" data-level={level}>
      <span class="chip__grade" aria-hidden="true">
        {grade}
      </span>
      <span>{t(LEVEL_KEYS[level])}</span>
    </span>
  );
}

function Provenance({ source, asOf, now }: { source: string; asOf: string; now: Date }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p class="provenance">
      <a href={source} target="_blank" rel="noreferrer noopener">
        {t('source')}
      </a>
      {' · '}
      <time dateTime={asOf}>{t('asOf', formatDate(asOf, locale))}</time> ({formatAge(asOf, now, locale)})
    </p>
  );
}

function ShareBar({ label, share, testId }: { label: string; share: number; testId: string }) {
  const locale = useLocale();
  const percent = formatPercent(share, locale);
  return (
    <div class="bar" data-testid={testId}>
      <div class="bar__label">
        <span>{label}</span>
        <span>{percent}</span>
      </div>
      <div class="bar__track" role="img" aria-label={`${label}: ${percent}`}>
        <div class="bar__fill" style={{ width: `${Math.min(100, Math.max(0, share * 100)).toFixed(1)}%` }} />
      </div>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ComponentChildren; testId: string }) {
  return (
    <section class="card__section" data-testid={testId}>
      <h3 class="card__heading">{title}</h3>
      {children}
    </section>
  );
}

/** The exchange's facts, each with where it comes from and the date it describes. */
export function ExchangeCard({ view, onWithdraw, headingLevel = 1, idPrefix = 'card' }: ExchangeCardProps) {
  const t = useT();
  const locale = useLocale();
  const now = new Date(view.computedAt);
  const { por, status, verdict, onchain, flows } = view;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const concentration = verdict.metrics.concentration;
  const majorRatios = por?.reserveRatios === undefined ? [] : Object.entries(por.reserveRatios).sort(([a], [b]) => rank(a) - rank(b));
  const topReasons = verdict.reasons.filter((reason) => reason.effect !== 'ok').slice(0, 4);

  return (
    <article class={`card card--${verdict.level}`} data-testid="exchange-card" aria-labelledby={`${idPrefix}-title`}>
      <header class="card__header">
        <Heading id={`${idPrefix}-title`} class="card__title">
          {view.name}
        </Heading>
        <LevelChip level={verdict.level} grade={verdict.grade} />
      </header>

      {status.kind !== 'operating' && (
        <p class="card__alert" role="alert">
          <strong>{t(status.kind === 'collapsed' ? 'statusCollapsed' : 'statusClosed')}</strong> ({formatDate(status.date, locale)}): {status.history}{' '}
          <a href={status.source} target="_blank" rel="noreferrer noopener">
            {t('source')}
          </a>
        </p>
      )}

      {view.warnings.length > 0 && (
        <Section title={t('cardWarnings')} testId="card-warnings">
          <ul class="warnings">
            {view.warnings.map((warning) => (
              <li key={`${warning.listName}-${warning.title}`} class={`warning warning--${warning.severity}`} data-severity={warning.severity}>
                <strong>{warning.title}</strong> <span class="muted">({t('warningFrom', warning.listName)})</span>
                <p>{warning.body}</p>
                <p class="provenance">
                  {warning.sources.map((source, index) => (
                    <a key={source} href={source} target="_blank" rel="noreferrer noopener">
                      {index === 0 ? t('source') : `${t('source')} ${index + 1}`}
                    </a>
                  ))}{' '}
                  · <time dateTime={warning.published}>{formatDate(warning.published, locale)}</time>
                </p>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {topReasons.length > 0 && (
        <Section title={t('cardWhy')} testId="card-reasons">
          <ul class="reasons">
            {topReasons.map((reason) => (
              <li key={reason.metric + reason.message} class={`reason reason--${reason.effect}`}>
                {reasonText(reason, t, locale, now)}
                {reason.source !== undefined && (
                  <>
                    {' '}
                    <a href={reason.source} target="_blank" rel="noreferrer noopener">
                      {t('source')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('cardProofOfReserves')} testId="card-por-section">
        <p data-testid="card-por">{porLabel(por, t)}</p>
        {por === undefined ? (
          <p class="muted">{t('cardNoData')}</p>
        ) : (
          <>
            {por.snapshotDate !== undefined && (
              <p class="muted" data-testid="card-por-age">
                {t('porSnapshotAge', [formatDate(por.snapshotDate, locale), formatAge(por.snapshotDate, now, locale)])}
              </p>
            )}
            {majorRatios.length > 0 && (
              <table class="ratios" data-testid="card-ratios">
                <caption>{t('reserveRatios')}</caption>
                <tbody>
                  {majorRatios.map(([asset, ratio]) => (
                    <tr key={asset} class={ratio < 1 ? 'ratio--short' : ''}>
                      <th scope="row">{asset}</th>
                      <td>{formatPercent(ratio, locale, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {por.note !== undefined && <p class="muted">{por.note}</p>}
            <Provenance source={por.source} asOf={por.asOf} now={now} />
          </>
        )}
        {view.porUrl !== undefined && (
          <p>
            <a href={view.porUrl} target="_blank" rel="noreferrer noopener">
              {t('cardOpenPorPage')}
            </a>
          </p>
        )}
      </Section>

      <Section title={t('cardConcentration')} testId="card-concentration">
        {onchain === undefined ? (
          <p class="muted">{t('unknownFigure')}</p>
        ) : (
          <>
            <p>{t('onchainTotal', formatUsd(onchain.totalUsd, locale))}</p>
            {concentration?.ownTokenShare !== undefined && <ShareBar label={t('shareOwnToken')} share={concentration.ownTokenShare} testId="bar-own-token" />}
            {concentration?.stablecoinShare !== undefined && <ShareBar label={t('shareStablecoins')} share={concentration.stablecoinShare} testId="bar-stablecoins" />}
            {concentration?.topAsset !== undefined && (
              <ShareBar label={t('shareTopAsset', concentration.topAsset.symbol)} share={concentration.topAsset.share} testId="bar-top-asset" />
            )}
            <Provenance source={onchain.source} asOf={onchain.asOf} now={now} />
          </>
        )}
      </Section>

      <Section title={t('cardFlows')} testId="card-flows">
        {flows === undefined ? (
          <p class="muted">{t('unknownFigure')}</p>
        ) : (
          <>
            <dl class="flows">
              {(
                [
                  ['flows24h', flows.net24hUsd],
                  ['flows7d', flows.net7dUsd],
                  ['flows30d', flows.net30dUsd],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd class={value !== undefined && value < 0 ? 'negative' : ''}>{value === undefined ? t('unknownFigure') : formatSignedUsd(value, locale)}</dd>
                </div>
              ))}
            </dl>
            <Provenance source={flows.source} asOf={flows.asOf} now={now} />
          </>
        )}
      </Section>

      {view.incidents.length > 0 && (
        <Section title={t('cardIncidents')} testId="card-incidents">
          <ul class="incidents">
            {[...view.incidents]
              .sort((a, b) => b.date.localeCompare(a.date))
              .slice(0, 4)
              .map((incident) => (
                <li key={incident.date + incident.summary}>
                  <time dateTime={incident.date}>{formatDate(incident.date, locale)}</time>: {incident.summary}{' '}
                  <a href={incident.source} target="_blank" rel="noreferrer noopener">
                    {t('source')}
                  </a>
                </li>
              ))}
          </ul>
        </Section>
      )}

      {onWithdraw !== undefined && status.kind === 'operating' && (
        <button type="button" class="primary" onClick={onWithdraw} data-testid="withdraw">
          {t('withdrawAction')}
        </button>
      )}
    </article>
  );
}

function rank(asset: string): number {
  const index = MAJOR_ASSETS.indexOf(asset);
  return index === -1 ? MAJOR_ASSETS.length : index;
}
