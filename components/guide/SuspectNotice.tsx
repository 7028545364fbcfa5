import type { RefObject } from 'preact';
import type { AddressBookEntry } from '../../lib/custody/address-book';
import type { NetworkId } from '../../lib/custody/networks';
import { useT } from '../../utils/i18n';
import { AddressGroups, PoisoningNotice } from './shared';

/**
 * What the test and arrival steps show in place of their controls while the guide's address has a look-alike in the address
 * book: the address in doubt (the alert's "this address"), the alert, and the way back to the step where the address is chosen.
 * Named and focusable, so the focus moved here reads the alert's title.
 */
export function SuspectNotice({
  network,
  address,
  book,
  boxRef,
  onGoToAddress,
}: {
  network: NetworkId;
  address: string;
  book: readonly AddressBookEntry[];
  boxRef: RefObject<HTMLElement | null>;
  onGoToAddress: () => void;
}) {
  const t = useT();
  return (
    <section ref={boxRef} tabIndex={-1} aria-label={t('poisoningDangerTitle')} data-testid="guide-suspect">
      <p>{t('guideSuspectAddress')}</p>
      <AddressGroups address={address} testId="suspect-address" />
      <PoisoningNotice network={network} address={address} book={book} />
      <div class="guide__actions">
        <button type="button" class="primary" onClick={onGoToAddress} data-testid="suspect-goto-address">
          {t('guideSuspectGoToAddress')}
        </button>
      </div>
    </section>
  );
}
