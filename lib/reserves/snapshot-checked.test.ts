import { expect, test, vi } from 'vitest';
import { CHECKED_AT_BUILD_KEY } from './checked-at-build';

// data/snapshot.json as a build that validated it ships it (scripts/snapshot-module.ts): marked.
vi.mock('../../data/snapshot.json', async (importOriginal) => {
  const shipped = structuredClone((await importOriginal<{ default: object }>()).default);
  Object.defineProperty(shipped, Symbol.for(CHECKED_AT_BUILD_KEY), { value: true });
  return { default: shipped };
});

test('the bundled snapshot the build validated is taken as shipped, not validated again at every wake-up (issue 16)', async () => {
  const shipped = (await import('../../data/snapshot.json')).default;
  const { bundledSnapshot, bundledSnapshotProblem } = await import('./snapshot');
  // Validating makes a new object; the shipped one comes back itself.
  expect(bundledSnapshot()).toBe(shipped);
  expect(bundledSnapshotProblem()).toBeUndefined();
});
