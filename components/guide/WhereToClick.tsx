import { exchangeWithdrawalHints, type ExchangeWithdrawalHint, type WithdrawalHintCode, type WithdrawalHintSource } from '../../lib/custody/steps';
import { formatDate } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import { fullStop, gapAfter, joiners } from '../../lib/words/punctuation';
import { useLocale, useT, type MessageKey } from '../../utils/i18n';
import type { GuideExchange } from './Guide';
import { ExternalLink } from './shared';

/** Words for each hint code; `$1` is the exchange's name, `$2` the hold's length where there is one. */
const STATEMENT: Record<WithdrawalHintCode, MessageKey> = {
  'page-link': 'wherePageLinkIntro',
  'page-link-needs-asset': 'wherePageLinkNeedsAsset',
  'page-menu-web': 'wherePageMenuWeb',
  'page-menu-app': 'wherePageMenuApp',
  'page-unknown': 'wherePageUnknown',
  'whitelist-offered': 'whereWhitelistOffered',
  'whitelist-always-on': 'whereWhitelistAlwaysOn',
  'whitelist-not-offered': 'whereWhitelistNotOffered',
  'whitelist-unknown': 'whereWhitelistUnknown',
  'lock-always': 'whereLockAlways',
  'lock-opt-in': 'whereLockOptIn',
  'lock-with-whitelist': 'whereLockWithWhitelist',
  'lock-after-password-change': 'whereLockAfterPasswordChange',
  'lock-none': 'whereLockNone',
  'lock-unknown': 'whereLockUnknown',
  'fees-page': 'whereFeesPage',
  'fees-withdrawal-form': 'whereFeesWithdrawalForm',
  'fees-in-account': 'whereFeesInAccount',
  'fees-unknown': 'whereFeesUnknown',
};

/** The label of the link to where the user acts, by topic. */
const ACTION: Record<ExchangeWithdrawalHint['topic'], MessageKey> = {
  'withdrawal-page': 'whereOpenWithdrawalPage',
  whitelist: 'whereOpenSetting',
  'new-address-lock': 'whereOpenSetting',
  'network-fees': 'whereOpenFeePage',
};

/** Where a menu path leads, by topic. */
const MENU_LEAD: Record<ExchangeWithdrawalHint['topic'], MessageKey> = {
  'withdrawal-page': 'whereMenuGoTo',
  whitelist: 'whereMenuSetting',
  'new-address-lock': 'whereMenuSetting',
  'network-fees': 'whereMenuListed',
};

function Provenance({ source }: { source: WithdrawalHintSource }) {
  const t = useT();
  const locale = useLocale();
  const { open, close } = joiners(locale);
  const day = formatDate(source.asOf, locale);
  return (
    <span class="provenance" data-testid="where-source">
      {open}
      <ExternalLink href={source.url}>{t(source.dated === 'stated' ? 'whereSourceStated' : 'whereSourceSeen', day)}</ExternalLink>
      {close}
    </span>
  );
}

/** Whole days read better than 168 hours; a day or less, or a part day, stays in hours. */
function duration(t: ReturnType<typeof useT>, hours: number, locale: string): string {
  return hours >= 48 && hours % 24 === 0 ? t('whereDurationDays', String(hours / 24)) : pluralText(hours, { one: 'whereDurationHoursOne', other: 'whereDurationHours' }, t, locale, String(hours));
}

function statement(t: ReturnType<typeof useT>, hint: ExchangeWithdrawalHint, name: string, locale: string): string {
  // A hold the exchange documents without a length gets its own words, whatever its kind.
  if (hint.hours === null) return t('whereLockNoHours', name);
  return t(STATEMENT[hint.code], [name, hint.hours === undefined ? '' : duration(t, hint.hours, locale)]);
}

function HintLine({ hint, name }: { hint: ExchangeWithdrawalHint; name: string }) {
  const t = useT();
  const locale = useLocale();
  const said = statement(t, hint, name, locale);
  const stop = fullStop(locale);
  // After the menu path's own full stop: nothing in Chinese, whose "。" carries its space.
  const sentence = gapAfter(stop, locale);
  return (
    <li data-testid={`where-${hint.topic}`} data-code={hint.code}>
      {said}
      {hint.menuPath !== undefined && (
        <>
          {gapAfter(said, locale)}
          {/* The exchange's own menu labels, as its English site shows them: the words to look for, marked English (and as site words, data-site-words), with no "not translated" label mid-sentence. */}
          {t(MENU_LEAD[hint.topic])}{' '}
          <strong class="menu-path" data-testid="where-menu" data-site-words="" lang="en">
            {hint.menuPath.join(' › ')}
          </strong>
          {stop}
        </>
      )}
      {hint.url !== undefined && (
        <>
          {hint.menuPath === undefined ? gapAfter(said, locale) : sentence}
          <ExternalLink href={hint.url} testId={`where-${hint.topic}-link`}>
            {t(ACTION[hint.topic], name)}
          </ExternalLink>
        </>
      )}
      {hint.source !== undefined && <Provenance source={hint.source} />}
    </li>
  );
}

/**
 * "Where to click on <exchange>": the exchange's withdrawal page, address whitelist, hold on new
 * addresses and fee listing, each as a plain statement with its source and date, and unknown
 * said as unknown. Links open the exchange's own pages in a new tab, which the box says when it has one; nothing is filled in there.
 */
export function WhereToClick({ exchange, asset }: { exchange: GuideExchange; asset: string | null }) {
  const t = useT();
  const hints = exchangeWithdrawalHints({ withdrawal: exchange.withdrawal, asset });
  return (
    <section class="guide-facts where-to-click" data-testid="where-to-click" aria-labelledby="where-to-click-title">
      <h3 id="where-to-click-title">{t('whereTitle', exchange.name)}</h3>
      <ul>
        {hints.map((hint) => (
          <HintLine key={hint.topic} hint={hint} name={exchange.name} />
        ))}
      </ul>
      {/* Said only under a link (an action's or a fact's source, each on the exchange's own site): a box of unknowns has none. */}
      {hints.some((hint) => hint.url !== undefined || hint.source !== undefined) && (
        <p class="field__help" data-testid="where-never-fills">
          {t('whereNeverFills', exchange.name)}
        </p>
      )}
    </section>
  );
}
