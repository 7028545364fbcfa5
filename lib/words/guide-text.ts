import type { AddressErrorCode, AddressWarningCode } from '../custody/validate-address';
import type { NetworkFamily, NetworkRequirement } from '../custody/networks';
import type { GuideProblem, GuideStepId, SeedChecklistId, WalletKindId } from '../custody/steps';
import type { ArrivalErrorCode } from '../chain/arrival';
import type { MessageKey } from './translate-from';

/**
 * lib/custody names every outcome with a stable code and holds no words; these tables give the
 * message key for each code, so the guide (and `radar address`, through address-text.ts) shows
 * the words in the reader's language.
 */
export const STEP_TITLE: Record<GuideStepId, MessageKey> = {
  route: 'guideStepRoute',
  wallet: 'guideStepWallet',
  address: 'guideStepAddress',
  'address-book': 'guideStepAddressBook',
  'test-transaction': 'guideStepTest',
  arrival: 'guideStepArrival',
};

export const STEP_INTRO: Record<GuideStepId, MessageKey> = {
  route: 'guideIntroRoute',
  wallet: 'guideIntroWallet',
  address: 'guideIntroAddress',
  'address-book': 'guideIntroAddressBook',
  'test-transaction': 'guideIntroTest',
  arrival: 'guideIntroArrival',
};

export const WALLET_NAME: Record<WalletKindId, MessageKey> = {
  hardware: 'walletHardware',
  mobile: 'walletMobile',
  desktop: 'walletDesktop',
  'browser-extension': 'walletBrowserExtension',
};

export const WALLET_SUMMARY: Record<WalletKindId, MessageKey> = {
  hardware: 'walletHardwareSummary',
  mobile: 'walletMobileSummary',
  desktop: 'walletDesktopSummary',
  'browser-extension': 'walletBrowserExtensionSummary',
};

export const WALLET_VERIFY: Record<WalletKindId, MessageKey> = {
  hardware: 'walletHardwareVerify',
  mobile: 'walletMobileVerify',
  desktop: 'walletDesktopVerify',
  'browser-extension': 'walletBrowserExtensionVerify',
};

export const FAMILY_WALLET_NOTE: Record<NetworkFamily, MessageKey> = {
  evm: 'walletNoteEvm',
  'bitcoin-like': 'walletNoteBitcoinLike',
  solana: 'walletNoteSolana',
  tron: 'walletNoteTron',
  xrp: 'walletNoteXrp',
  ton: 'walletNoteTon',
  cosmos: 'walletNoteCosmos',
};

export const FAMILY_NAME: Record<NetworkFamily, MessageKey> = {
  evm: 'familyEvm',
  'bitcoin-like': 'familyBitcoinLike',
  solana: 'familySolana',
  tron: 'familyTron',
  xrp: 'familyXrp',
  ton: 'familyTon',
  cosmos: 'familyCosmos',
};

export const SEED_ITEM: Record<SeedChecklistId, MessageKey> = {
  'written-offline': 'seedWrittenOffline',
  'never-digital': 'seedNeverDigital',
  'stored-safely': 'seedStoredSafely',
  'backup-checked': 'seedBackupChecked',
  'never-shared': 'seedNeverShared',
};

/** `wrong-network` is absent: the guide names the network the address belongs to instead. */
export const ADDRESS_ERROR: Record<Exclude<AddressErrorCode, 'wrong-network'>, MessageKey> = {
  empty: 'addressErrorEmpty',
  'too-long': 'addressErrorTooLong',
  'bad-characters': 'addressErrorBadCharacters',
  'unknown-network': 'addressErrorUnknownNetwork',
  'bad-format': 'addressErrorBadFormat',
  'bad-length': 'addressErrorBadLength',
  'bad-checksum': 'addressErrorBadChecksum',
  testnet: 'addressErrorTestnet',
  'burn-address': 'addressErrorBurn',
  'not-an-account': 'addressErrorNotAccount',
  'other-chain': 'addressErrorOtherChain',
  'internal-error': 'addressErrorInternal',
};

export const ADDRESS_WARNING: Record<AddressWarningCode, MessageKey> = {
  'no-checksum': 'addressWarnNoChecksum',
  'needs-resolution': 'addressWarnNeedsResolution',
  'evm-network': 'addressWarnEvmNetwork',
  'destination-tag': 'addressWarnDestinationTag',
  'tag-in-address': 'addressWarnTagInAddress',
  'x-address-no-tag': 'addressWarnXAddressNoTag',
  memo: 'addressWarnMemo',
  'ton-bounceable': 'addressWarnTonBounceable',
  'ton-non-bounceable': 'addressWarnTonNonBounceable',
  'ton-masterchain': 'addressWarnTonMasterchain',
  'raw-form': 'addressWarnRawForm',
  'shared-format': 'addressWarnSharedFormat',
  'future-witness-version': 'addressWarnFutureWitnessVersion',
  'converted-form': 'addressWarnConvertedForm',
};

/** $1 is the network's native coin; $2 the documented amount where the rule has one. */
export const REQUIREMENT: Record<NetworkRequirement['code'], MessageKey> = {
  'account-reserve': 'requirementAccountReserve',
  'owner-reserve': 'requirementOwnerReserve',
  'destination-tag': 'requirementDestinationTag',
  memo: 'requirementMemo',
  'dust-limit': 'requirementDustLimit',
  'rent-exempt-minimum': 'requirementRentExempt',
  activation: 'requirementActivation',
  'same-address-all-evm': 'requirementSameAddressAllEvm',
  'bounceable-flag': 'requirementBounceable',
  'gas-token': 'requirementGasToken',
};

export const PROBLEM: Record<GuideProblem['code'], MessageKey> = {
  'missing-asset': 'problemMissingAsset',
  'missing-network': 'problemMissingNetwork',
  'uncommon-asset': 'problemUncommonAsset',
  'missing-wallet': 'problemMissingWallet',
  'seed-checklist': 'problemSeedChecklist',
  'missing-address': 'problemMissingAddress',
  'invalid-address': 'problemInvalidAddress',
  'ens-unresolved': 'problemEnsUnresolved',
  'not-verified': 'problemNotVerified',
  lookalike: 'problemLookalike',
  'address-book': 'problemAddressBook',
  'test-not-sent': 'problemTestNotSent',
  'test-not-arrived': 'problemTestNotArrived',
  'withdrawal-not-sent': 'problemWithdrawalNotSent',
  'not-confirmed': 'problemNotConfirmed',
};

export const ARRIVAL_ERROR: Record<ArrivalErrorCode, MessageKey> = {
  'bad-address': 'arrivalErrorBadAddress',
  'bad-token': 'arrivalErrorToken',
  'bad-baseline': 'arrivalErrorRead',
  'bad-rpc-url': 'arrivalErrorBadRpc',
  'rpc-unreachable': 'arrivalErrorUnreachable',
  'wrong-chain': 'arrivalErrorWrongChain',
  'read-failed': 'arrivalErrorRead',
};
