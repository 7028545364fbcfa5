import type { ComponentChildren } from 'preact';
import { arrivalAsset } from '../../lib/chain/arrival-asset';
import { formatAddressGroups } from '../../lib/custody/format';
import { checkPoisoning, type AddressBookEntry } from '../../lib/custody/address-book';
import { getNetwork, type NetworkId } from '../../lib/custody/networks';
import { useT } from '../../utils/i18n';
import { formatDateTime } from '../../lib/words/format';

export { formatDateTime };

/** An address in blocks of four, the way a person compares it with a device screen. */
export function AddressGroups({ address, testId }: { address: string; testId?: string }) {
  const { prefix, groups: blocks } = formatAddressGroups({ address });
  return (
    <code class="address-groups" data-testid={testId} data-address={address}>
      {prefix !== '' && <span class="address-groups__prefix">{prefix}</span>}
      {blocks.map((block, index) => (
        <span key={index} class="address-groups__block">
          {block}
        </span>
      ))}
    </code>
  );
}

export function ExternalLink({ href, children, testId }: { href: string; children: ComponentChildren; testId?: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {children}
    </a>
  );
}

/**
 * The loud part of the guide: an address that copies the ends of a saved one is the mark of
 * address poisoning, so it interrupts (role="alert") and names the saved entry.
 */
export function PoisoningNotice({ network, address, book }: { network: NetworkId; address: string; book: readonly AddressBookEntry[] }) {
  const t = useT();
  const result = checkPoisoning({ candidate: { network, address }, book });
  const first = result.lookalikes[0];
  if (result.status === 'lookalike' && first !== undefined) {
    return (
      <div class="guide-alert guide-alert--danger" role="alert" data-testid="poisoning-alert">
        <p>
          <strong>{t('poisoningDangerTitle')}</strong>
        </p>
        <p>{t('poisoningDanger', [first.entry.label, formatAddressGroups({ address: first.entry.address }).text])}</p>
      </div>
    );
  }
  if (result.known !== null && first !== undefined) {
    return (
      <div class="guide-alert guide-alert--danger" role="alert" data-testid="poisoning-alert">
        <p>{t('poisoningKnownWithLookalike', [result.known.label, first.entry.label])}</p>
      </div>
    );
  }
  if (result.known !== null) {
    return (
      <p class="guide-note guide-note--ok" data-testid="known-address">
        {t('addressKnown', result.known.label)}
      </p>
    );
  }
  return null;
}

/**
 * Balance watching covers an EVM network's own coin: watching a token needs its contract
 * address on that network, and the guide has no sourced table of those yet.
 */
export function canWatchBalance(state: { network: string | null; asset: string | null; address: string | null }, rpcUrl: string | undefined): boolean {
  const definition = state.network === null ? undefined : getNetwork(state.network);
  if (rpcUrl === undefined || definition?.family !== 'evm' || definition.chainId === undefined || state.asset === null || state.address === null) return false;
  // The native coin, or a token whose contract we have from a source; anything else goes to the explorer.
  return arrivalAsset({ chainId: definition.chainId, nativeAsset: definition.nativeAsset, asset: state.asset }) !== undefined;
}

/**
 * What the balance watch does now: read the balance before the test (kept fresh, so a deposit
 * before the test is not taken for it), watch for the test against that balance, or, when no
 * balance was read before the test was sent, nothing: a later read may already hold the test.
 */
export type WatchPhase = 'off' | 'before-test' | 'after-test' | 'no-baseline' | 'arrived';

export function watchPhase(
  state: { network: string | null; asset: string | null; address: string | null; testSentAt: string | null; testArrivedAt: string | null; testBaseline: string | null },
  rpcUrl: string | undefined,
): WatchPhase {
  if (!canWatchBalance(state, rpcUrl)) return 'off';
  if (state.testSentAt === null) return 'before-test';
  if (state.testArrivedAt !== null) return 'arrived';
  return state.testBaseline === null ? 'no-baseline' : 'after-test';
}
