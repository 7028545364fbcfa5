import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { WARNING_LIST_DOMAIN, WARNING_LIST_LIMITS, WARNING_LIST_TYPES, WARNING_LIST_TYPES_WITH_LANG } from './warning-list';

const doc = readFileSync(new URL('../../docs/warning-lists.md', import.meta.url), 'utf8');

function jsonBlock(label: string): unknown {
  const match = new RegExp('```json ' + label + '\\n([\\s\\S]*?)\\n```').exec(doc);
  if (match === null) throw new Error(`docs/warning-lists.md has no \`\`\`json ${label} block`);
  return JSON.parse(match[1]!) as unknown;
}

describe('docs/warning-lists.md matches the code', () => {
  it('states the EIP-712 domain and types the code signs with', () => {
    expect(jsonBlock('domain')).toEqual(WARNING_LIST_DOMAIN);
    expect(jsonBlock('types')).toEqual(WARNING_LIST_TYPES);
    expect(jsonBlock('types-with-lang')).toEqual({ WarningList: WARNING_LIST_TYPES_WITH_LANG.WarningList });
    expect(WARNING_LIST_TYPES_WITH_LANG.Warning).toEqual(WARNING_LIST_TYPES.Warning);
  });

  it('warns, where lang is documented, that earlier versions refuse a list with it, and its example does not add it', () => {
    const row = doc.split('\n').find((line) => line.startsWith('| `lang` |')) ?? '';
    expect(row).toMatch(/versions before .* refuse .* malformed/);
    expect(row).toMatch(/last good list until it expires/);
    expect(row).toMatch(/Unicode locale identifier/);
    const example = doc.split('## The document')[1]!.split('```')[1]!;
    expect(example).not.toContain('"lang"');
  });

  it('lists every limit with the value the code enforces', () => {
    const section = doc.split('### Limits')[1]!.split('\n## ')[0]!;
    const rows = Object.fromEntries([...section.matchAll(/^\| (\w+) \| (\d+) \|$/gm)].map((match) => [match[1]!, Number(match[2])]));
    expect(rows).toEqual({ ...WARNING_LIST_LIMITS });
  });
});
