import { decodeCosmos } from './address/cosmos';
import { decodeEvm } from './address/evm';
import { decodeBitcoinLike } from './address/bitcoin';
import { decodeSolana } from './address/solana';
import { decodeTon } from './address/ton';
import { decodeTron } from './address/tron';
import { decodeXrp } from './address/xrp';
import type { AddressError, AddressKind, Decoded, ValidateAddressParameters, ValidateAddressReturnType } from './address/shared';
import { getNetwork, networks, type NetworkDefinition, type NetworkId } from './networks';

/**
 * Offline address checks for every network in `networks.ts`. Pure and synchronous: the UI
 * calls it on every keystroke, so it returns values and never throws. One decoder per family
 * lives in `address/`.
 */

export type { AddressDetails, AddressError, AddressErrorCode, AddressKind, AddressWarning, AddressWarningCode, ValidateAddressParameters, ValidateAddressReturnType } from './address/shared';
export { addressErrorCodes, addressWarningCodes } from './address/shared';
export { crc16Xmodem } from './address/ton';

/** Longest address we parse; the longest real one here (bech32 P2WSH) is 62 characters. */
const MAX_ADDRESS_LENGTH = 128;

// ---------------------------------------------------------------- dispatch

function decodeFor(address: string, network: NetworkDefinition): Decoded {
  switch (network.family) {
    case 'evm':
      return decodeEvm(address);
    case 'bitcoin-like':
      return decodeBitcoinLike(address, network);
    case 'solana':
      return decodeSolana(address);
    case 'tron':
      return decodeTron(address);
    case 'xrp':
      return decodeXrp(address);
    case 'ton':
      return decodeTon(address);
    case 'cosmos':
      return decodeCosmos(address, network);
  }
}

/** Strips what copy-paste adds around an address; anything inside it is the user's to fix. */
function clean(address: string): string {
  return address.trim();
}

function precheck(address: string): AddressError | null {
  if (address === '') return { code: 'empty' };
  if (address.length > MAX_ADDRESS_LENGTH) return { code: 'too-long' };
  // Hidden or look-alike characters (zero-width spaces, Cyrillic letters) are a known trick.
  if (!/^[\x21-\x7e]+$/.test(address)) return { code: 'bad-characters' };
  return null;
}

export interface DetectedNetwork {
  network: NetworkId;
  kind: AddressKind;
}

/** Every network the address is fully valid for, in table order. ENS names count as EVM. */
export function detectNetworks(address: string): DetectedNetwork[] {
  try {
    const cleaned = clean(address);
    if (precheck(cleaned) !== null) return [];
    const found: DetectedNetwork[] = [];
    for (const network of networks) {
      const decoded = decodeFor(cleaned, network);
      if (decoded.ok) found.push({ network: network.id, kind: decoded.kind });
    }
    return found;
  } catch {
    return [];
  }
}

function invalid(network: string, error: AddressError): ValidateAddressReturnType {
  return { valid: false, network, normalized: null, kind: null, warnings: [], error };
}

/**
 * Checks that `address` can receive funds on `network`, offline. A wrong-network address
 * comes back as `wrong-network` with the networks it does belong to, so the words can name them.
 */
export function validateAddress({ network, address }: ValidateAddressParameters): ValidateAddressReturnType {
  try {
    const definition = getNetwork(network);
    if (definition === undefined) return invalid(network, { code: 'unknown-network' });
    const cleaned = clean(typeof address === 'string' ? address : '');
    const problem = precheck(cleaned);
    if (problem !== null) return invalid(network, problem);
    const decoded = decodeFor(cleaned, definition);
    if (decoded.ok) {
      const result: ValidateAddressReturnType = {
        valid: true,
        network,
        normalized: decoded.normalized,
        kind: decoded.kind,
        warnings: decoded.warnings,
        error: null,
      };
      if (decoded.details !== undefined) result.details = decoded.details;
      return result;
    }
    const elsewhere = detectNetworks(cleaned).filter((entry) => entry.network !== definition.id);
    if (elsewhere.length > 0) {
      return invalid(network, { code: 'wrong-network', belongsTo: elsewhere.map((entry) => entry.network) });
    }
    return invalid(network, { code: decoded.code });
  } catch {
    // Unreachable by design (every decoder catches); kept so a bug can never crash the UI.
    return invalid(network, { code: 'internal-error' });
  }
}
