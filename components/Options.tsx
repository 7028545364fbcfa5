import { CardSnoozes } from './options/CardSnoozes';
import { RunSnoozes } from './options/RunSnoozes';
import type { RunSnoozeView } from '../lib/view/run-alert-view';
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { NudgePolicy, Settings } from '../lib/settings';
import type { AnswerFailure } from '../lib/reserves/answer-failure';
import type { FetchFailure } from '../lib/reserves/fetch-source';
import type { FeedFailure } from '../lib/feed/verify-feed';
import type { SubscribeResult } from '../lib/community/subscription';
import { InlineConfirm, useInlineConfirm } from './InlineConfirm';
import { LanguagePicker } from './LanguagePicker';
import type { SourceStatus } from '../lib/reserves/schedule';
import type { BundledDays } from '../lib/reserves/bundled-holds';
import { groupSources } from '../lib/view/source-groups';
import { useLocale, useT, type MessageKey } from '../utils/i18n';
import type { AccessAnswer } from '../utils/permissions';
import { HostsWithheld, HostsWithheldAfter } from './options/HostsWithheld';
import { LookalikeProtection } from './options/LookalikeProtection';
import { RpcSetting } from './options/RpcSetting';
import { SourceItem } from './options/SourceItem';
import { WarningLists } from './options/WarningLists';
import { NotSavedStatus, useSettingChange, type ChangeSettings } from './options/setting-change';
import { type RefreshFailed, refreshFailedText, refreshOutcome } from './options/refresh-notice';

/** One request the background makes on a schedule, as the options page shows it. */
export interface SourceRow {
  id: string;
  /** The source it belongs to: `feed`, `cexs`, or `protocol` (DefiLlama, one request per exchange). */
  group: string;
  url: string;
  exchangeId?: string;
  status: SourceStatus;
  lastSuccess?: string;
  lastAnswerFailure?: AnswerFailure;
  lastFetchFailure?: FetchFailure;
  lastFeedFailure?: FeedFailure;
  nextAttemptAt?: string;
  /** When the data that came with the extension was compiled: in use from this source until a fetch succeeds. */
  bundledAt?: string;
  /** For how many of the exchanges this source covers the bundled data has figures. */
  bundledExchanges?: { count: number; of: number };
  /** The oldest and newest day those bundled figures describe: the row gives these and their age, never the compile date as their age. */
  bundledDays?: BundledDays;
  /** On the feed row: the day we last checked the PoR records in the bundled copy, which is that copy's age. */
  bundledChecked?: string;
  /** On the /cexs row once the feed has answered: the figures in use came with the feed, not with the extension. */
  heldFetched?: true;
}

export type { SignerChange, SubscribeResult } from '../lib/community/subscription';

/** One community warning-list subscription as the options page shows it. */
export interface SubscriptionRow {
  url: string;
  expectedSigner: string;
  health: 'never-checked' | 'ok' | 'failing' | 'expired';
  message: string;
  /** The name of the list in use, once one verified: the Unsubscribe button names it with its host. */
  listName?: string;
  /** That list's `lang`, marking its name in `message`; absent when the list does not say. */
  listLang?: string;
  /** Where `listName` starts in `message`, when the line names the list. */
  nameAt?: number;
  /** The list's host, when Reserve Radar may not read it: the row offers to allow it. */
  needsAccess?: string;
}

