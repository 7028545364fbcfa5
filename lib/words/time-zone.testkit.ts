// The reader's time zone for a test file: not a test file itself (vitest runs *.test.ts(x) only).
import { afterAll, beforeAll } from 'vitest';

/**
 * For the whole file (call at its top): returns a function that moves the reader's clock to a zone, at once, as a
 * browser follows the system's zone (Node follows an assignment to process.env.TZ). The zone found is put back after all.
 */
export function movableTimeZone(): (zone: string) => void {
  const held = process.env.TZ;
  afterAll(() => {
    if (held === undefined) delete process.env.TZ;
    else process.env.TZ = held;
  });
  return (zone) => {
    process.env.TZ = zone;
  };
}

/** For the whole file (call at its top): the reader's clock is in `zone`; the zone found is put back after all. */
export function inTimeZone(zone: string): void {
  const moveTo = movableTimeZone();
  beforeAll(() => moveTo(zone));
}
