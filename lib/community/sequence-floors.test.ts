import { describe, expect, it } from 'vitest';
import { keepFloor, keptFloor, MAX_KEPT_FLOORS, parseKeptFloors, type KeptFloor } from './sequence-floors';

const HASH_A = `0x${'a'.repeat(64)}` as const;
const HASH_B = `0x${'b'.repeat(64)}` as const;
const URL_A = 'https://lists.example.org/a.json';
const URL_B = 'https://lists.example.org/b.json';

describe('the floors kept after an unsubscribe', () => {
  it('keeps the highest number per URL, never lowers it, and gives it to a subscribe', () => {
    let floors = keepFloor([], URL_A, { sequence: 5, hash: HASH_A });
    floors = keepFloor(floors, URL_A, { sequence: 3, hash: HASH_B });
    floors = keepFloor(floors, URL_B, undefined);
    expect(floors).toEqual([{ url: URL_A, sequence: 5, hash: HASH_A }]);
    expect(keptFloor(floors, URL_A)).toEqual({ sequence: 5, hash: HASH_A });
    expect(keptFloor(floors, URL_B)).toBeUndefined();
  });

  it(`holds at most ${MAX_KEPT_FLOORS}: the one kept longest goes first`, () => {
    let floors: KeptFloor[] = [];
    for (let index = 0; index <= MAX_KEPT_FLOORS; index += 1) floors = keepFloor(floors, `https://lists.example.org/${index}.json`, { sequence: index, hash: HASH_A });
    expect(floors).toHaveLength(MAX_KEPT_FLOORS);
    expect(floors[0]?.url).toBe('https://lists.example.org/1.json');
    expect(floors.at(-1)?.url).toBe(`https://lists.example.org/${MAX_KEPT_FLOORS}.json`);
  });

  it('reads back what was stored; entries that are not floors are dropped and counted, the rest stay', () => {
    const good = [
      { url: URL_A, sequence: 5, hash: HASH_A },
      { url: URL_B, sequence: 0, hash: HASH_B },
    ];
    expect(parseKeptFloors(JSON.parse(JSON.stringify(good)))).toEqual({ floors: good, dropped: 0 });
    const stored = [good[0], null, { url: 'http://plain.example/list.json', sequence: 1, hash: HASH_A }, { url: URL_B, sequence: 1.5, hash: HASH_B }, { url: URL_B, sequence: 2, hash: 'x' }, good[1]];
    expect(parseKeptFloors(stored)).toEqual({ floors: good, dropped: 4 });
    expect(parseKeptFloors([good[0], { url: 'https://exa mple.org/x.json', sequence: 1, hash: HASH_A }, good[1]])).toEqual({ floors: good, dropped: 1 });
    expect(parseKeptFloors(undefined)).toEqual({ floors: [], dropped: 0 });
    expect(parseKeptFloors({ not: 'a list' })).toEqual({ floors: [], dropped: 1 });
    // One URL twice: the higher floor.
    expect(parseKeptFloors([good[0], { ...good[0], sequence: 9 }, { ...good[0], sequence: 2 }]).floors).toEqual([{ ...good[0], sequence: 9 }]);
  });
});

describe('floors kept by a version that kept the fragment', () => {
  it('read back under the URL without it; two that become one keep the higher', () => {
    expect(parseKeptFloors([{ url: `${URL_A}#a`, sequence: 5, hash: HASH_A }])).toEqual({ floors: [{ url: URL_A, sequence: 5, hash: HASH_A }], dropped: 0 });
    const [higher, lower] = [
      { url: `${URL_A}#a`, sequence: 9, hash: HASH_A },
      { url: URL_A, sequence: 4, hash: HASH_B },
    ];
    for (const stored of [
      [higher, lower],
      [lower, higher],
    ])
      expect(keptFloor(parseKeptFloors(stored).floors, URL_A)).toEqual({ sequence: 9, hash: HASH_A });
  });
});