export interface OptionsProps {
  settings: Settings;
  sources: SourceRow[] | undefined;
  /** The background did not say how the sources stand; `sources` keeps what was shown before, if anything. */
  sourcesFailed?: boolean;
  exchangeNames: Record<string, string>;
  now: Date;
  /** Stores a change; rejects when it was not stored, and the control goes back to `settings` and says so. */
  onChange: ChangeSettings;
  /** Lookalike protection as it stands: the setting and the browser's access to tab addresses, both. */
  protectionOn: boolean;
  /** Asks for the broad permission first; resolves false when the user declines, rejects when the browser or storage fails. */
  onLookalikeProtection: (enabled: boolean) => Promise<boolean>;
  /** Hosts the user chose to open despite the lookalike warning; undefined while they load. */
  allowedHosts: string[] | undefined;
  onAllowedHostRemove: (host: string) => Promise<unknown> | undefined;
  /** Fetches every source now; resolves with the rows as they then stand, which the page's answer counts failures in. */
  onRefresh: () => Promise<SourceRow[] | undefined>;
  /** False when the browser withholds hosts the manifest requires (Chromium does after an extension gives up the access to all sites). */
  hostsHeld: boolean;
  /** Asks the browser for those hosts again, in the user's click (askAccess), and answers what came of it. */
  onRegrantHosts: () => Promise<AccessAnswer>;
  subscriptions: SubscriptionRow[] | undefined;
  /** The subscriptions could not be read; `subscriptions` keeps what was shown before, if anything. */
  subscriptionsFailed?: boolean;
  /**
   * Resolves with a plain-words reason when the list could not be added. `replaces`: the address the user
   * confirmed replacing at that URL. Asks the browser for the list's host first: call it at the click.
   */
  onSubscribe: (url: string, signer: string, replaces?: string) => Promise<SubscribeResult>;
  /** Asks the browser for a listed subscription's access (at the click); answers what came of it. */
  onAllowListAccess: (url: string) => Promise<AccessAnswer>;
  /** Rejects when the subscription was not removed: the page says so beside it. */
  onUnsubscribe: (url: string) => Promise<unknown> | undefined;
  /** Resolves false when the browser kept the optional permissions; the reset is done all the same. */
  onReset: () => Promise<boolean>;
  /** The holdings sections (components/HoldingsSection.tsx, HoldingsData.tsx), drawn by the entrypoint. */
  holdings?: ComponentChildren;
  /** Run-alert snoozes in force (muted alerts, not hidden cards); undefined while they load. */
  runSnoozes?: RunSnoozeView[] | undefined;
  /** Lifts a run-alert snooze; rejects when it was not lifted. */
  onRunUnsnooze?: (exchangeId: string) => Promise<unknown>;
  /** Changes when storage was emptied ("Delete everything"): the fields drop what was typed, and their errors, with it. */
  draftsKey?: number;
}

const POLICIES: [NudgePolicy, MessageKey][] = [
  ['every-visit', 'policyEveryVisit'],
  ['daily', 'policyDaily'],
  ['caution-or-worse', 'policyCautionOrWorse'],
  ['off', 'policyOff'],
];

