import { formatAddressGroups } from '../../lib/custody/format';
import { useT } from '../../utils/i18n';

export interface MismatchWarningProps {
  /** What the exchange's field holds now. */
  typed: string;
  /** The address the user checked in the guide; undefined while the guide marks its address as a look-alike of a saved one. */
  chosen: string | undefined;
  onDismiss: () => void;
}

/**
 * Shown on the exchange's page, over it, when its withdrawal field holds another address than the guide's, or any
 * address while the guide's own is marked as a look-alike (then no address is shown: neither can be vouched for).
 */
export function MismatchWarning({ typed, chosen, onDismiss }: MismatchWarningProps) {
  const t = useT();
  return (
    <div class="mismatch" role="alert" data-testid="mismatch-warning">
      <p class="mismatch__title">
        <strong>{t(chosen === undefined ? 'mismatchSuspect' : 'mismatchTitle')}</strong>
      </p>
      {chosen === undefined ? (
        <p>{t('mismatchSuspectBody')}</p>
      ) : (
        <>
          {/* Drawn, not text: the page could find or copy the guide's address otherwise (card.css, [data-drawn]). */}
          <p data-drawn={t('mismatchBody', [formatAddressGroups({ address: typed }).text, formatAddressGroups({ address: chosen }).text])} />
          <p>{t('mismatchAdvice')}</p>
        </>
      )}
      <button type="button" class="ghost" onClick={onDismiss} data-testid="mismatch-dismiss">
        {t('mismatchDismiss')}
      </button>
    </div>
  );
}
