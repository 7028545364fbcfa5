import type { SourceStatus } from '../../lib/reserves/schedule';
import type { BundledDays } from '../../lib/reserves/bundled-holds';
import type { SourceGroup } from '../../lib/view/source-groups';
import { formatAge, formatCount, formatDate, formatMoment, formatUntil } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import { answerFailureText } from '../../lib/words/answer-failure';
import { fetchFailureText } from '../../lib/words/fetch-failure';
import { feedFailureText } from '../../lib/words/feed-failure';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import type { SourceRow } from '../Options';

const SOURCE_NAMES: Record<string, MessageKey> = {
  feed: 'sourceFeedName',
  cexs: 'sourceCexsName',
  'own-token-prices': 'sourceOwnTokenPricesName',
  protocol: 'sourceProtocolName',
};

/** The row's words while no fetch of its own succeeded: all exchanges covered, then the plural forms of "only some". */
const BUNDLED_KEYS = ['sourceBundledInUse', 'sourceBundledInUsePartOne', 'sourceBundledInUsePart'] as const satisfies readonly MessageKey[];
const FETCHED_KEYS = ['sourceFetchedInUse', 'sourceFetchedInUsePartOne', 'sourceFetchedInUsePart'] as const satisfies readonly MessageKey[];

const STATUS_KEYS: Record<SourceStatus, MessageKey> = {
  fresh: 'sourceFresh',
  stale: 'sourceStale',
  failing: 'sourceFailing',
  never: 'sourceNever',
};

/**
 * One source: its name, state and age on one line that opens onto its details. A failure is said
 * in the reader's words only: the platform's own error text ("Failed to fetch", a field path) is
 * English in every browser and tells a reader nothing the sentence does not, so it stays off the page.
 */
export function SourceItem({ group, exchangeNames, now }: { group: SourceGroup<SourceRow>; exchangeNames: Record<string, string>; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const age = (iso: string | undefined) => (iso === undefined ? t('never') : formatAge(iso, now, locale, t));
  const perExchange = group.id === 'protocol';
  // A grouped row claims the bundled data only when it holds figures for every exchange in the group.
  const bundled = group.members.every((member) => member.bundledAt !== undefined);
  const only = perExchange ? undefined : group.members[0];
  const errorOf = (row: SourceRow | undefined) => {
    if (row?.lastFetchFailure !== undefined) return fetchFailureText(row.lastFetchFailure, t, locale);
    if (row?.lastFeedFailure !== undefined) return feedFailureText(row.lastFeedFailure, t, locale);
    if (row?.lastAnswerFailure !== undefined) return answerFailureText(row.lastAnswerFailure, t, locale, formatMoment);
    return undefined;
  };
  // The days the bundled figures describe and their age: the compile date is no age of theirs. One undated member leaves the oldest unknown.
  const days = bundledDaysOf(group.members);
  // The feed row gives the day we last checked our copy: an exchange's old report is its staleness, not our copy's age.
  const checked = only?.bundledChecked;
  const dated =
    checked !== undefined
      ? t('sourceBundledChecked', [formatDate(checked, locale), formatAge(checked, now, locale, t)])
      : days === undefined
        ? t('sourceBundledUndated')
        : days.from === days.to
          ? t('sourceBundledDay', [formatDate(days.from, locale), formatAge(days.from, now, locale, t)])
          : t('sourceBundledDays', [formatDate(days.from, locale), formatAge(days.from, now, locale, t), formatDate(days.to, locale), formatAge(days.to, now, locale, t)]);
  // Bundled figures for only some of the exchanges the source covers: says for how many, never that all are covered.
  const coverage = only?.bundledExchanges;
  // Figures the feed brought are said to be fetched: they did not come with the extension.
  const [all, one, other] = only?.heldFetched === true ? FETCHED_KEYS : BUNDLED_KEYS;
  const bundledWords = () =>
    coverage === undefined || coverage.count >= coverage.of
      ? t(all, dated)
      : pluralText(coverage.count, { one, other }, t, locale, [dated, formatCount(coverage.count, locale), formatCount(coverage.of, locale)]);
  return (
    <li class="source" data-testid="source-row" data-source={group.id} data-status={group.status}>
      <details>
        <summary class="source__summary">
          <span class="source__name" data-testid="source-name">
            {SOURCE_NAMES[group.id] === undefined ? group.id : t(SOURCE_NAMES[group.id]!)}
          </span>{' '}
          <span class="source__state">
            <span class={`status status--${group.status}`}>{t(STATUS_KEYS[group.status])}</span>
            {perExchange && (
              <>
                {' · '}
                <span data-testid="source-count">
                  {group.count === group.members.length && group.count > 1
                    ? t('sourceGroupCountAll', formatCount(group.count, locale))
                    : pluralText(group.count, { one: 'sourceGroupCountOne', other: 'sourceGroupCount' }, t, locale, [formatCount(group.count, locale), formatCount(group.members.length, locale)])}
                </span>
              </>
            )}
          </span>{' '}
          <span class="source__age">
            {/* Never fetched: the cards show the data that came with the extension, and this says so, with the days its figures describe and their age. */}
            {group.oldestSuccess === undefined && bundled ? bundledWords() : t('sourceLastSuccessAt', age(group.oldestSuccess))}
          </span>
          {errorOf(only) !== undefined && <span class="source__error">{errorOf(only)}</span>}
        </summary>
        <div class="source__details">
          <dl class="source__facts">
            <dt>{t('sourceAddress')}</dt>
            <dd class="source__url">{perExchange ? `${commonStart(group.members.map((member) => member.url))}…` : only?.url}</dd>
            {only?.nextAttemptAt !== undefined && (
              <>
                <dt>{t('sourceNextAttempt')}</dt>
                <dd>{formatUntil(only.nextAttemptAt, now, locale, t)}</dd>
              </>
            )}
          </dl>
          {perExchange && (
            <table class="source__table">
              <thead>
                <tr>
                  <th scope="col">{t('exchangeColumn')}</th>
                  <th scope="col">{t('statusColumn')}</th>
                  <th scope="col">{t('lastSuccessColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((member) => (
                  <tr key={member.id} data-testid="source-exchange" data-status={member.status}>
                    <th scope="row">{member.exchangeId === undefined ? member.url : (exchangeNames[member.exchangeId] ?? member.exchangeId)}</th>
                    <td>
                      <span class={`status status--${member.status}`}>{t(STATUS_KEYS[member.status])}</span>
                      {errorOf(member) !== undefined && <span class="source__error">{errorOf(member)}</span>}
                    </td>
                    <td>{age(member.lastSuccess)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </details>
    </li>
  );
}

/** The oldest and newest day over every member's bundled figures; undefined when any member's are undated. */
function bundledDaysOf(members: readonly SourceRow[]): BundledDays | undefined {
  const all = members.map((member) => member.bundledDays);
  if (all.length === 0 || all.some((days) => days === undefined)) return undefined;
  const known = all as BundledDays[];
  return {
    from: known.map((days) => days.from).sort()[0]!,
    to: known
      .map((days) => days.to)
      .sort()
      .at(-1)!,
  };
}

/** The start every address shares (`https://api.llama.fi/protocol/`). */
function commonStart(texts: readonly string[]): string {
  const [first = '', ...rest] = texts;
  let length = first.length;
  for (const text of rest) while (!text.startsWith(first.slice(0, length))) length--;
  return first.slice(0, length);
}
