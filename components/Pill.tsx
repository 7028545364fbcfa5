import type { ExchangeView } from '../lib/view/exchange-view';
import { porLabel } from './por-label';
import { useT } from './i18n';

export interface PillProps {
  view: ExchangeView;
  onClose: () => void;
}

/** The small on-page nudge: exchange name and PoR status. It never blocks the page. */
export function Pill({ view, onClose }: PillProps) {
  const t = useT();
  const fallen = view.status.kind !== 'operating';
  const status = fallen ? t(view.status.kind === 'collapsed' ? 'statusCollapsed' : 'statusClosed') : porLabel(view.por, t);
  return (
    <div class={`pill ${fallen ? 'pill--danger' : view.por === undefined || view.por.method === 'none' ? 'pill--unknown' : 'pill--info'}`} role="status" aria-label={t('pillLabel', view.name)}>
      <span class="pill__brand" aria-hidden="true">◎</span>
      <span class="pill__name" data-testid="pill-name">{view.name}</span>
      <span class="pill__status" data-testid="pill-status">{status}</span>
      <button type="button" class="pill__close" onClick={onClose} aria-label={t('close')} title={t('close')}>
        ×
      </button>
    </div>
  );
}
