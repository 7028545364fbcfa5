import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLockfile, type Lockfile, type PackageJson } from './lockfile';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Lockfile;
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;
const integrity = `sha512-${'A'.repeat(86)}==`;

describe('checkLockfile', () => {
  it('passes the project’s own lockfile', () => {
    expect(checkLockfile({ lock, packageJson })).toEqual([]);
  });

  it('names a package without integrity, one from outside the registry, a drifted package.json and a tampered install', () => {
    const tampered: Lockfile = {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { viem: '^2.0.0' } },
        'node_modules/viem': { version: '2.1.0', integrity },
        'node_modules/left-pad': { version: '1.0.0' },
        'node_modules/evil': { version: '1.0.0', integrity, resolved: 'https://example.com/evil-1.0.0.tgz' },
        'node_modules/from-git': { version: '1.0.0', integrity, resolved: 'git+ssh://git@github.com/x/y.git' },
      },
    };
    const problems = checkLockfile({
      lock: tampered,
      packageJson: { dependencies: { viem: '^2.0.0', preact: '^11.0.0' } },
      installedVersion: (path) => (path === 'node_modules/viem' ? '2.1.1' : undefined),
    });
    expect(problems).toEqual([
      "package.json dependencies differ from the lockfile's; run npm install and commit the lockfile",
      'node_modules/viem: 2.1.1 installed, 2.1.0 locked',
      'node_modules/left-pad: no SHA-512 integrity',
      'node_modules/evil: comes from https://example.com/evil-1.0.0.tgz, not the npm registry',
      'node_modules/from-git: comes from git+ssh://git@github.com/x/y.git, not the npm registry',
    ]);
  });
});
