import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../lib/view/exchange-view';
import { ExchangeCard } from './ExchangeCard';
import { useT } from './i18n';

export interface PopupProps {
  load: () => Promise<TabState>;
}

export function Popup({ load }: PopupProps) {
  const t = useT();
  const [state, setState] = useState<TabState | undefined>(undefined);
  useEffect(() => {
    load().then(setState, () => setState({ kind: 'not-exchange' }));
  }, [load]);

  if (state === undefined) return <p class="muted" aria-busy="true">{t('loading')}</p>;
  if (state.kind === 'exchange') return <ExchangeCard view={state.view} />;
  if (state.kind === 'lookalike')
    return (
      <section class="empty empty--danger" data-testid="popup-lookalike">
        <h1>{t('lookalikeTitle', state.imitates.name)}</h1>
        <p>{state.reason}</p>
      </section>
    );
  return (
    <section class="empty" data-testid="popup-not-exchange">
      <h1>{t('notExchangeTitle')}</h1>
      <p>{t('notExchangeBody')}</p>
    </section>
  );
}
