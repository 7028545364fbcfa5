import { expect } from 'vitest';
import { createBase58check } from '@scure/base';
import { sha256 } from 'viem';
import { validateAddress } from './validate-address';

/** Shared by the address-check tests: assert one address valid or invalid with a given code. */
export const check = createBase58check((data: Uint8Array) => sha256(data, 'bytes'));

export function valid(network: string, address: string) {
  const result = validateAddress({ network, address });
  expect(result.error, `${network} ${address}: ${result.error?.code}`).toBeNull();
  expect(result.valid).toBe(true);
  return result;
}

export function invalid(network: string, address: string, code: string) {
  const result = validateAddress({ network, address });
  expect(result.valid, `${network} ${address} should be invalid`).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.normalized).toBeNull();
  return result;
}

/** Replace the character at `index` with `replacement`. */
export function substitute(text: string, index: number, replacement: string): string {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}
