import { vi } from 'vitest';

/**
 * A Web Locks stand-in: one request per name at a time, in the order asked; `work` gets the lock,
 * as browsers pass it. Answers the names asked for, in order. Undo with `vi.unstubAllGlobals()`.
 */
export function stubLocks(): string[] {
  const asked: string[] = [];
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request(name: string, work: (lock: { name: string; mode: 'exclusive' }) => Promise<unknown>): Promise<unknown> {
      asked.push(name);
      const run = (tails.get(name) ?? Promise.resolve()).then(() => work({ name, mode: 'exclusive' }));
      tails.set(
        name,
        run.then(
          () => undefined,
          () => undefined,
        ),
      );
      return run;
    },
  };
  vi.stubGlobal('navigator', { locks });
  return asked;
}
