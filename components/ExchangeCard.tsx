import type { ExchangeView } from '../lib/view/exchange-view';
import type { GradeExchangeReturnType } from '../lib/risk/grade';
import type { ActiveWarning } from '../lib/community/active-warnings';
import { formatAge, formatDate, formatRatio, formatSignedUsd, formatUsd } from '../lib/words/format';
import { saysIncomplete } from '../lib/words/level-words';
import { porLabel } from '../lib/words/por-label';
import { gapAfter, joiners } from '../lib/words/punctuation';
import { textLanguage } from '../lib/words/text-language';
import { ReasonWordsContext, ReasonWordsWaitContext, useLocale, useT } from '../utils/i18n';
import { useContext } from 'preact/hooks';
import { cardItems, cardReasonKey, type CardReason } from '../lib/view/card-order';
import { ListText, SourceWords, Worded } from './SourceWords';
import { LevelChip, Provenance, Section, ShareBar, SourceLink } from './card/parts';
import { PorClaimCheck, PorDates, PorTrend } from './card/por';

/**
 * The exchange's view, with the kept past reports and the feed's claim-vs-chain check where the
 * background provides them (the trend and the check are drawn only then).
 */

export interface ExchangeCardProps {
  view: ExchangeView;
  /** Opens the withdrawal guide for this exchange. */
  onWithdraw?: () => void;
  /** Heading level of the exchange name, so the card fits the page it is placed in. */
  headingLevel?: 1 | 2;
  idPrefix?: string;
}

/** The verdict in a sentence: the level in words, then whether the picture is whole. Unknown is never put as safe. */
function Verdict({ verdict }: { verdict: GradeExchangeReturnType }) {
  const t = useT();
  const { sentence } = joiners(useLocale());
  return (
    <p class="card__verdict" data-testid="card-verdict">
      <strong>{t(`verdict_${verdict.level}`)}</strong>
      {saysIncomplete(verdict) && `${sentence}${t('verdictIncomplete')}`}
    </p>
  );
}

const warningKey = (warning: ActiveWarning) => `${warning.listHost}-${warning.listName}-${warning.title}`;
const reasonKey = (item: CardReason) => (item.kind === 'reason' ? cardReasonKey(item.reason) : warningKey(item.warning));

/**
 * A community warning's first line: its severity in words (the colour beside it is not the only
 * sign, WCAG 1.4.1), its title, and whose it is: the name the list gives itself, which any signer
 * may choose, beside the host the user subscribed to it at.
 */
function WarningHead({ warning }: { warning: ActiveWarning }) {
  const t = useT();
  const severity = t(`warningSeverity_${warning.severity}`);
  // A full-width colon (zh_CN "危险：") carries its own spacing; a space after it is wrong in Chinese type.
  const locale = useLocale();
  const gap = gapAfter(severity, locale);
  const { open, close } = joiners(locale);
  return (
    <>
      <span class="warning__severity">{severity}</span>
      {gap}
      <SourceWords text={warning.title} lang={warning.listLang ?? ''} strong />
      <span class="muted">
        {open}
        <Worded message={(slots) => t('warningFrom', slots)} parts={[<ListText key="name" text={warning.listName} lang={warning.listLang} />, warning.listHost]} />
        {close}
      </span>
    </>
  );
}

/** One finding: a verdict reason with its source, or a community warning (its body and sources are in the details). */
function ReasonItem({ item, now, words }: { item: CardReason; now: Date; words: Record<string, string> | undefined }) {
  const t = useT();
  const locale = useLocale();
  const say = useContext(ReasonWordsContext);
  if (item.kind === 'warning') {
    const { warning } = item;
    return (
      <li class={`reason reason--${warning.severity}`} data-effect={warning.severity} data-kind="warning">
        <WarningHead warning={warning} />
      </li>
    );
  }
  const { reason } = item;
  const text = words?.[cardReasonKey(reason)] ?? say?.(reason, t, locale, now) ?? '';
  return (
    <li class={`reason reason--${reason.effect}`} data-effect={reason.effect} data-metric={reason.metric}>
      {text}
      {reason.source !== undefined && (
        <>
          {gapAfter(text, locale)}
          <SourceLink href={reason.source} />
        </>
      )}
      {/* A figure is read with the day it describes (its source's date, not when we fetched it); a sourced figure without one says so. */}
      {(reason.asOf !== undefined || reason.source !== undefined) && (
        <>
          {' · '}
          {reason.asOf === undefined ? (
            <span data-testid="reason-as-of">{t('reasonDateUnknown')}</span>
          ) : (
            <time dateTime={reason.asOf} data-testid="reason-as-of">
              {t('asOf', formatDate(reason.asOf, locale))}
            </time>
          )}
        </>
      )}
      {/* A share of a total from another answer: that total's date and source too, both dates shown because either may be the stale one. */}
      {reason.totalAsOf !== undefined && (
        <>
          {joiners(locale).semicolon}
          <time dateTime={reason.totalAsOf} data-testid="reason-total-as-of">
            {t('totalAsOf', formatDate(reason.totalAsOf, locale))}
          </time>
          {reason.totalSource !== undefined && (
            <>
              {' '}
              <SourceLink href={reason.totalSource} />
            </>
          )}
        </>
      )}
    </li>
  );
}

