import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import * as v from 'valibot';
import { RpcUrlSchema, type NudgePolicy, type Settings } from '../lib/settings';
import { LanguagePicker } from './LanguagePicker';
import { holdingChainIds, holdingChainNames } from '../lib/holdings/holding-tokens';
import type { SourceStatus } from '../lib/reserves/schedule';
import { groupSources, type SourceGroup } from '../lib/view/source-groups';
import { formatAge, formatDate } from '../lib/words/format';
import { useLocale, useT, type MessageKey } from '../utils/i18n';

/** One request the background makes on a schedule, as the options page shows it. */
export interface SourceRow {
  id: string;
  /** The source it belongs to: `feed`, `cexs`, or `protocol` (DefiLlama, one request per exchange). */
  group: string;
  url: string;
  exchangeId?: string;
  status: SourceStatus;
  lastSuccess?: string;
  lastError?: string;
  nextAttemptAt?: string;
}

/** One community warning-list subscription as the options page shows it. */
export interface SubscriptionRow {
  url: string;
  expectedSigner: string;
  health: 'never-checked' | 'ok' | 'failing' | 'expired';
  message: string;
}

export interface OptionsProps {
  settings: Settings;
  sources: SourceRow[] | undefined;
  exchangeNames: Record<string, string>;
  now: Date;
  onChange: (patch: Partial<Settings>) => void;
  /** Asks for the broad permission first; resolves false when the user declines. */
  onLookalikeProtection: (enabled: boolean) => Promise<boolean>;
  onRefresh: () => Promise<void>;
  subscriptions: SubscriptionRow[] | undefined;
  /** Resolves with a plain-words reason when the list could not be added. */
  onSubscribe: (url: string, signer: string) => Promise<{ ok: true } | { ok: false; reason: string }>;
  onUnsubscribe: (url: string) => void;
  onReset: () => Promise<void>;
  /** The holdings sections (components/HoldingsSection.tsx, HoldingsData.tsx), drawn by the entrypoint. */
  holdings?: ComponentChildren;
}

const POLICIES: [NudgePolicy, MessageKey][] = [
  ['every-visit', 'policyEveryVisit'],
  ['daily', 'policyDaily'],
  ['caution-or-worse', 'policyCautionOrWorse'],
  ['off', 'policyOff'],
];

const SOURCE_NAMES: Record<string, MessageKey> = {
  feed: 'sourceFeedName',
  cexs: 'sourceCexsName',
  'own-token-prices': 'sourceOwnTokenPricesName',
  protocol: 'sourceProtocolName',
};

const STATUS_KEYS: Record<SourceStatus, MessageKey> = {
  fresh: 'sourceFresh',
  stale: 'sourceStale',
  failing: 'sourceFailing',
  never: 'sourceNever',
};

