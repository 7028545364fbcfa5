/**
 * The feed's publishing workflow (.github/workflows/feed.yml), read as data and then run: its
 * schedule, its commands against package.json, its pinned address and URL against
 * lib/feed/trust.ts, and its build and verify steps executed here offline with the public test key
 * (tests/fixtures/feed/test-key.ts) in a temporary folder standing in for the runner's checkout.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FEED_SIGNERS, FEED_URL } from '../lib/feed/trust';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../tests/fixtures/feed/test-key';
import { KEY_ENV } from './radar/command';

const root = fileURLToPath(new URL('..', import.meta.url));
const workflowText = readFileSync(join(root, '.github/workflows/feed.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(workflowText) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runSteps = steps.filter((step): step is Step & { run: string } => typeof step.run === 'string');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `npm run --silent radar -- <args>` on one line: the arguments the radar CLI receives. */
const RADAR_LINE = /^npm run --silent radar -- (.+)$/;

function lines(run: string): string[] {
  return run
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The radar arguments of a line, split on spaces: the workflow quotes nothing, which is checked below. */
function radarArgs(line: string): string[] {
  const match = RADAR_LINE.exec(line);
  if (match === null) throw new Error(`not a radar command: ${line}`);
  return match[1]!.split(/\s+/);
}

function stepRunning(pattern: RegExp): Step & { run: string } {
  const found = runSteps.filter((step) => pattern.test(step.run));
  if (found.length !== 1) throw new Error(`expected exactly one step running ${pattern}, found ${found.length}`);
  return found[0]!;
}

const buildStep = stepRunning(/radar -- feed build/);
const verifyStep = stepRunning(/radar -- feed verify/);
const curlStep = stepRunning(/curl /);

/** The build step's shell `if`: which radar line runs when previous.json exists, and which when not. */
function buildBranches(): { file: string; withPrevious: string; withoutPrevious: string } {
  const match = /^if \[ -f (\S+) \]; then\n(.+)\nelse\n(.+)\nfi$/.exec(lines(buildStep.run).join('\n'));
  if (match === null) throw new Error(`the build step is not the expected if/else:\n${buildStep.run}`);
  return { file: match[1]!, withPrevious: match[2]!, withoutPrevious: match[3]! };
}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

describe('.github/workflows/feed.yml', () => {
  it('runs daily on a schedule and can be started by hand', () => {
    const crons = (workflow.on.schedule ?? []).map((entry) => entry.cron);
    expect(crons).toHaveLength(1);
    // minute hour day-of-month month day-of-week: a fixed minute and hour, every day.
    const fields = crons[0]!.trim().split(/\s+/);
    expect(fields).toHaveLength(5);
    const [minute, hour, ...rest] = fields;
    expect(Number(minute)).toSatisfy((value: number) => Number.isInteger(value) && value >= 0 && value <= 59);
    expect(Number(hour)).toSatisfy((value: number) => Number.isInteger(value) && value >= 0 && value <= 23);
    expect(rest).toEqual(['*', '*', '*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('runs only npm scripts, the radar CLI, the download and the previous.json ifs', () => {
    const allowed = [
      /^npm ci$/,
      RADAR_LINE,
      /^status=\$\(curl -sS -o previous\.json -w '%\{http_code\}' \S+\)$/,
      /^if \[ "\$status" = 404 \]; then rm previous\.json; elif \[ "\$status" != 200 \]; then echo "the published feed answered HTTP \$status" >&2; exit 1; fi$/,
      /^if \[ -f previous\.json \]; then$/,
      /^else$/,
      /^fi$/,
    ];
    for (const step of runSteps) {
      for (const line of lines(step.run))
        expect(
          allowed.some((pattern) => pattern.test(line)),
          line,
        ).toBe(true);
    }
    // No quoting, variables or substitutions hide in a radar line, so splitting it on spaces is what bash does.
    for (const step of runSteps) for (const line of lines(step.run).filter((l) => RADAR_LINE.test(l))) expect(line).not.toMatch(/["'`$\\;|&<>]/);
  });

  it('names only npm scripts that exist in package.json', () => {
    const named = runSteps.flatMap((step) => [...step.run.matchAll(/npm run (?:--?[\w-]+ )*([\w:.-]+)/g)].map((match) => match[1]!));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
  });

  it('verifies against the pinned maintainer address and downloads from the pinned URL', () => {
    const verifyLines = lines(verifyStep.run);
    expect(verifyLines).toHaveLength(1);
    expect(optionValue(radarArgs(verifyLines[0]!), '--signer')).toBe(FEED_SIGNERS[0]);
    expect(/curl -sS -o previous\.json -w '%\{http_code\}' (\S+)\)/.exec(curlStep.run)?.[1]).toBe(FEED_URL);
    // The file built is the file verified, and it lands at the URL's path inside the uploaded site.
    const { withPrevious, withoutPrevious } = buildBranches();
    const out = optionValue(radarArgs(withoutPrevious), '--out');
    expect(optionValue(radarArgs(withPrevious), '--out')).toBe(out);
    expect(radarArgs(verifyLines[0]!)[2]).toBe(out);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    const site = String(upload?.with?.path);
    expect(out!.startsWith(`${site}/`)).toBe(true);
    expect(FEED_URL.endsWith(out!.slice(site.length))).toBe(true);
    expect(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('passes the signing key from a repository secret as RADAR_SIGNER_KEY, to the build step only', () => {
    expect(KEY_ENV).toBe('RADAR_SIGNER_KEY');
    expect(buildStep.env?.[KEY_ENV]).toMatch(/^\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}$/);
    expect(steps.filter((step) => step.env !== undefined && KEY_ENV in step.env)).toEqual([buildStep]);
    expect(workflowText.match(/secrets\./g)).toHaveLength(1);
  });
});

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The radar CLI as a real process, as `npm run radar` starts it (scripts/radar/*.test.ts do the same). */
function radar(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/radar.ts', ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Path options and the verified file are relative to the checkout; here they point into `dir`. */
function inDir(dir: string, args: string[]): string[] {
  return args.map((arg, index) => {
    const previous = args[index - 1];
    const isPath = previous === '--out' || previous === '--report' || previous === '--previous' || (args[0] === 'feed' && args[1] === 'verify' && index === 2);
    return isPath ? join(dir, arg) : arg;
  });
}

function withOption(args: string[], name: string, value: string): string[] {
  const index = args.indexOf(name);
  if (index === -1) return [...args, name, value];
  return args.map((arg, i) => (i === index + 1 ? value : arg));
}

/** The first number found walking the object depth-first, with a setter to change it in place. */
function firstNumber(value: unknown): { get: () => number; set: (next: number) => void } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const holder = value as Record<string, unknown>;
    if (typeof holder[key] === 'number') return { get: () => holder[key] as number, set: (next) => (holder[key] = next) };
    const inner = firstNumber(holder[key]);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

describe('the workflow run offline with the test key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'radar-feed-workflow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, verifies, rebuilds on the previous feed, and refuses a changed figure and a non-JSON file', { timeout: 180_000 }, async () => {
    const { file: previousName, withPrevious, withoutPrevious } = buildBranches();
    const env = { [KEY_ENV]: TEST_FEED_KEY };
    const build = () => {
      // The shell `if`, evaluated as bash would: the download step may or may not have left the file.
      const line = existsSync(join(dir, previousName)) ? withPrevious : withoutPrevious;
      return radar(inDir(dir, [...radarArgs(line), '--offline']), env);
    };
    const verifyArgs = (file: string, issued: string) => {
      const args = inDir(dir, radarArgs(lines(verifyStep.run)[0]!));
      return withOption(
        withOption(
          args.map((arg, i) => (i === 2 ? file : arg)),
          '--signer',
          TEST_FEED_SIGNER,
        ),
        '--now',
        issued,
      );
    };
    const out = inDir(dir, radarArgs(withoutPrevious))[radarArgs(withoutPrevious).indexOf('--out') + 1]!;
    const report = inDir(dir, radarArgs(withoutPrevious))[radarArgs(withoutPrevious).indexOf('--report') + 1]!;

    // First publication: nothing downloaded.
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    const firstFeed = JSON.parse(readFileSync(out, 'utf8')) as { feed: { sequence: number; issued: string }; snapshot: unknown };
    expect(firstFeed.feed.sequence).toBe(Date.parse(firstFeed.feed.issued) / 1000);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ sequence: firstFeed.feed.sequence, signer: TEST_FEED_SIGNER });

    const verified = await radar(verifyArgs(out, firstFeed.feed.issued));
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^valid: feed number ${firstFeed.feed.sequence},`));

    // Next day: the download step finds the published feed.
    copyFileSync(out, join(dir, previousName));
    const second = await build();
    expect(second.code, second.stderr).toBe(0);
    const secondFeed = JSON.parse(readFileSync(out, 'utf8')) as { feed: { sequence: number; issued: string } };
    expect(secondFeed.feed.sequence).toBe(firstFeed.feed.sequence + 1);
    const verifiedSecond = await radar(verifyArgs(out, secondFeed.feed.issued));
    expect(verifiedSecond.code, verifiedSecond.stdout + verifiedSecond.stderr).toBe(0);

    // One figure of the signed snapshot changed after signing.
    const tampered = structuredClone(firstFeed);
    const figure = firstNumber(tampered.snapshot);
    expect(figure).toBeDefined();
    figure!.set(figure!.get() + 1);
    const tamperedFile = join(dir, 'tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));
    const refused = await radar(verifyArgs(tamperedFile, firstFeed.feed.issued));
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout).toMatch(/^invalid \(tampered\)/);

    // Not JSON at all: an unreadable file, not an invalid feed.
    const garbageFile = join(dir, 'garbage.json');
    writeFileSync(garbageFile, '<html>503 Service Unavailable</html>');
    const unreadable = await radar(verifyArgs(garbageFile, firstFeed.feed.issued));
    expect(unreadable.code, unreadable.stdout + unreadable.stderr).toBe(2);
  });
});
