import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KNOWN_BAD_ACCEPTED_FILE, readKnownBadAccepted } from './inputs';

describe('readKnownBadAccepted: data/known-bad-accepted.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'known-bad-accepted-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('the committed file is valid, every entry read', () => {
    const raw = JSON.parse(readFileSync(KNOWN_BAD_ACCEPTED_FILE, 'utf8')) as { accepted: unknown[] };
    expect(readKnownBadAccepted()).toHaveLength(raw.accepted.length);
  });

  it('reads the entries of a valid file', () => {
    const entry = { list: 'scamsniffer', hosts: 1_500, checked: '2026-12-05', why: 'the list dropped its expired entries' };
    expect(readKnownBadAccepted(file('ok.json', JSON.stringify({ accepted: [entry] })))).toEqual([entry]);
  });

  it('stops the build with the file name and the problem in plain words', () => {
    expect(() => readKnownBadAccepted(file('broken.json', '{"accepted": ['))).toThrow(/^broken\.json refused: it is not JSON/);
    expect(() => readKnownBadAccepted(file('bad.json', JSON.stringify({ accepted: [{ list: 'metamask', hosts: 10, checked: '2026-12-05' }] })))).toThrow(/^bad\.json refused: .*why/);
    expect(() => readKnownBadAccepted(join(dir, 'missing.json'))).toThrow(/^missing\.json refused: it cannot be read \(ENOENT/);
  });
});
