import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedKeyAndFolder } from '../run-command.testkit';
import { OutputError, writeAll } from './files';

const folder = isolatedKeyAndFolder('radar-files-');

describe('writeAll', () => {
  it('writes every file, making the folders they need', async () => {
    await writeAll([
      { path: join(folder(), 'a.json'), text: 'a' },
      { path: join(folder(), 'site', 'v1', 'b.json'), text: 'b' },
    ]);
    expect(readFileSync(join(folder(), 'a.json'), 'utf8')).toBe('a');
    expect(readFileSync(join(folder(), 'site', 'v1', 'b.json'), 'utf8')).toBe('b');
    expect(readdirSync(folder()).sort()).toEqual(['a.json', 'site']);
  });

  it('writes none when one destination cannot be written, keeping what was there and leaving no temporary file', async () => {
    writeFileSync(join(folder(), 'a.json'), 'old');
    mkdirSync(join(folder(), 'b.json'));
    writeFileSync(join(folder(), 'a-file'), '');
    for (const bad of [join(folder(), 'b.json'), join(folder(), 'a-file', 'c.json')]) {
      await expect(
        writeAll([
          { path: join(folder(), 'a.json'), text: 'new' },
          { path: bad, text: 'b' },
        ]),
      ).rejects.toThrow(OutputError);
      expect(readFileSync(join(folder(), 'a.json'), 'utf8')).toBe('old');
      expect(readdirSync(folder()).sort()).toEqual(['a-file', 'a.json', 'b.json']);
    }
  });
});
