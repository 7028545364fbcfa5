import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceFileLines } from '@/scripts/source-size';
import { GUIDE_STATE_KEY } from '@/utils/chosen-address';
import { WARNING_LISTS_NAME } from '@/utils/warning-lists-watch';
import { SHARED_LOCAL_KEYS, SHARED_SESSION_KEYS } from './extension-handlers';

const root = join(import.meta.dirname, '../..');
/** Key names built from a constant, as the sources write them. */
const CONSTANTS: Readonly<Record<string, string>> = { GUIDE_STATE_KEY, WARNING_LISTS_NAME };

/**
 * The stored values written in a turn (utils/in-turn.ts), found in the sources: each
 * `updateItem(item, …)`, `replacement(item, …)`, `inTurn(item.key, …)` and `inTurns([item.key, …], …)` outside the helper itself, with the key the item
 * is defined with. A turn named any other way (an `inTurns` list held in a variable, say) fails the test until it is taught here;
 * "Delete everything" taking `SHARED_LOCAL_KEYS` and `SHARED_SESSION_KEYS` is the one `inTurns` without a written list.
 */
function turnKeys(sources: readonly { path: string; text: string }[]): { keys: Set<string>; unresolved: string[] } {
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
    for (const [call, updated, literal, keyed] of text.matchAll(/\b(?:(?:updateItem|replacement)\((\w+)\s*,|inTurns?\(\s*(?:['`]([^'`]+)['`]|(\w+)\.key))/g)) named(call, literal, updated ?? keyed);
    // `inTurns([a.key, 'local:b'], …)`: each name in the list.
    for (const [call, list] of text.matchAll(/\binTurns\(\s*\[([^\]]*)\]/g)) {
      // A list the formatter breaks over lines ends in a comma: the empty part after it names nothing.
      for (const name of list!
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const [, literal, keyed] = /^(?:['`]([^'`]+)['`]|(\w+)\.key)$/.exec(name) ?? [];
        if (literal === undefined && keyed === undefined) unresolved.push(`${path}: ${call}`);
        else named(call, literal, keyed);
      }
    }
    // `inTurns(names, …)`: which turns it takes is not written here. Only "Delete everything" takes them all this way.
    for (const [call] of text.matchAll(/\binTurns\((?!\s*\[)\s*[\w.]*/g)) {
      if (!(path === 'entrypoints/background/extension-handlers.ts' && ['inTurns(SHARED_LOCAL_KEYS', 'inTurns(SHARED_SESSION_KEYS'].includes(call))) unresolved.push(`${path}: ${call}`);
    }
  }
  return { keys, unresolved };
}

function sources(): { path: string; text: string }[] {
  return sourceFileLines(root)
    .map(({ path }) => path)
    .filter((path) => !/\.test\.tsx?$|\.e2e\.ts$|^(tests|scripts)\//.test(path) && path !== 'utils/in-turn.ts')
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

describe('Delete everything clears storage in the turn of every value written in a turn', () => {
  const items = "const aItem = defineLazyItem<unknown>('local:a', {});\nconst bItem = defineLazyItem<unknown>('local:b', {});\n";

  test('a list of turns broken over lines, with a trailing comma, is read name by name', () => {
    const found = turnKeys([{ path: 'utils/x.ts', text: `${items}await inTurns(\n  [\n    aItem.key,\n    bItem.key,\n  ],\n  work,\n);\n` }]);
    expect(found).toEqual({ keys: new Set(['local:a', 'local:b']), unresolved: [] });
  });

  test('a replacement names the turn of its item, like an update', () => {
    const found = turnKeys([{ path: 'utils/x.ts', text: `${items}return replacement(aItem, value);\nawait updateItem(bItem, change);\n` }]);
    expect(found).toEqual({ keys: new Set(['local:a', 'local:b']), unresolved: [] });
  });

  test('turns named through a variable are flagged, except "Delete everything" taking SHARED_LOCAL_KEYS and SHARED_SESSION_KEYS', () => {
    const text = `${items}const names = [aItem.key];\nawait inTurns(names, work);\nawait inTurns(SHARED_LOCAL_KEYS, () => inTurns(SHARED_SESSION_KEYS, clear));\n`;
    expect(turnKeys([{ path: 'utils/x.ts', text }]).unresolved).toEqual(['utils/x.ts: inTurns(names', 'utils/x.ts: inTurns(SHARED_LOCAL_KEYS', 'utils/x.ts: inTurns(SHARED_SESSION_KEYS']);
    expect(turnKeys([{ path: 'entrypoints/background/extension-handlers.ts', text }]).unresolved).toEqual(['entrypoints/background/extension-handlers.ts: inTurns(names']);
  });

  test('SHARED_LOCAL_KEYS names every local value some turn writes, and nothing else', () => {
    const { keys, unresolved } = turnKeys(sources());
    expect(unresolved, 'turns whose item this test cannot find (defined twice, or named another way)').toEqual([]);
    const local = [...keys].filter((key) => key.startsWith('local:')).sort();
    // The test must have found the turns at all.
    expect(local).toContain('local:settings');
    expect([...SHARED_LOCAL_KEYS].sort()).toEqual(local);
  });

  test('SHARED_SESSION_KEYS names every session value some turn writes, and nothing else', () => {
    const { keys } = turnKeys(sources());
    const session = [...keys].filter((key) => key.startsWith('session:')).sort();
    expect(session).toContain('session:tabUrls');
    expect([...SHARED_SESSION_KEYS].sort()).toEqual(session);
    expect([...keys].every((key) => key.startsWith('local:') || key.startsWith('session:'))).toBe(true);
  });
});
