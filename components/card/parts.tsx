/** The small pieces the exchange card is made of, shared by its sections and the popup. */
import type { ComponentChildren } from 'preact';
import type { GradeExchangeReturnType } from '../../lib/risk/grade';
import { formatAge, formatDate, formatShare, isHttpsUrl, sourceSite } from '../../lib/words/format';
import { levelWords } from '../../lib/words/level-words';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';

/** The level and grade; "Caution · incomplete" when a required figure is missing. */
export function LevelChip({ verdict }: { verdict: Pick<GradeExchangeReturnType, 'level' | 'grade' | 'incomplete'> }) {
  const t = useT();
  const { level, grade } = verdict;
  return (
    <span class={`chip chip--${level}`} data-testid="level-chip" data-level={level} data-incomplete={verdict.incomplete === true ? 'true' : undefined}>
      <span class="chip__grade" aria-hidden="true">
        {grade}
      </span>
      <span>{levelWords(verdict, t)}</span>
    </span>
  );
}

/** A source link named by its site ("binance.com"); its accessible name says it is a source. */
export function SourceLink({ href }: { href: string }) {
  const t = useT();
  const site = sourceSite(href);
  // Only an address the data schema allows is linked (`UrlSchema`); anything else is shown as text.
  return isHttpsUrl(href) ? (
    <a href={href} target="_blank" rel="noreferrer noopener" aria-label={t('sourceLabel', site)} data-testid="source-link">
      {site}
    </a>
  ) : (
    // biome-ignore lint/complexity/noUselessFragments: a component returns an element; the fragment makes the bare text one.
    <>{site}</>
  );
}

/** Where a figure comes from and the date it describes, with its age. */
export function Provenance({ source, asOf, now }: { source: string; asOf: string; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const { open, close } = joiners(locale);
  return (
    <p class="provenance">
      <SourceLink href={source} />
      {' · '}
      <time dateTime={asOf}>{t('asOf', formatDate(asOf, locale))}</time>
      {open}
      {formatAge(asOf, now, locale, t)}
      {close}
    </p>
  );
}

/**
 * A share of the on-chain total as a labelled bar. A floor (a list that leaves too much out) reads
 * "at least"; an unknown share reads "Unknown" and draws no bar, so it never looks like a measured 0.
 */
export function ShareBar({ label, share, floor = false, testId }: { label: string; share: number | undefined; floor?: boolean; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const percent = share === undefined ? t('unknownFigure') : floor ? t('shareAtLeast', formatShare(share, locale)) : formatShare(share, locale);
  return (
    <div class="bar" data-testid={testId} data-share={share === undefined ? 'unknown' : floor ? 'floor' : 'share'}>
      <div class="bar__label">
        <span>{label}</span>
        <span>{percent}</span>
      </div>
      {share !== undefined && (
        <div class="bar__track" role="img" aria-label={`${label}${joiners(locale).colon}${percent}`}>
          <div class="bar__fill" style={{ width: `${Math.min(100, Math.max(0, share * 100)).toFixed(1)}%` }} />
        </div>
      )}
    </div>
  );
}

/** One titled part of the card's details, its heading one level under the card's title (`level`), so none is skipped. */
export function Section({ title, children, testId, level }: { title: string; children: ComponentChildren; testId: string; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="card__section" data-testid={testId}>
      <Heading class="card__heading">{title}</Heading>
      {children}
    </section>
  );
}
