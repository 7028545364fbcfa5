import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { inTurn, inTurns, replaceInTurns, replacement } from './in-turn';
import { defineLazyItem } from './lazy-item';
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

/** Answers `'still waiting'` once Node has run every promise step already due: work that needs no timer has settled by then. */
const stillWaiting = () => new Promise<string>((resolve) => setImmediate(() => resolve('still waiting')));

describe('one name asked for twice', () => {
  test('inTurns takes a name listed twice once, and runs `work`, with Web Locks and without', async () => {
    expect(await Promise.race([inTurns(['local:a', 'local:b', 'local:a'], async () => 'ran'), stillWaiting()])).toBe('ran');
    stubLocks();
    expect(await Promise.race([inTurns(['local:a', 'local:b', 'local:a'], async () => 'ran'), stillWaiting()])).toBe('ran');
  });

  test('replaceInTurns refuses two replacements of one item, writing neither', async () => {
    fakeBrowser.reset();
    const item = defineLazyItem<number>('local:twice', { fallback: 0, version: 1 });
    const answer = replaceInTurns([replacement(item, 1), replacement(item, 2)]).then(
      () => 'written',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(await Promise.race([answer, stillWaiting()])).toBe('replaceInTurns: local:twice is replaced twice in one write');
    expect(await fakeBrowser.storage.local.get('twice')).toEqual({});
  });
});

describe('replacement: plain local items only', () => {
  test('an item with migrations, or kept outside storage.local, is refused by type and as the program runs', () => {
    const migrated = defineLazyItem<number>('local:migrated', { fallback: 0, version: 2, migrations: { 2: (value: number) => value } });
    const session = defineLazyItem<number>('session:count', { fallback: 0, version: 1 });
    // @ts-expect-error A write that skips the item's migrations would be migrated again on the next read.
    expect(() => replacement(migrated, 1)).toThrow('replacement: local:migrated is not a plain storage.local item');
    // @ts-expect-error A session value beside local ones would be a second write, not all or none with them.
    expect(() => replacement(session, 1)).toThrow('replacement: session:count is not a plain storage.local item');
    expect(replacement(defineLazyItem<number>('local:plain', { fallback: 0, version: 1 }), 1).value).toBe(1);
  });
});
