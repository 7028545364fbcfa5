/** Assertions shared by the lookalike table tests: a host imitates an exchange, or it does not. */
import { expect } from 'vitest';
import { classify } from './classify';

/** `host` is a lookalike of exchange `id`, and its reason names the host. */
export function expectLookalike(host: string, id: string): void {
  const result = classify(host);
  expect(result.verdict, result.reason).toBe('lookalike');
  expect(result.exchange?.id).toBe(id);
  expect(result.reason).toContain(host);
}

export function expectNotLookalike(host: string): void {
  const result = classify(host);
  expect(result.verdict, result.reason).not.toBe('lookalike');
}
