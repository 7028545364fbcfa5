import { afterEach, describe, expect, test, vi } from 'vitest';
import { inTurn, inTurns } from './in-turn';

/** A Web Locks stand-in: one request per name at a time, in the order asked; `work` gets the lock, as browsers pass it. */
function stubLocks(): string[] {
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

afterEach(() => {
  vi.unstubAllGlobals();
});

/** How many arguments `work` was called with. */
const argumentCount = (...args: unknown[]) => Promise.resolve(args.length);

describe('inTurn', () => {
  test('calls `work` with no argument, with Web Locks and without', async () => {
    expect(await inTurn('local:test', argumentCount)).toBe(0);
    const asked = stubLocks();
    expect(await inTurn('local:test', argumentCount)).toBe(0);
    expect(asked).toEqual(['reserve-radar:local:test']);
  });

  test('with Web Locks, turns of one name run one after another, a refused one included; inTurns asks in sorted order', async () => {
    const asked = stubLocks();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = inTurn('local:a', () => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('first')));
    const refused = inTurn('local:a', () => Promise.reject(new Error('refused')));
    const both = inTurns(['local:b', 'local:a'], async () => void order.push('both'));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await first;
    await expect(refused).rejects.toThrow('refused');
    await both;
    expect(order).toEqual(['first', 'both']);
    expect(asked.slice(2)).toEqual(['reserve-radar:local:a', 'reserve-radar:local:b']);
  });
});
