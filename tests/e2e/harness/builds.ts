/** Where the built extension, the browsers and the screenshots are; a missing one fails with the command that fixes it. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
const outDir = resolve(root, process.env.RADAR_OUT_DIR ?? '.output');
export const chromeBuild = join(outDir, 'chrome-mv3');
export const firefoxBuild = join(outDir, 'firefox-mv2');
/**
 * The Chrome build with `notifications` granted at install (`npm run build:test` makes it with
 * RADAR_GRANT_NOTIFICATIONS=1): headless Chromium cannot answer the optional permission's prompt.
 */
export const grantedChromeBuild = join(outDir, 'notifications-granted', 'chrome-mv3');
/** The Chrome build with `tabs` granted at install (`npm run build:test` makes it with RADAR_GRANT_TABS=1), for the same reason. */
export const tabsGrantedChromeBuild = join(outDir, 'tabs-granted', 'chrome-mv3');
export const screenshotsDir = join(root, 'docs/screenshots');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export function requireChromium(build = chromeBuild): string {
  requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  requireFile(join(build, 'manifest.json'), 'The Chrome build', build === chromeBuild ? 'Run: npm run build' : 'Run: npm run build:test');
  return chromiumPath;
}

export function requireFirefox(): string {
  requireFile(firefoxPath, 'Firefox', 'Install it with: apt-get install -y firefox-esr (or set FIREFOX_PATH).');
  requireFile(join(firefoxBuild, 'manifest.json'), 'The Firefox build', 'Run: npm run build:firefox');
  requireFirefoxVersion();
  return firefoxPath;
}

/** A Firefox older than the build's strict_min_version refuses the add-on; say so before a test meets that as a vague install error. */
function requireFirefoxVersion(): void {
  const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  const needed = Number.parseInt(manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0', 10);
  const printed = execFileSync(firefoxPath, ['--version'], { encoding: 'utf8' });
  const have = Number.parseInt(/Firefox (\d+)/.exec(printed)?.[1] ?? '0', 10);
  if (have < needed) {
    throw new Error(`Firefox at ${firefoxPath} is version ${have}; the Firefox build needs ${needed} or newer. Run: apt-get update && apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  }
}

/** The content scripts the built Chrome manifest declares (WXT's output plus the wxt.config.ts hook). */
export function builtContentScripts(): { js?: string[]; run_at?: string }[] {
  requireChromium();
  const manifest = JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; run_at?: string }[] };
  return manifest.content_scripts ?? [];
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotsDir, { recursive: true });
  return join(screenshotsDir, name);
}
