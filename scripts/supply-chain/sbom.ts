import { execFileSync } from 'node:child_process';

/**
 * The software bill of materials of what the extension ships: `npm sbom` (CycloneDX) over the
 * lockfile, production dependencies only (the build tools are pinned by the lockfile in the
 * sources zip). Offline. The random serial number and the time of generation are dropped, so
 * two builds of the same commit give byte-identical zips.
 */
export function productionSbom(root: string): string {
  const raw = execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev', '--package-lock-only'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const sbom = JSON.parse(raw) as { serialNumber?: string; metadata?: { timestamp?: string } };
  delete sbom.serialNumber;
  if (sbom.metadata !== undefined) delete sbom.metadata.timestamp;
  return `${JSON.stringify(sbom, null, 2)}\n`;
}
