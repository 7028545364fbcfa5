import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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

  it('leaves no temporary file when a write fails partway, and writes none of the files', () => {
    writeFileSync(join(folder(), 'a.json'), 'old');
    // A file-size limit of 20 blocks (10 or 20 kB, by shell) lets the system create the temporary
    // file and refuse its 200 kB partway (EFBIG), as a disk that fills up does.
    const script = `const { writeAll } = await import('./scripts/radar/shared/files.ts');
      const files = [{ path: ${JSON.stringify(join(folder(), 'a.json'))}, text: 'new' }, { path: ${JSON.stringify(join(folder(), 'feed.json'))}, text: 'x'.repeat(200_000) }];
      await writeAll(files).catch((error) => process.stdout.write(error.message));`;
    const child = spawnSync('sh', ['-c', 'ulimit -f 20 && exec "$0" --import tsx --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout, child.stderr).toMatch(/^cannot write .*feed\.json: .*\(EFBIG\)$/);
    expect(readdirSync(folder())).toEqual(['a.json']);
    expect(readFileSync(join(folder(), 'a.json'), 'utf8')).toBe('old');
  }, 60_000);
});