export function Options(props: OptionsProps) {
  const {
    settings,
    sources,
    sourcesFailed = false,
    exchangeNames,
    now,
    onChange,
    protectionOn,
    onLookalikeProtection,
    allowedHosts,
    onAllowedHostRemove,
    onRefresh,
    hostsHeld,
    onRegrantHosts,
    onReset,
    subscriptions,
    onSubscribe,
    onUnsubscribe,
    onAllowListAccess,
    holdings,
    runSnoozes,
    onRunUnsnooze,
    draftsKey = 0,
  } = props;
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState<'refresh' | 'reset' | undefined>(undefined);
  // A key, worded when drawn: a reset may change the page's language after the notice is set.
  const [notice, setNotice] = useState<MessageKey | RefreshFailed | undefined>(undefined);
  // After "Delete everything" the last refresh's or reset's answer is about data that is gone.
  useEffect(() => setNotice(undefined), [draftsKey]);
  const resetConfirm = useInlineConfirm();
  // Each group says its own failures, next to the control that failed, until the settings they were about are gone:
  // deleted (a new draftsKey) or reset. A reset keeps the page's drafts (holdings, a list being added), so it changes
  // the settings' own mark, not draftsKey.
  const [resets, setResets] = useState(0);
  const settingsFrom = `${draftsKey}/${resets}`;
  const [nudgeNotSaved, changeNudge] = useSettingChange(onChange, 'nudge setting', settingsFrom);
  const [snoozeNotSaved, changeSnoozes] = useSettingChange(onChange, 'snooze removal', settingsFrom);
  const [languageNotSaved, changeLanguage] = useSettingChange(onChange, 'language', settingsFrom);

  // Busy buttons are aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
  const run = async (what: 'refresh' | 'reset', action: () => Promise<MessageKey | RefreshFailed>) => {
    if (busy !== undefined) return;
    setBusy(what);
    try {
      setNotice(await action());
    } catch {
      setNotice('errorBackground');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a href="verify.html" data-testid="verify-link">
          {t('verifyLink')}
        </a>
      </p>
      <p class="muted" role="status" data-testid="options-notice">
        {notice === undefined ? undefined : typeof notice === 'string' ? t(notice) : refreshFailedText(notice, t, locale)}
        {(notice === 'resetDone' || notice === 'resetDonePermissionsKept') && <HostsWithheldAfter held={hostsHeld} />}
      </p>

      <fieldset data-testid="nudge-policy">
        <legend>{t('nudgePolicy')}</legend>
        {POLICIES.map(([value, key]) => (
          <label key={value} class="option">
            <input type="radio" name="nudgePolicy" value={value} checked={settings.nudgePolicy === value} onChange={() => void changeNudge({ nudgePolicy: value })} />
            {t(key)}
          </label>
        ))}
        <label class="option">
          <input type="checkbox" checked={settings.autoExpandOnDanger} onChange={(event) => void changeNudge({ autoExpandOnDanger: (event.currentTarget as HTMLInputElement).checked })} />
          {t('autoExpandOnDanger')}
        </label>
        <NotSavedStatus notSaved={nudgeNotSaved} testId="nudge-notice" />
      </fieldset>

      {/* The first headed section: a reader who cannot read this page's language looks for it before anything else. The nudge
          settings above have no heading of their own and belong under the page's title, so they stay above it. */}
      <section aria-labelledby="language-title">
        <h2 id="language-title">{t('languageTitle')}</h2>
        <LanguagePicker value={settings.language} onChange={(language) => void changeLanguage({ language }, { key: 'languageSettingNotSaved' })} legendHidden />
        <NotSavedStatus notSaved={languageNotSaved} testId="language-notice" />
      </section>

      <CardSnoozes snoozes={settings.snoozes} exchangeNames={exchangeNames} onChange={(snoozes, failed) => changeSnoozes({ snoozes }, failed)} notSaved={snoozeNotSaved} />

      {onRunUnsnooze !== undefined && <RunSnoozes snoozes={runSnoozes} onRemove={onRunUnsnooze} />}

      <LookalikeProtection key={draftsKey} protectionOn={protectionOn} onLookalikeProtection={onLookalikeProtection} allowedHosts={allowedHosts} onAllowedHostRemove={onAllowedHostRemove} />

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t('sourcesTitle')}</h2>
        <p class="muted">{t('sourcesBody')}</p>
        <HostsWithheld held={hostsHeld} onRegrant={onRegrantHosts} />
        {sources === undefined ? (
          sourcesFailed ? (
            <p class="card__alert" role="alert" data-testid="sources-failed">
              {t('sourcesLoadFailed')}
            </p>
          ) : (
            <p class="muted" role="status" aria-busy="true">
              {t('loading')}
            </p>
          )
        ) : (
          <ul class="sources" data-testid="sources">
            {groupSources(sources).map((group) => (
              <SourceItem key={group.id} group={group} exchangeNames={exchangeNames} now={now} />
            ))}
          </ul>
        )}
        <button type="button" class="ghost" aria-disabled={busy !== undefined} onClick={() => void run('refresh', () => onRefresh().then(refreshOutcome))} data-testid="refresh-now">
          {busy === 'refresh' ? t('refreshing') : t('refreshNow')}
        </button>
      </section>

      <RpcSetting key={draftsKey} settings={settings} onChange={onChange} />

      {holdings}

      <WarningLists
        key={draftsKey}
        subscriptions={subscriptions}
        failed={props.subscriptionsFailed ?? false}
        onSubscribe={onSubscribe}
        onUnsubscribe={onUnsubscribe}
        onAllowAccess={onAllowListAccess}
      />

      <section aria-labelledby="reset-title">
        <h2 id="reset-title">{t('resetTitle')}</h2>
        <p class="muted">{t('resetBody')}</p>
        {!resetConfirm.open ? (
          <button
            ref={resetConfirm.opener}
            type="button"
            class="danger"
            aria-disabled={busy !== undefined}
            data-testid="reset"
            onClick={() => {
              if (busy === undefined) resetConfirm.ask();
            }}
          >
            {t('resetButton')}
          </button>
        ) : (
          <InlineConfirm
            id="reset-confirm-text"
            question={t('resetConfirm')}
            confirmLabel={t('resetConfirmButton')}
            cancelLabel={t('holdingsCancel')}
            confirmTestId="reset-confirm"
            cancelTestId="reset-cancel"
            busy={busy !== undefined}
            onConfirm={() => {
              resetConfirm.close();
              void run('reset', async () => {
                const givenBack = await onReset();
                setResets((count) => count + 1);
                return givenBack ? 'resetDone' : 'resetDonePermissionsKept';
              });
            }}
            onCancel={() => resetConfirm.close()}
          />
        )}
      </section>
    </div>
  );
}
