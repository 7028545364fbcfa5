import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusAfterRemove } from '../focus-after-remove';
import { InlineConfirm } from '../InlineConfirm';
import { RemovalStatus } from '../RemovalStatus';
import { createSubscription, type SubscribeFailureCode } from '../../lib/community/subscription';
import { listsNotCheckedText, subscribeFailureText } from '../../lib/words/warning-list-words';
import { gapAfter, joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import type { AccessAnswer } from '../../utils/permissions';
import type { OptionsProps, SignerChange, SubscribeResult } from '../Options';
import { ListText } from '../SourceWords';

type Field = 'url' | 'signer';
const SIGNER_CODES: readonly SubscribeFailureCode[] = ['signer-not-address', 'signer-checksum'];

/** What the page says beside a list when its Allow button did not bring the access: a retry helps only after `failed`. */
const ALLOW_ANSWER_WORDS = { declined: 'listsAllowDeclined', failed: 'listsAllowAskFailed', rejected: 'listsAllowAskRejected' } as const;

/**
 * The background's line for a list (worded in the user's language), with the list's own name in it
 * marked with the list's language: the background says where the name starts (`nameAt`), so
 * nothing here guesses at the translation's quotes. A line that does not hold the name there is shown unmarked.
 */
function LineWithName({ message, name, nameAt, lang }: { message: string; name: string | undefined; nameAt: number | undefined; lang: string | undefined }) {
  if (name === undefined || name === '' || nameAt === undefined || message.slice(nameAt, nameAt + name.length) !== name) return <>{message}</>;
  return (
    <>
      {message.slice(0, nameAt)}
      <ListText text={name} lang={lang} />
      {message.slice(nameAt + name.length)}
    </>
  );
}

/**
 * The community warning lists the user subscribed to, each with its health, and the form that adds one.
 * A refused list is said in the reader's words only: where it is malformed (a field path, the schema
 * library's English) or the browser's own error is for the list's maintainer, who gets it from the
 * command line (`warningListFailureWithDetail`), and tells a reader nothing the sentence does not.
 */
export function WarningLists({
  subscriptions,
  failed = false,
  onSubscribe,
  onUnsubscribe,
  onAllowAccess,
}: Pick<OptionsProps, 'subscriptions' | 'onSubscribe' | 'onUnsubscribe'> & {
  /** The lists could not be read: said, and any shown before stay. */
  failed?: boolean;
  onAllowAccess: OptionsProps['onAllowListAccess'];
}) {
  const t = useT();
  const locale = useLocale();
  const join = joiners(locale);
  const [url, setUrl] = useState('');
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  // A list held at the URL with another maintainer address: replaced only once the user confirms.
  const [change, setChange] = useState<SignerChange | undefined>(undefined);
  // Answering the question (Cancel, Escape, or a confirm that is answered) gives the focus back to the subscribe button.
  const addButton = useRef<HTMLButtonElement>(null);
  const refocusAdd = useRef(false);
  useEffect(() => {
    const refocus = refocusAdd.current;
    refocusAdd.current = false;
    if (change === undefined && refocus) addButton.current?.focus();
  }, [change]);
  const answered = (asked: Promise<SubscribeResult>, fromQuestion = false) =>
    asked
      .then((result) => {
        refocusAdd.current = fromQuestion;
        if (result.ok) {
          setUrl('');
          setSigner('');
          setChange(undefined);
        } else if ('confirmSignerChange' in result) setChange(result.confirmSignerChange);
        else {
          setChange(undefined);
          setError(result.reason);
        }
      })
      .catch((failure: unknown) => {
        // No answer at all (the background not there): the browser's words are for the log; what was typed stays.
        console.error('[reserve-radar] warning list not subscribed:', failure);
        refocusAdd.current = fromQuestion;
        setChange(undefined);
        setError(t('listsSubscribeFailed'));
      })
      .finally(() => setAdding(false));
  // The subscription whose access was just refused, or could not be asked for, said beside it.
  const [declined, setDeclined] = useState<{ url: string; answer: Exclude<AccessAnswer, 'granted'> } | undefined>(undefined);
  const notChecked = (subscriptions ?? []).filter((subscription) => subscription.needsAccess !== undefined).length;
  // The browser's own checks are off (noValidate): their bubbles speak the browser's language, not the
  // user's, and mark no field. Each field gets its own sentence, tied to it by aria-describedby.
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const inputs = { url: useRef<HTMLInputElement>(null), signer: useRef<HTMLInputElement>(null) };
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    (subscriptions ?? []).map((subscription) => subscription.url),
    (list) => list?.querySelector<HTMLElement>('[data-testid="lists-empty"]') ?? list?.ownerDocument.getElementById('lists-title'),
    (list) => list?.ownerDocument.getElementById('lists-title'),
  );
  const invalid = (field: Field) => (fieldErrors[field] === undefined ? { 'aria-invalid': false } : { 'aria-invalid': true, 'aria-describedby': `list-${field}-error` });
  const edited = (field: Field) => setFieldErrors(({ [field]: _gone, ...rest }) => rest);
  const fieldErrorsFor = (): Partial<Record<Field, string>> => {
    const checked = createSubscription({ url, expectedSigner: signer });
    const urlCode = !checked.ok && !SIGNER_CODES.includes(checked.code) ? checked.code : undefined;
    // The signer is checked on its own too (with a stand-in address), so both fields say what is wrong at once.
    const signerChecked = createSubscription({ url: 'https://example.invalid/list.json', expectedSigner: signer });
    return {
      ...(url.trim() === '' ? { url: t('listsUrlMissing') } : urlCode !== undefined ? { url: subscribeFailureText(urlCode, t) } : {}),
      ...(signer.trim() === '' ? { signer: t('listsSignerMissing') } : !signerChecked.ok ? { signer: subscribeFailureText(signerChecked.code, t) } : {}),
    };
  };
  return (
    <section aria-labelledby="lists-title" data-testid="warning-lists">
      <h2 id="lists-title" tabIndex={-1}>
        {t('listsTitle')}
      </h2>
      <p class="muted">{t('listsBody')}</p>
      {notChecked > 0 && (
        <p class="card__alert" data-testid="lists-not-checked">
          {listsNotCheckedText(notChecked, t, locale)}
        </p>
      )}
      {failed && (
        <p class="card__alert" role="alert" data-testid="lists-failed">
          {t('listsLoadFailed')}
        </p>
      )}
      <div ref={container}>
        {!failed && subscriptions !== undefined && subscriptions.length === 0 && (
          <p class="muted" tabIndex={-1} data-testid="lists-empty">
            {t('listsEmpty')}
          </p>
        )}
        <ul class="subscriptions">
          {(subscriptions ?? []).map((subscription, index) => {
            const host = new URL(subscription.url).host;
            // The list as the user knows it: its own name once one verified, and always where it comes from.
            const named = subscription.listName === undefined ? host : `${subscription.listName}${join.open}${host}${join.close}`;
            return (
              <li key={subscription.url} data-testid="subscription" data-health={subscription.health}>
                <div class="subscription__url">{subscription.url}</div>
                <div class="muted">{t('listsSigner', subscription.expectedSigner)}</div>
                <div class={`subscription__state subscription__state--${subscription.health}`}>
                  <LineWithName message={subscription.message} name={subscription.listName} nameAt={subscription.nameAt} lang={subscription.listLang} />
                </div>
                {subscription.needsAccess !== undefined && (
                  <>
                    <button
                      type="button"
                      class="ghost"
                      data-testid="list-allow"
                      onClick={() => {
                        setDeclined(undefined);
                        // The browser asks the user only at a click: the request is the first thing the page does with it.
                        void onAllowAccess(subscription.url).then((answer) => setDeclined(answer === 'granted' ? undefined : { url: subscription.url, answer }));
                      }}
                    >
                      {t('listsAllowAccess', subscription.needsAccess)}
                    </button>{' '}
                    {declined?.url === subscription.url && (
                      <p class="form-error" role="alert" data-testid="list-allow-declined">
                        {t(ALLOW_ANSWER_WORDS[declined.answer], subscription.needsAccess)}
                      </p>
                    )}
                  </>
                )}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  aria-label={subscription.listName === undefined ? t('listsRemoveLabelHost', host) : t('listsRemoveLabel', [subscription.listName, host])}
                  onClick={() => {
                    removing(subscription.url, index, named);
                    void Promise.resolve(onUnsubscribe(subscription.url)).catch((error: unknown) => {
                      console.error('[reserve-radar] warning list not unsubscribed:', error);
                      kept(subscription.url, { key: 'listsRemoveFailed', args: [named] });
                    });
                  }}
                >
                  {t('listsRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <RemovalStatus said={said} testId="lists-removed" />
      <form
        class="subscribe"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Aria-disabled while adding, not disabled: a disabled button would drop the keyboard focus to the page.
          if (adding) return;
          const next = fieldErrorsFor();
          setFieldErrors(next);
          const first = (['url', 'signer'] as const).find((field) => next[field] !== undefined);
          if (first !== undefined) {
            setError(undefined);
            inputs[first].current?.focus();
            return;
          }
          setAdding(true);
          setError(undefined);
          setChange(undefined);
          void answered(onSubscribe(url, signer));
        }}
      >
        <label>
          {t('listsUrl')}
          <input
            type="url"
            ref={inputs.url}
            value={url}
            placeholder="https://"
            {...invalid('url')}
            onInput={(event) => {
              setUrl((event.currentTarget as HTMLInputElement).value);
              edited('url');
              setChange(undefined);
            }}
            data-testid="list-url"
          />
        </label>
        {fieldErrors.url !== undefined && (
          <p id="list-url-error" class="form-error" role="alert" data-testid="list-url-error">
            {fieldErrors.url}
          </p>
        )}
        <label>
          {t('listsSignerInput')}
          <input
            type="text"
            ref={inputs.signer}
            value={signer}
            placeholder="0x…"
            spellcheck={false}
            {...invalid('signer')}
            onInput={(event) => {
              setSigner((event.currentTarget as HTMLInputElement).value);
              edited('signer');
              setChange(undefined);
            }}
            data-testid="list-signer"
          />
        </label>
        {fieldErrors.signer !== undefined && (
          <p id="list-signer-error" class="form-error" role="alert" data-testid="list-signer-error">
            {fieldErrors.signer}
          </p>
        )}
        <button type="submit" ref={addButton} class="ghost" aria-disabled={adding} data-testid="list-add">
          {adding ? t('listsChecking') : t('listsAdd')}
        </button>
        {error !== undefined && (
          <p class="form-error" role="alert" data-testid="list-error">
            {error}
          </p>
        )}
        {change !== undefined && (
          <ConfirmSignerChange
            change={change}
            busy={adding}
            onConfirm={() => {
              // The browser asks for the list's host only at a click: the request is the first thing done with it.
              const asked = onSubscribe(change.url, change.next, change.current);
              setAdding(true);
              setError(undefined);
              void answered(asked, true);
            }}
            onCancel={() => {
              refocusAdd.current = true;
              setChange(undefined);
            }}
          />
        )}
      </form>
    </section>
  );
}

/**
 * The list at that URL is held with another maintainer's address: said in plain words, naming the
 * whole URL (the new key decides what the user is warned of from then on, the list warns of nothing
 * until a list signed with it is checked, an older list stays refused) before the user replaces it. The focus goes to the safe answer, and Escape gives it (InlineConfirm).
 */
function ConfirmSignerChange({ change, busy, onConfirm, onCancel }: { change: SignerChange; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const locale = useLocale();
  const body = t('listsSignerChangeBody', [change.url, change.current, change.next]);
  return (
    <div class="card__alert" data-testid="list-signer-change">
      <p>
        <strong>{t('listsSignerChangeTitle')}</strong>
      </p>
      <InlineConfirm
        id="list-signer-change-question"
        question={`${body}${gapAfter(body, locale)}${t('listsSignerChangeWarning')}`}
        confirmLabel={t('listsSignerChangeConfirm')}
        cancelLabel={t('listsSignerChangeCancel')}
        busy={busy}
        onConfirm={onConfirm}
        onCancel={onCancel}
        confirmTestId="list-signer-change-confirm"
        cancelTestId="list-signer-change-cancel"
      />
    </div>
  );
}