/**
 * The exchange's card, read top to bottom: the verdict in a sentence, the worst few reasons, the
 * way out (withdraw); then, one click away, every other reason and every figure, each with where
 * it comes from and the date it describes.
 */
export function ExchangeCard({ view, onWithdraw, headingLevel = 1, idPrefix = 'card' }: ExchangeCardProps) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const now = new Date(view.computedAt);
  const { por, status, verdict, onchain, flows } = view;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const sectionLevel = headingLevel === 1 ? 2 : 3;
  const concentration = verdict.metrics.concentration;
  const { stablecoins, largest } = view.shares;
  const majorRatios = view.porRatios ?? [];
  const all = cardItems(view);
  // The exchange page's card opened before the background's words for its reasons came: one line
  // in their place (loading, or that they could not be had), never an empty or half-worded list.
  const say = useContext(ReasonWordsContext);
  const waiting = useContext(ReasonWordsWaitContext);
  const wait = view.reasonWords === undefined && say === undefined ? waiting : undefined;
  const [lead, rest] = [all.lead, all.rest].map((items) => (wait === undefined ? items : items.filter((item) => item.kind === 'warning'))) as [CardReason[], CardReason[]];
  const waitLine = (items: CardReason[]) =>
    wait !== undefined &&
    items.some((item) => item.kind === 'reason') && (
      <p class="muted" role="status" data-testid="card-reasons-wait">
        {t(wait === 'failed' ? 'cardReasonsFailed' : 'cardReasonsLoading')}
      </p>
    );

  return (
    <article class={`card card--${verdict.level}`} data-testid="exchange-card" aria-labelledby={`${idPrefix}-title`}>
      <header class="card__header">
        {/* Focusable by script only: the popup hands it the focus when an answer it asked again for is drawn. */}
        <Heading id={`${idPrefix}-title`} class="card__title" tabindex={-1}>
          {view.name}
        </Heading>
        <LevelChip verdict={verdict} />
      </header>

      {status.kind !== 'operating' && (
        <p class="card__alert" role="alert">
          <strong>{t(status.kind === 'collapsed' ? 'statusCollapsed' : 'statusClosed')}</strong>
          {join.open}
          {formatDate(status.date, locale)}
          {join.close}
          {join.colon}
          <SourceWords text={status.history} /> <SourceLink href={status.source} />
        </p>
      )}

      <Verdict verdict={verdict} />

      {waitLine(all.lead)}
      {lead.length > 0 && (
        <ul class="reasons reasons--lead" data-testid="card-reasons" aria-label={t('cardWhy')}>
          {lead.map((item) => (
            <ReasonItem key={reasonKey(item)} item={item} now={now} words={view.reasonWords} />
          ))}
        </ul>
      )}

      {onWithdraw !== undefined && status.kind === 'operating' && (
        <button type="button" class="primary card__withdraw" onClick={onWithdraw} data-testid="withdraw">
          {t('withdrawAction')}
        </button>
      )}

      {/* Closed on every opening: the card's first screen is the short one. */}
      <details class="card__details" data-testid="card-details">
        <summary data-testid="card-details-toggle">{t('cardDetails')}</summary>
        <div class="card__details-body">
          {all.rest.length > 0 && (
            <Section level={sectionLevel} title={t('cardMoreReasons', String(all.rest.length))} testId="card-more-reasons">
              {waitLine(all.rest)}
              {rest.length > 0 && (
                <ul class="reasons">
                  {rest.map((item) => (
                    <ReasonItem key={reasonKey(item)} item={item} now={now} words={view.reasonWords} />
                  ))}
                </ul>
              )}
            </Section>
          )}

          {view.warningListsUnread === true && (
            <Section level={sectionLevel} title={t('cardWarnings')} testId="card-warnings">
              <p class="muted">{t('warningListsUnread')}</p>
            </Section>
          )}
          {view.warnings.length > 0 && (
            <Section level={sectionLevel} title={t('cardWarnings')} testId="card-warnings">
              <ul class="warnings">
                {view.warnings.map((warning) => (
                  <li key={warningKey(warning)} class={`warning warning--${warning.severity}`} data-severity={warning.severity}>
                    <WarningHead warning={warning} />
                    <p lang={textLanguage(warning.listLang, locale).lang}>{warning.body}</p>
                    <p class="provenance">
                      {warning.sources.map((source) => (
                        <SourceLink key={source} href={source} />
                      ))}{' '}
                      · <time dateTime={warning.published}>{formatDate(warning.published, locale)}</time>
                    </p>
                  </li>
                ))}
              </ul>
            </Section>
          )}

          <Section level={sectionLevel} title={t('cardProofOfReserves')} testId="card-por-section">
            <p data-testid="card-por" data-late={por?.method === 'none' && view.porChecked?.late ? 'us' : undefined}>
              {porLabel(por, t, locale, view.porChecked)}
            </p>
            {por === undefined ? (
              <p class="muted">{t('cardNoData')}</p>
            ) : (
              <>
                {por.snapshotDate !== undefined && por.method !== 'none' && (
                  <p class="muted" data-testid="card-por-age">
                    {t('porSnapshotAge', [formatDate(por.snapshotDate, locale), formatAge(por.snapshotDate, now, locale, t)])}
                  </p>
                )}
                {majorRatios.length > 0 && (
                  <table class="ratios" data-testid="card-ratios">
                    <caption>{t('reserveRatios')}</caption>
                    <tbody>
                      {majorRatios.map(([asset, ratio]) => (
                        <tr key={asset} class={ratio < 1 ? 'ratio--short' : ''}>
                          <th scope="row">{asset}</th>
                          <td>{formatRatio(ratio, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {por.note !== undefined && (
                  <p class="muted">
                    <SourceWords text={por.note} />
                  </p>
                )}
                <PorDates por={por} checked={view.porChecked} now={now} />
                {view.porTrend !== undefined && <PorTrend trend={view.porTrend} />}
                {view.porCheck !== undefined && view.porCheckRows !== undefined && <PorClaimCheck check={view.porCheck} rows={view.porCheckRows} />}
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

          <Section level={sectionLevel} title={t('cardConcentration')} testId="card-concentration">
            {onchain === undefined ? (
              <p class="muted">{t('unknownFigure')}</p>
            ) : (
              <>
                <p>{t('onchainTotal', formatUsd(onchain.totalUsd, locale))}</p>
                <ShareBar label={t('shareOwnToken')} share={concentration?.ownTokenShare} testId="bar-own-token" />
                <Provenance source={onchain.source} asOf={onchain.asOf} now={now} />
                {/* The breakdown's bars, dated and sourced by the breakdown (often another, older answer than the totals'). */}
                <ShareBar label={t('shareStablecoins')} share={stablecoins.share} floor={stablecoins.floor} testId="bar-stablecoins" />
                <ShareBar label={largest.symbol === undefined ? t('shareTopAssetUnnamed') : t('shareTopAsset', largest.symbol)} share={largest.share} floor={largest.floor} testId="bar-top-asset" />
                {onchain.topTokens !== undefined && <Provenance source={onchain.breakdownSource ?? onchain.source} asOf={onchain.breakdownAsOf ?? onchain.asOf} now={now} />}
              </>
            )}
          </Section>

          <Section level={sectionLevel} title={t('cardFlows')} testId="card-flows">
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
            <Section level={sectionLevel} title={t('cardIncidents')} testId="card-incidents">
              <ul class="incidents">
                {view.incidents.slice(0, 4).map((incident) => (
                  <li key={incident.date + incident.summary}>
                    <time dateTime={incident.date}>{formatDate(incident.date, locale)}</time>
                    {join.colon}
                    <SourceWords text={incident.summary} /> <SourceLink href={incident.source} />
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      </details>
    </article>
  );
}
