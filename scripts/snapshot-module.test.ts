import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkedSnapshotModule } from './snapshot-module';
import { parseSnapshot } from '../lib/reserves/snapshot';
import { checkedAtBuild } from '../lib/reserves/checked-at-build';

const raw = JSON.parse(readFileSync(new URL('../data/snapshot.json', import.meta.url), 'utf8')) as { exchanges: Record<string, { por?: { method?: string } }> };

/** Runs the module the build ships instead of data/snapshot.json and gives its default export. */
async function shipped(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: unknown };
  return module.default;
}

describe('the bundled snapshot, validated when the extension is built (issue 16)', () => {
  test('ships exactly what validating data/snapshot.json at run time gives, keys in the same order, marked as checked', async () => {
    const snapshot = await shipped(checkedSnapshotModule(raw, 'data/snapshot.json'));
    const parsed = parseSnapshot(raw);
    expect(parsed.ok).toBe(true);
    expect(snapshot).toStrictEqual(parsed.ok ? parsed.snapshot : undefined);
    expect(JSON.stringify(snapshot)).toBe(JSON.stringify(parsed.ok ? parsed.snapshot : undefined));
    expect(checkedAtBuild(snapshot)).toBe(true);
    // The mark is in no key list and no copy.
    expect(Object.keys(snapshot as object)).toEqual(['version', 'generatedAt', 'exchanges']);
    expect(checkedAtBuild({ ...(snapshot as object) })).toBe(false);
  });

  test('a file that fails the schema stops the build, saying where', () => {
    const broken = structuredClone(raw);
    broken.exchanges.binance = { por: { method: 'trust-me' } };
    expect(() => checkedSnapshotModule(broken, 'data/snapshot.json')).toThrow(/data\/snapshot\.json fails the snapshot schema, so the extension is not built: exchanges\.binance\.por\.method/);
  });

  test('an unmarked object is not taken for a checked snapshot', () => {
    expect(checkedAtBuild(raw)).toBe(false);
    expect(checkedAtBuild(null)).toBe(false);
    expect(checkedAtBuild('snapshot')).toBe(false);
  });
});
