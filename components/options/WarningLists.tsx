import { useState } from 'preact/hooks';
import { useT } from '../../utils/i18n';
import type { OptionsProps } from '../Options';

/** The community warning lists the user subscribed to, each with its health, and the form that adds one. */
export function WarningLists({ subscriptions, onSubscribe, onUnsubscribe }: Pick<OptionsProps, 'subscriptions' | 'onSubscribe' | 'onUnsubscribe'>) {
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
