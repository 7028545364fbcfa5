/**
 * The mark the build puts on the bundled snapshot once it has validated it
 * (scripts/snapshot-module.ts): a symbol, so it is in no key list, no copy and no JSON.
 */
export const CHECKED_AT_BUILD_KEY = 'reserve-radar:snapshot-checked-at-build';

/** Whether `value` is the bundled snapshot as a build that validated it ships it. */
export function checkedAtBuild(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Symbol.for(CHECKED_AT_BUILD_KEY)] === true;
}
