import { isBech32 } from './bech32-checksum';

/**
 * Splits an address into the part every address of its kind shares ("0x", "bc1", "cosmos1",
 * "0:") and the part that identifies it. Look-alike checks and grouped display both work on
 * the body: a shared prefix tells two addresses apart no better than nothing.
 */
export interface SplitAddressPrefixReturnType {
  prefix: string;
  body: string;
}

export function splitAddressPrefix(address: string): SplitAddressPrefixReturnType {
  const trimmed = address.trim();
  if (/^0x/i.test(trimmed)) return { prefix: trimmed.slice(0, 2), body: trimmed.slice(2) };
  const ton = /^(-1|0):/.exec(trimmed);
  if (ton !== null) return { prefix: ton[0], body: trimmed.slice(ton[0].length) };
  const lower = trimmed.toLowerCase();
  const separator = lower.lastIndexOf('1');
  // Only a string that *is* valid bech32 has a human-readable part; "rabc1…" (XRP) or
  // "1A1z…" (Bitcoin base58) merely contain a "1".
  if (separator > 0 && (trimmed === lower || trimmed === trimmed.toUpperCase())) {
    if (isBech32(lower)) return { prefix: trimmed.slice(0, separator + 1), body: trimmed.slice(separator + 1) };
  }
  return { prefix: '', body: trimmed };
}

export interface FormatAddressGroupsParameters {
  address: string;
  /** Characters per group; 4 unless told. */
  groupSize?: number;
}

export interface FormatAddressGroupsReturnType {
  prefix: string;
  groups: string[];
  /** `prefix` then the groups, separated by single spaces: "0x 5aAe b605 3F3E …". */
  text: string;
}

/** Groups an address into blocks so a person can compare it with a device screen block by block. */
export function formatAddressGroups({ address, groupSize = 4 }: FormatAddressGroupsParameters): FormatAddressGroupsReturnType {
  const size = Number.isInteger(groupSize) && groupSize > 0 ? groupSize : 4;
  const { prefix, body } = splitAddressPrefix(address);
  const groups: string[] = [];
  for (let index = 0; index < body.length; index += size) groups.push(body.slice(index, index + size));
  const text = [prefix, ...groups].filter((part) => part !== '').join(' ');
  return { prefix, groups, text };
}
