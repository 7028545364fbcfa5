import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { exchanges } from './registry';
import { EXCHANGE_ID_MAX_LENGTH, ExchangeIdSchema, isExchangeId } from './exchange-id';
import { WarningEntrySchema } from '../community/warning-list';
import { CustodianSchema } from '../holdings/model';
import { SettingsSchema } from '../settings';
import { GuideStateSchema } from '../custody/steps';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('exchange id', () => {
  it('accepts every registry id', () => {
    for (const exchange of exchanges) expect(isExchangeId(exchange.id), exchange.id).toBe(true);
  });

  it('has one limit wherever an id is read: stored holdings, settings, the guide, signed warning lists', () => {
    const longest = 'a'.repeat(EXCHANGE_ID_MAX_LENGTH);
    const tooLong = 'a'.repeat(EXCHANGE_ID_MAX_LENGTH + 1);
    for (const schema of [ExchangeIdSchema, CustodianSchema, v.pick(GuideStateSchema, ['exchangeId']).entries.exchangeId]) {
      expect(v.is(schema, longest)).toBe(true);
      expect(v.is(schema, tooLong)).toBe(false);
    }
    const snooze = (id: string) => v.safeParse(SettingsSchema, { snoozes: { [id]: { until: 'time', endsAt: 0 } } }).success;
    const entry = (id: string) =>
      v
        .safeParse(WarningEntrySchema, { exchange: id, severity: 'info', title: 'T', body: 'B', sources: ['https://example.com'], published: '2026-12-01' })
        .issues?.some((issue) => issue.path?.[0]?.key === 'exchange') ?? false;
    expect(entry(tooLong)).toBe(true);
    expect(entry(longest)).toBe(false);
    expect(snooze(longest)).toBe(true);
    expect(snooze(tooLong)).toBe(false);
  });

  it('is written once: no other source file spells the pattern', () => {
    const copies = ['lib', 'components', 'entrypoints', 'utils']
      .flatMap(sources)
      .filter((path) => !path.endsWith('exchange-id.ts'))
      .filter((path) => /\[a-z0-9-\]/.test(readFileSync(path, 'utf8')));
    expect(copies).toEqual([]);
  });
});

describe('one copy', () => {
  it.each([
    ['function rank', /function (asset)?[rR]ank\(/, ['lib/risk/assets.ts']],
    ['level keys', /level_ok'|`level_\$\{/, ['lib/words/level-words.ts', 'lib/words/pill-words.ts']],
    ['the notifications permission', /permissions: \['notifications'\]/, ['utils/permissions.ts']],
  ])('%s is defined in one place', (_, pattern, allowed) => {
    const found = ['lib', 'components', 'entrypoints', 'utils'].flatMap(sources).filter((path) => pattern.test(readFileSync(path, 'utf8')));
    expect(found.sort()).toEqual([...allowed].sort());
  });
});
