import { describe, expect, test } from 'vitest';
import { groupSources, type SourceGroupMember } from './source-groups';

const row = (group: string, status: SourceGroupMember['status'], lastSuccess?: string) => ({ group, status, ...(lastSuccess === undefined ? {} : { lastSuccess }) });

describe('groupSources', () => {
  test('one group per source, in order, each per-exchange answer a member of its own source', () => {
    const groups = groupSources([
      row('feed', 'fresh', '2026-12-05T10:00:00Z'),
      row('cexs', 'stale', '2026-12-04T10:00:00Z'),
      row('protocol', 'fresh', '2026-12-05T09:00:00Z'),
      row('protocol', 'fresh', '2026-12-05T08:00:00Z'),
    ]);
    expect(groups.map((group) => [group.id, group.members.length])).toEqual([
      ['feed', 1],
      ['cexs', 1],
      ['protocol', 2],
    ]);
    expect(groups[2]).toMatchObject({ status: 'fresh', count: 2, oldestSuccess: '2026-12-05T08:00:00Z' });
  });

  test('a group shows its worst state and how many are at it: failing, stale, not fetched yet, fresh', () => {
    const status = (...statuses: SourceGroupMember['status'][]) => {
      const [group] = groupSources(statuses.map((each) => row('protocol', each)));
      return [group?.status, group?.count];
    };
    expect(status('fresh', 'failing', 'stale', 'failing')).toEqual(['failing', 2]);
    expect(status('fresh', 'never', 'stale')).toEqual(['stale', 1]);
    expect(status('fresh', 'never', 'never')).toEqual(['never', 2]);
    expect(status('fresh', 'fresh')).toEqual(['fresh', 2]);
  });

  test('no success anywhere leaves the age unknown, never made up', () => {
    expect(groupSources([row('protocol', 'failing'), row('protocol', 'never')])[0]?.oldestSuccess).toBeUndefined();
  });
});
