import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceFileLines } from '@/scripts/source-size';
import { GUIDES_KEY } from '@/utils/chosen-address';
import { SHARED_LOCAL_KEYS } from './extension-handlers';

const root = join(import.meta.dirname, '../..');
/** Key names built from a constant, as the sources write them. */
const CONSTANTS: Readonly<Record<string, string>> = { GUIDES_KEY };

/**
 * The stored values written in a turn (utils/in-turn.ts), found in the sources: each
 * `updateItem(item, …)`, `inTurn(item.key, …)` and `inTurns([item.key, …], …)` outside the helper itself, with the key the item
 * is defined with. A turn named any other way fails the test until it is taught here.
 */
function turnKeys(): { keys: Set<string>; unresolved: string[] } {
  const sources = sourceFileLines(root)
    .map(({ path }) => path)
    .filter((path) => !/\.test\.tsx?$|\.e2e\.ts$|^(tests|scripts)\//.test(path) && path !== 'utils/in-turn.ts')
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  const defined = new Map<string, string[]>();
  for (const { text } of sources) {
    for (const [, name, key] of text.matchAll(/(?:const|let) (\w+) = defineLazyItem<.*?>\([`'](\w+:[^`']+)[`']/g)) {
      const resolved = key!.replace(/\$\{(\w+)\}/g, (whole, constant: string) => CONSTANTS[constant] ?? whole);
      defined.set(name!, [...(defined.get(name!) ?? []), resolved]);
    }
  }
  const keys = new Set<string>();
  const unresolved: string[] = [];
  for (const { path, text } of sources) {
    const named = (call: string, literal: string | undefined, item: string | undefined) => {
      const found = literal !== undefined ? [literal] : (defined.get(item!) ?? []);
      if (found.length !== 1 || found[0]!.includes('${')) unresolved.push(`${path}: ${call}`);
      else keys.add(found[0]!);
    };
    for (const [call, updated, literal, keyed] of text.matchAll(/\b(?:updateItem\((\w+)\s*,|inTurns?\(\s*(?:['`]([^'`]+)['`]|(\w+)\.key))/g)) named(call, literal, updated ?? keyed);
    // `inTurns([a.key, 'local:b'], …)`: each name in the list.
    for (const [call, list] of text.matchAll(/\binTurns\(\s*\[([^\]]*)\]/g)) {
      for (const name of list!.split(',').map((part) => part.trim())) {
        const [, literal, keyed] = /^(?:['`]([^'`]+)['`]|(\w+)\.key)$/.exec(name) ?? [];
        if (literal === undefined && keyed === undefined) unresolved.push(`${path}: ${call}`);
        else named(call, literal, keyed);
      }
    }
  }
  return { keys, unresolved };
}

describe('Delete everything clears storage in the turn of every value written in a turn', () => {
  test('SHARED_LOCAL_KEYS names every local value some turn writes, and nothing else', () => {
    const { keys, unresolved } = turnKeys();
    expect(unresolved, 'turns whose item this test cannot find (defined twice, or named another way)').toEqual([]);
    const local = [...keys].filter((key) => key.startsWith('local:')).sort();
    // The test must have found the turns at all.
    expect(local).toContain('local:settings');
    expect([...SHARED_LOCAL_KEYS].sort()).toEqual(local);
  });
});
