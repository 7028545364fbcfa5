import type { AddressBookProblem } from '../custody/address-book';
import { getNetwork, type NetworkId } from '../custody/networks';
import type { AddressError, AddressWarning } from '../custody/validate-address';
import { ADDRESS_ERROR, ADDRESS_WARNING, FAMILY_NAME } from './guide-text';
import { formatList } from './format';
import type { Translate } from './translate-from';

/**
 * The words for an address check (lib/custody/validate-address.ts returns codes): the guide,
 * the options page's import and `radar address` all say the same thing in the reader's language.
 */

const networkName = (network: string) => getNetwork(network)?.name ?? network;

/**
 * Where a wrong-network address belongs: one network by name, one family by its name, else the
 * networks' names as alternatives ("Tron or XRP Ledger") in the reader's language.
 */
export function belongsToText(t: Translate, networks: readonly NetworkId[], locale = 'en'): string {
  const definitions = networks.flatMap((id) => getNetwork(id) ?? []);
  const kind = belongsToKind(networks);
  if (kind === 'one') return definitions[0]!.name;
  if (kind === 'family') return t(FAMILY_NAME[definitions[0]!.family]);
  return formatList(
    definitions.map((definition) => definition.name),
    locale,
    { type: 'disjunction' },
  );
}

/** Which of `belongsToText`'s three forms the networks take: a sentence words each its own way (Portuguese "da rede Tron", "de uma rede EVM"). */
function belongsToKind(networks: readonly NetworkId[]): 'one' | 'family' | 'any' {
  const definitions = networks.flatMap((id) => getNetwork(id) ?? []);
  if (definitions.length === 1) return 'one';
  return new Set(definitions.map((definition) => definition.family)).size === 1 ? 'family' : 'any';
}

const WRONG_NETWORK_KEYS = { one: 'addressWrongNetwork', family: 'addressWrongNetworkFamily', any: 'addressWrongNetworkAny' } as const;

/** Why `network` refuses the address; `wrong-network` names where it belongs instead. */
export function addressErrorText(t: Translate, error: AddressError, network: string, locale = 'en'): string {
  if (error.code === 'wrong-network') {
    const belongsTo = error.belongsTo ?? [];
    return t(WRONG_NETWORK_KEYS[belongsToKind(belongsTo)], [belongsToText(t, belongsTo, locale), networkName(network)]);
  }
  return t(ADDRESS_ERROR[error.code], networkName(network));
}

export function addressWarningText(t: Translate, warning: AddressWarning): string {
  return t(ADDRESS_WARNING[warning.code]);
}

/** Why an address-book entry (of an import or a save) was refused. */
export function addressBookProblemText(t: Translate, problem: AddressBookProblem, locale = 'en'): string {
  switch (problem.field) {
    case 'list':
      return t('addressBookNotList');
    case 'entry':
      return t('addressBookBadEntry');
    case 'label':
      return t('addressBookBadLabel');
    case 'network':
      return t('addressBookBadNetwork');
    case 'addedAt':
      return t('addressBookBadDate');
    case 'address':
      return addressErrorText(t, problem.error, problem.network, locale);
  }
}
