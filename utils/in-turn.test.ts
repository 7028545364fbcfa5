import { afterEach, describe, expect, test, vi } from 'vitest';
import { inTurn, inTurns } from './in-turn';
import { stubLocks } from './in-turn.testkit';

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
