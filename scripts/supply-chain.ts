/**
 * The offline supply-chain check before a release: `npm run supply-chain`.
 *
 * 1. The lockfile's integrity (scripts/supply-chain/lockfile.ts), against what is installed.
 * 2. Reproducible zips: the store zips (with the SBOM inside, added by wxt.config.ts) are built
 *    twice in a row from scratch, into two separate folders, and must be byte-identical, so a
 *    store reviewer or a user can rebuild a release and compare it.
 *
 * Exits 1 with the reasons when anything fails.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkLockfile, type Lockfile, type PackageJson } from './supply-chain/lockfile';

const root = resolve(import.meta.dirname, '..');
const problems: string[] = [];

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
const installedVersion = (path: string) => {
  const file = join(root, path, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
};
const lockProblems = checkLockfile({ lock, packageJson, installedVersion });
problems.push(...lockProblems);
console.log(
  `lockfile: ${Object.keys(lock.packages ?? {}).length - 1} packages, ${lockProblems.length === 0 ? 'every one pinned by SHA-512, from the registry, installed as locked' : `${lockProblems.length} problems`}`,
);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function zipsOf(outDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(outDir)
      .filter((name) => name.endsWith('.zip'))
      .sort()
      .map((name) => [name, sha256(join(outDir, name))]),
  );
}

const runs: Record<string, string>[] = [];
for (const run of [1, 2]) {
  const outDir = join(root, '.output', `reproducible-${run}`);
  rmSync(outDir, { recursive: true, force: true });
  for (const browser of ['chrome', 'firefox']) {
    execFileSync('npx', ['wxt', 'zip', '-b', browser], { cwd: root, env: { ...process.env, RADAR_OUT_DIR: outDir }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const zips = zipsOf(outDir);
  for (const name of Object.keys(zips)) {
    if (name.includes('sources')) continue;
    if (!readFileSync(join(outDir, name)).includes('sbom.cdx.json')) problems.push(`${name}: no sbom.cdx.json inside`);
  }
  runs.push(zips);
}
const [first = {}, second = {}] = runs;
for (const [name, hash] of Object.entries(first)) {
  console.log(`${name}: ${hash} ${second[name] === hash ? '(identical in both builds)' : `DIFFERS: ${second[name] ?? 'missing'} in the second build`}`);
  if (second[name] !== hash) problems.push(`${name} is not reproducible`);
}
if (Object.keys(first).length === 0) problems.push('no zip was built');

if (problems.length > 0) {
  console.error(`\nsupply-chain check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nsupply-chain check passed');
