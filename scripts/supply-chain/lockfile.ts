/**
 * What "the lockfile's integrity" means here, checked without the network: every package the
 * lockfile pins carries a SHA-512 integrity hash (npm refuses a tarball that does not match
 * it), none comes from anywhere but the public registry (no git, http or tarball URLs), the
 * lockfile still describes package.json, and what is installed in node_modules is what it pins.
 */

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface CheckLockfileParameters {
  lock: Lockfile;
  packageJson: PackageJson;
  /** The version installed at a lockfile path (`node_modules/viem`), or undefined when it is missing. */
  installedVersion?: (path: string) => string | undefined;
}

/** Plain-words problems; empty when the lockfile passes. */
export function checkLockfile({ lock, packageJson, installedVersion }: CheckLockfileParameters): string[] {
  const problems: string[] = [];
  if ((lock.lockfileVersion ?? 0) < 3) problems.push(`lockfileVersion is ${String(lock.lockfileVersion)}, expected 3`);
  const packages = lock.packages ?? {};
  const rootEntry = packages[''];
  if (rootEntry === undefined) problems.push('the lockfile has no root package');
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const wanted = JSON.stringify(sorted(packageJson[field] ?? {}));
    const locked = JSON.stringify(sorted(rootEntry?.[field] ?? {}));
    if (wanted !== locked) problems.push(`package.json ${field} differ from the lockfile's; run npm install and commit the lockfile`);
  }
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link === true) continue;
    if (!/^sha512-[A-Za-z0-9+/]{86}==$/.test(entry.integrity ?? '')) problems.push(`${path}: no SHA-512 integrity`);
    if (entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/')) problems.push(`${path}: comes from ${entry.resolved}, not the npm registry`);
    if (installedVersion !== undefined && path.startsWith('node_modules/')) {
      const installed = installedVersion(path);
      // Optional packages for other platforms are pinned but not installed here.
      if (installed !== undefined && installed !== entry.version) problems.push(`${path}: ${installed} installed, ${String(entry.version)} locked`);
    }
  }
  return problems;
}

function sorted(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
