import { describe, expect, test } from 'vitest';
import { getNetwork, networkIds } from './networks';
import { familyOf, NETWORK_FAMILIES } from './network-families';

describe('network families apart from the network table', () => {
  test('every network has the family the network table gives it, and no other id has one', () => {
    expect(Object.keys(NETWORK_FAMILIES).sort()).toEqual([...networkIds].sort());
    for (const id of networkIds) expect(familyOf(id), id).toBe(getNetwork(id)?.family);
    expect(familyOf('toString')).toBeUndefined();
    expect(familyOf('ethereum-classic')).toBeUndefined();
  });
});