export function Options({ settings, sources, exchangeNames, now, onChange, onLookalikeProtection, onRefresh, onReset, subscriptions, onSubscribe, onUnsubscribe, holdings }: OptionsProps) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState<'refresh' | 'reset' | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const snoozes = Object.entries(settings.snoozes);

  const run = async (what: 'refresh' | 'reset', action: () => Promise<void>, done: MessageKey) => {
    setBusy(what);
    try {
      await action();
      setNotice(t(done));
    } catch {
      setNotice(t('errorBackground'));
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
        {notice}
      </p>

      <fieldset data-testid="nudge-policy">
        <legend>{t('nudgePolicy')}</legend>
        {POLICIES.map(([value, key]) => (
          <label key={value} class="option">
            <input type="radio" name="nudgePolicy" value={value} checked={settings.nudgePolicy === value} onChange={() => onChange({ nudgePolicy: value })} />
            {t(key)}
          </label>
        ))}
        <label class="option">
          <input type="checkbox" checked={settings.autoExpandOnDanger} onChange={(event) => onChange({ autoExpandOnDanger: (event.currentTarget as HTMLInputElement).checked })} />
          {t('autoExpandOnDanger')}
        </label>
      </fieldset>

      <section aria-labelledby="snoozes-title">
        <h2 id="snoozes-title">{t('snoozesTitle')}</h2>
        {snoozes.length === 0 ? (
          <p class="muted">{t('snoozesEmpty')}</p>
        ) : (
          <ul class="snoozes" data-testid="snoozes">
            {snoozes.map(([id, snooze]) => (
              <li key={id}>
                <span>
                  {exchangeNames[id] ?? id}: {snooze.until === 'time' ? t('snoozedUntil', formatDate(new Date(snooze.endsAt).toISOString(), locale)) : t('snoozedUntilChange')}
                </span>{' '}
                <button
                  type="button"
                  class="ghost"
                  onClick={() => {
                    const { [id]: _removed, ...rest } = settings.snoozes;
                    onChange({ snoozes: rest });
                  }}
                >
                  {t('snoozeRemove', exchangeNames[id] ?? id)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="lookalike-title">
        <h2 id="lookalike-title">{t('lookalikeProtectionTitle')}</h2>
        <p class="muted">{t('lookalikeProtectionBody')}</p>
        <label class="option">
          <input
            type="checkbox"
            checked={settings.lookalikeProtection}
            data-testid="lookalike-protection"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const wanted = input.checked;
              void onLookalikeProtection(wanted).then((granted) => {
                if (!granted) {
                  input.checked = false;
                  setNotice(t('permissionDeclined'));
                }
              });
            }}
          />
          {t('lookalikeProtectionToggle')}
        </label>
      </section>

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t('sourcesTitle')}</h2>
        <p class="muted">{t('sourcesBody')}</p>
        {sources === undefined ? (
          <p class="muted" role="status" aria-busy="true">
            {t('loading')}
          </p>
        ) : (
          <ul class="sources" data-testid="sources">
            {groupSources(sources).map((group) => (
              <SourceItem key={group.id} group={group} exchangeNames={exchangeNames} now={now} />
            ))}
          </ul>
        )}
        <button type="button" class="ghost" disabled={busy !== undefined} onClick={() => void run('refresh', onRefresh, 'refreshDone')} data-testid="refresh-now">
          {busy === 'refresh' ? t('refreshing') : t('refreshNow')}
        </button>
      </section>

      <RpcSetting settings={settings} onChange={onChange} />

      {holdings}

      <WarningLists subscriptions={subscriptions} onSubscribe={onSubscribe} onUnsubscribe={onUnsubscribe} />

      <section aria-labelledby="language-title">
        <h2 id="language-title">{t('languageTitle')}</h2>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the <select> LanguagePicker draws */}
        <label>
          <span class="visually-hidden">{t('languageTitle')}</span>
          <LanguagePicker value={settings.language} onChange={(language) => onChange({ language })} />
        </label>
      </section>

      <section aria-labelledby="reset-title">
        <h2 id="reset-title">{t('resetTitle')}</h2>
        <p class="muted">{t('resetBody')}</p>
        <button
          type="button"
          class="danger"
          disabled={busy !== undefined}
          data-testid="reset"
          onClick={() => {
            if (window.confirm(t('resetConfirm'))) void run('reset', onReset, 'resetDone');
          }}
        >
          {t('resetButton')}
        </button>
      </section>
    </div>
  );
}

/** One source: its name, state and age on one line that opens onto its details. */
function SourceItem({ group, exchangeNames, now }: { group: SourceGroup<SourceRow>; exchangeNames: Record<string, string>; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const age = (iso: string | undefined) => (iso === undefined ? t('never') : formatAge(iso, now, locale));
  const perExchange = group.id === 'protocol';
  const only = perExchange ? undefined : group.members[0];
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
                <span data-testid="source-count">{t('sourceGroupCount', [String(group.count), String(group.members.length)])}</span>
              </>
            )}
          </span>{' '}
          <span class="source__age">{t('sourceLastSuccessAt', age(group.oldestSuccess))}</span>
          {only?.lastError !== undefined && <span class="source__error">{only.lastError}</span>}
        </summary>
        <div class="source__details">
          <dl class="source__facts">
            <dt>{t('sourceAddress')}</dt>
            <dd class="source__url">{perExchange ? `${commonStart(group.members.map((member) => member.url))}…` : only?.url}</dd>
            {only?.nextAttemptAt !== undefined && (
              <>
                <dt>{t('sourceNextAttempt')}</dt>
                <dd>{formatAge(only.nextAttemptAt, now, locale)}</dd>
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
                      {member.lastError !== undefined && <span class="source__error">{member.lastError}</span>}
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

/** The start every address shares (`https://api.llama.fi/protocol/`). */
function commonStart(texts: readonly string[]): string {
  const [first = '', ...rest] = texts;
  let length = first.length;
  for (const text of rest) while (!text.startsWith(first.slice(0, length))) length--;
  return first.slice(0, length);
}

function RpcSetting({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const t = useT();
  const setChainUrl = (chainId: number, url: string | undefined) => {
    const rest = Object.fromEntries(Object.entries(settings.chainRpcUrls).filter(([key]) => key !== String(chainId)));
    onChange({ chainRpcUrls: url === undefined ? rest : { ...rest, [String(chainId)]: url } });
  };
  return (
    <section aria-labelledby="rpc-title">
      <h2 id="rpc-title">{t('rpcTitle')}</h2>
      <p class="muted" id="rpc-help">
        {t('rpcBody')}
      </p>
      <RpcField id="rpc-url" label={t('rpcLabel')} describedBy="rpc-help" value={settings.rpcUrl} onChange={(rpcUrl) => onChange({ rpcUrl })} />
      {/* An endpoint serves one chain, so watched addresses on other networks need their own. */}
      <details class="rpc-chains" open={Object.keys(settings.chainRpcUrls).length > 0} data-testid="rpc-chains">
        <summary>{t('rpcChainsTitle')}</summary>
        <p class="muted" id="rpc-chains-help">
          {t('rpcChainsBody')}
        </p>
        {holdingChainIds.map((chainId) => (
          <p key={chainId}>
            <RpcField
              id={`rpc-url-${chainId}`}
              label={t('rpcChainLabel', holdingChainNames[chainId] ?? String(chainId))}
              describedBy="rpc-chains-help"
              value={settings.chainRpcUrls[String(chainId)]}
              onChange={(url) => setChainUrl(chainId, url)}
            />
          </p>
        ))}
      </details>
    </section>
  );
}

/** Saved only when valid or emptied, so a half-typed address never replaces a working one. */
function RpcField({ id, label, describedBy, value, onChange }: { id: string; label: string; describedBy: string; value: string | undefined; onChange: (rpcUrl: string | undefined) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const text = draft.trim();
    if (text === '') {
      setInvalid(false);
      if (value !== undefined) onChange(undefined);
      return;
    }
    const parsed = v.safeParse(RpcUrlSchema, text);
    setInvalid(!parsed.success);
    if (parsed.success && parsed.output !== value) onChange(parsed.output);
  };
  return (
    <>
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="url"
        inputMode="url"
        spellcheck={false}
        placeholder="https://"
        value={draft}
        aria-describedby={invalid ? `${describedBy} ${id}-error` : describedBy}
        aria-invalid={invalid}
        data-testid={id}
        onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
        onChange={save}
      />
      {invalid && (
        <p id={`${id}-error`} class="card__alert" role="alert">
          {t('rpcInvalid')}
        </p>
      )}
    </>
  );
}

function WarningLists({ subscriptions, onSubscribe, onUnsubscribe }: Pick<OptionsProps, 'subscriptions' | 'onSubscribe' | 'onUnsubscribe'>) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="lists-title" data-testid="warning-lists">
      <h2 id="lists-title">{t('listsTitle')}</h2>
      <p class="muted">{t('listsBody')}</p>
      {subscriptions !== undefined && subscriptions.length === 0 && <p class="muted">{t('listsEmpty')}</p>}
      <ul class="subscriptions">
        {(subscriptions ?? []).map((subscription) => (
          <li key={subscription.url} data-testid="subscription" data-health={subscription.health}>
            <div class="subscription__url">{subscription.url}</div>
            <div class="muted">{t('listsSigner', subscription.expectedSigner)}</div>
            <div class={`subscription__state subscription__state--${subscription.health}`}>{subscription.message}</div>
            <button type="button" class="ghost" onClick={() => onUnsubscribe(subscription.url)}>
              {t('listsRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="subscribe"
        onSubmit={(event) => {
          event.preventDefault();
          setAdding(true);
          setError(undefined);
          void onSubscribe(url, signer)
            .then((result) => {
              if (result.ok) {
                setUrl('');
                setSigner('');
              } else setError(result.reason);
            })
            .finally(() => setAdding(false));
        }}
      >
        <label>
          {t('listsUrl')}
          <input type="url" required value={url} placeholder="https://" onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)} data-testid="list-url" />
        </label>
        <label>
          {t('listsSignerInput')}
          <input type="text" required value={signer} placeholder="0x…" spellcheck={false} onInput={(event) => setSigner((event.currentTarget as HTMLInputElement).value)} data-testid="list-signer" />
        </label>
        <button type="submit" class="ghost" disabled={adding} data-testid="list-add">
          {adding ? t('refreshing') : t('listsAdd')}
        </button>
        {error !== undefined && (
          <p class="form-error" role="alert" data-testid="list-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
