import { useEffect, useState } from 'preact/hooks';
import { useT } from '../utils/i18n';
import type { SourceRow } from './Options';

/**
 * No source of reserve figures has answered yet: only the data that came with the extension is in use.
 * Own-token prices are left out: they bring no reserve figure, so they move no exchange out of Unknown.
 * False with no source to wait for.
 */
export function firstDataPending(rows: readonly Pick<SourceRow, 'group' | 'lastSuccess'>[]): boolean {
  const reserves = rows.filter((row) => row.group !== 'own-token-prices');
  return reserves.length > 0 && reserves.every((row) => row.lastSuccess === undefined);
}

/**
 * One muted line above the popup's list while no data source has answered yet: why most exchanges show
 * Unknown (the first update has not come, not anything the exchanges did), with the way to the options'
 * data sources. Nothing once any source has answered, or when asking fails. It names no time: a fetch
 * can fail and be retried for as long as the network or the source is down.
 */
export function FirstDataNotice({ load, onOpen }: { load: () => Promise<boolean>; onOpen: () => void }) {
  const t = useT();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setPending(loaded),
      (error: unknown) => console.warn('[reserve-radar] the data sources could not be read for the popup', error),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (!pending) return null;
  return (
    <div class="first-data" data-testid="popup-first-data">
      <p class="muted">{t('firstDataPending')}</p>
      <button type="button" class="ghost" onClick={onOpen} data-testid="popup-first-data-open">
        {t('firstDataPendingOpen')}
      </button>
    </div>
  );
}
