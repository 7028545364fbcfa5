import { useEffect, useState } from 'preact/hooks';
import { listsNotCheckedText } from '../lib/words/warning-list-words';
import { useLocale, useT } from '../utils/i18n';

/**
 * How many subscribed warning lists Reserve Radar may not read, so does not check, with the way to
 * the options page's lists where each is allowed. Nothing while all are read, or when asking fails.
 */
export function ListsNotChecked({ load, onOpen }: { load: () => Promise<number>; onOpen: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setCount(loaded),
      (error: unknown) => console.warn('[reserve-radar] the warning lists could not be read for the popup', error),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (count === 0) return null;
  return (
    <section class="card__alert" data-testid="popup-lists-not-checked">
      <p>{listsNotCheckedText(count, t, locale)}</p>
      <button type="button" class="ghost" onClick={onOpen} data-testid="popup-lists-open">
        {t('listsNotCheckedOpen')}
      </button>
    </section>
  );
}
