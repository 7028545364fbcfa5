import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromeBuild, firefoxBuild, requireChromium, requireFirefox, root } from './harness';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
}

type Grant = 'required' | 'optional';

/** The permission table of docs/security.md: permission → what each build asks for. */
function documented(): Record<'chrome' | 'firefox', Record<string, Grant>> {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const start = doc.indexOf("## What the extension may do: the manifest's permissions");
  if (start === -1) throw new Error('docs/security.md has no permission section');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const table = { chrome: {} as Record<string, Grant>, firefox: {} as Record<string, Grant> };
  // "—": that build does not ask for it.
  for (const match of section.matchAll(/^\| `([^`]+)` \| (required|optional|—) \| (required|optional|—) \|/gm)) {
    if (match[2] !== '—') table.chrome[match[1]!] = match[2] as Grant;
    if (match[3] !== '—') table.firefox[match[1]!] = match[3] as Grant;
  }
  return table;
}

function asked(manifest: Manifest): Record<string, Grant> {
  return Object.fromEntries([
    ...[...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].map((permission) => [permission, 'required'] as const),
    ...[...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].map((permission) => [permission, 'optional'] as const),
  ]);
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the built manifests ask for exactly what docs/security.md lists', () => {
  test('Chrome', () => {
    requireChromium();
    expect(asked(read(chromeBuild))).toEqual(documented().chrome);
  });

  test('Firefox', () => {
    requireFirefox();
    expect(asked(read(firefoxBuild))).toEqual(documented().firefox);
  });

  test('the table has the rows the extension cannot do without', () => {
    expect(Object.keys(documented().chrome)).toEqual(expect.arrayContaining(['storage', 'activeTab', '*://*/*']));
  });
});
