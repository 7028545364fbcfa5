import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedKeyAndFolder, runCommand } from './run-command.testkit';
import { KEY_ENV } from './command';
import { command as address } from './address';
import { command as classify } from './classify';
import { command as feed } from './feed';
import { command as replay } from './replay';
import { command as status } from './status';
import { command as verifyProof } from './verify-proof';
import { command as warnings } from './warnings';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';

const SIGNED_LIST = 'tests/fixtures/warning-lists/sample.signed.json';
const LIST = 'tests/fixtures/warning-lists/sample.list.json';
const folder = isolatedKeyAndFolder('radar-bad-input-');

/** One line in plain words: no stack trace, no JSON parser's quote of the file spilling onto a second line. */
function expectOneLine(err: string, label: string): void {
  expect(err, label).toMatch(/^radar [a-z-]+: [^\n]+\n$/);
  expect(err, label).not.toMatch(/\bat .*:\d+:\d+/);
}

describe('radar: bad input gets a clear error', { timeout: 60_000 }, () => {
  it('refuses a date that is not on the calendar, not a date, or a moment without its zone, in every command that takes one', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    for (const value of ['2025-02-30', '2025-11-31T06:00:00Z', '5', '2025-11-25T06:00:00', 'yesterday']) {
      const runs = {
        'status --now': await runCommand(status, ['binance', '--now', value]),
        'status --cexs-date': await runCommand(status, ['binance', '--cexs-date', value]),
        'warnings verify --now': await runCommand(warnings, ['verify', SIGNED_LIST, '--signer', TEST_FEED_SIGNER, '--now', value]),
        'feed verify --now': await runCommand(feed, ['verify', SIGNED_LIST, '--signer', TEST_FEED_SIGNER, '--now', value]),
        'feed build --now': await runCommand(feed, ['build', '--offline', '--now', value, '--out', out]),
      };
      for (const [label, result] of Object.entries(runs)) {
        const option = label.split(' ').at(-1)!;
        expect(result.code, `${label} ${value}`).toBe(2);
        expect(result.out, `${label} ${value}`).toBe('');
        expect(result.err, `${label} ${value}`).toContain(`${option} must be a date like 2025-11-25 or a moment like 2025-11-25T06:00:00Z, got "${value}"`);
      }
      expect(existsSync(out), value).toBe(false);
    }
  });

  it('says in plain words, on one line, that a file is missing, a folder or not JSON, whichever command reads it', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const missing = join(folder(), 'missing.json');
    const notJson = join(folder(), 'not-json.json');
    writeFileSync(notJson, 'not JSON\n{');
    const reads = (file: string) => ({
      'status --cexs': runCommand(status, ['binance', '--cexs', file]),
      'warnings sign': runCommand(warnings, ['sign', file]),
      'warnings verify': runCommand(warnings, ['verify', file, '--signer', TEST_FEED_SIGNER]),
      'feed verify': runCommand(feed, ['verify', file, '--signer', TEST_FEED_SIGNER]),
      'feed build --previous': runCommand(feed, ['build', '--offline', '--previous', file, '--out', join(folder(), 'feed.json')]),
      'verify-proof': runCommand(verifyProof, [file]),
    });
    for (const [label, pending] of Object.entries(reads(missing))) {
      const { code, out, err } = await pending;
      expect(code, label).toBe(2);
      expect(out, label).toBe('');
      expectOneLine(err, label);
      expect(err, label).toContain(`cannot read ${missing}: no such file`);
    }
    for (const [label, pending] of Object.entries(reads(folder()))) {
      const { code, err } = await pending;
      expect(code, label).toBe(2);
      expectOneLine(err, label);
      expect(err, label).toContain(`cannot read ${folder()}: it is a folder`);
    }
    const parsed = reads(notJson);
    for (const label of ['status --cexs', 'warnings sign', 'warnings verify', 'feed verify', 'verify-proof'] as const) {
      const { code, out, err } = await parsed[label];
      expect(code, label).toBe(2);
      expect(out, label).toBe('');
      expectOneLine(err, label);
      expect(err, label).toContain(notJson);
      // The feed's sentence is the user's; the command line adds the maintainer's term after it, one full stop each.
      expect(err, label).toMatch(/is not JSON|not valid JSON|\. Detail: not JSON\.$/m);
      if (label === 'feed verify') expect(err, label).not.toMatch(/\.\s*\(|\.\.$/m);
    }
    expect(existsSync(join(folder(), 'feed.json'))).toBe(false);
  });

  it('refuses bad usage of every command on one line of stderr, exit 2, nothing on stdout', async () => {
    const refused = {
      'address, no address': await runCommand(address, ['bitcoin']),
      'address, an unknown network': await runCommand(address, ['ethreum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']),
      'address, an option': await runCommand(address, ['ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '--json']),
      'classify, an argument': await runCommand(classify, ['hosts.txt'], ''),
      'feed, no subcommand': await runCommand(feed, []),
      'replay, an unknown option': await runCommand(replay, ['--foo']),
      'status, no exchange': await runCommand(status, []),
      'status, --cexs-date without its file': await runCommand(status, ['binance', '--cexs-date', '2026-08-10']),
      'verify-proof, no file': await runCommand(verifyProof, []),
      'warnings, no subcommand': await runCommand(warnings, []),
      'warnings, an unknown subcommand': await runCommand(warnings, ['publish']),
      'warnings sign, two files': await runCommand(warnings, ['sign', LIST, LIST]),
      'warnings verify, no signer': await runCommand(warnings, ['verify', SIGNED_LIST]),
    };
    for (const [label, { code, out, err }] of Object.entries(refused)) {
      expect(code, label).toBe(2);
      expect(out, label).toBe('');
      expectOneLine(err, label);
    }
    expect(refused['address, an unknown network'].err).toMatch(/^radar address: unknown network "ethreum" \(known: ethereum, arbitrum, .*\)\.\n$/);
    // Every other option-taking command has --json; this one always prints JSON, and should say so rather than count arguments.
    expect(refused['address, an option'].err).toBe('radar address: unknown option --json (address always prints JSON). Run "radar address --help" for the usage.\n');
    expect(refused['status, --cexs-date without its file'].err).toBe(
      'radar status: --cexs-date says when the --cexs file was fetched; give --cexs FILE too. Run "radar status --help" for the usage.\n',
    );
    expect(refused['warnings verify, no signer'].err).toBe('radar warnings: verify needs --signer <address>, the maintainer address you trust. Run "radar warnings --help" for the usage.\n');
  });

  it('feed refuses what it does not know instead of ignoring it', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    const refused = {
      'an unknown option': await runCommand(feed, ['build', '--offline', '--out', out, '--outt', join(folder(), 'typo.json')]),
      'a stray argument': await runCommand(feed, ['build', '--offline', 'feed.json', '--out', out]),
      'the same file twice': await runCommand(feed, ['build', '--offline', '--out', out, '--report', out]),
      'two files to verify': await runCommand(feed, ['verify', SIGNED_LIST, LIST, '--signer', TEST_FEED_SIGNER]),
      'an argument to keygen': await runCommand(feed, ['keygen', '--out', join(folder(), 'key.txt')]),
    };
    for (const [label, { code, out: printed, err }] of Object.entries(refused)) {
      expect(code, label).toBe(2);
      expect(printed, label).toBe('');
      expectOneLine(err, label);
    }
    expect(refused['an unknown option'].err).toContain('unknown option --outt');
    expect(readdirSync(folder())).toEqual([]);
    expect((await runCommand(feed, [])).err).toMatch(/^radar feed: expected build, verify or keygen/);
  });
});

describe('radar feed build: bad output paths lose nothing', { timeout: 60_000 }, () => {
  it('writes neither the feed nor the report when either cannot be written, and keeps the files already there', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    const out = join(folder(), 'feed.json');
    writeFileSync(out, 'the feed published yesterday');
    writeFileSync(join(folder(), 'a-file'), '');
    mkdirSync(join(folder(), 'a-folder'));
    const badReports = [join(folder(), 'a-file', 'report.json'), join(folder(), 'a-folder')];
    for (const report of badReports) {
      const { code, out: printed, err } = await runCommand(feed, ['build', '--offline', '--out', out, '--report', report]);
      expect(code, report).toBe(2);
      expect(printed, report).toBe('');
      expectOneLine(err, report);
      expect(err, report).toContain(`cannot write ${report}`);
      expect(readFileSync(out, 'utf8')).toBe('the feed published yesterday');
      expect(readdirSync(folder()).sort()).toEqual(['a-file', 'a-folder', 'feed.json']);
    }
  });
});

describe('radar feed build --record: a folder it cannot write is refused before any download', { timeout: 60_000 }, () => {
  it('exits 2 on one line, asks nothing of the network and writes nothing, when --record names a file or a path through one', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    writeFileSync(join(folder(), 'a-file'), '');
    const out = join(folder(), 'feed.json');
    const requests: string[] = [];
    const realFetch = globalThis.fetch;
    // A live build would download for minutes; any request here is the defect.
    globalThis.fetch = async (input) => {
      requests.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('no network in this test');
    };
    try {
      for (const record of [join(folder(), 'a-file'), join(folder(), 'a-file', 'answers')]) {
        const { code, out: printed, err } = await runCommand(feed, ['build', '--record', record, '--out', out]);
        expect(code, record).toBe(2);
        expect(printed, record).toBe('');
        expectOneLine(err, record);
        expect(err, record).toContain(`cannot write into ${record}`);
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(requests).toEqual([]);
    expect(readdirSync(folder())).toEqual(['a-file']);
  });
});

describe('radar: the signing key is read the same way by every command that signs', { timeout: 120_000 }, () => {
  it('takes a key that ends with a newline or a carriage return, as one pasted from a file does', async () => {
    for (const ending of ['\n', '\r\n', ' ']) {
      process.env[KEY_ENV] = `${TEST_FEED_KEY}${ending}`;
      const signed = await runCommand(warnings, ['sign', LIST]);
      expect(signed.code, JSON.stringify(ending)).toBe(0);
      expect(signed.err, JSON.stringify(ending)).toContain(`as ${TEST_FEED_SIGNER}`);
      const built = await runCommand(feed, ['build', '--offline', '--out', join(folder(), 'feed.json'), '--report', join(folder(), 'report.json')]);
      expect(built, JSON.stringify(ending)).toEqual({ code: 0, out: '', err: '' });
      expect(JSON.parse(readFileSync(join(folder(), 'report.json'), 'utf8')).signer, JSON.stringify(ending)).toBe(TEST_FEED_SIGNER);
    }
  });

  it('says the same, on one line naming the variable and never the key, when the key is blank or not a key', async () => {
    for (const key of [' ', '0xnotakey', TEST_FEED_KEY.slice(2)]) {
      process.env[KEY_ENV] = key;
      const runs = { warnings: await runCommand(warnings, ['sign', LIST]), feed: await runCommand(feed, ['build', '--offline', '--out', join(folder(), 'feed.json')]) };
      for (const [name, { code, out, err }] of Object.entries(runs)) {
        expect(code, `${name} ${key}`).toBe(2);
        expect(out, `${name} ${key}`).toBe('');
        expectOneLine(err, `${name} ${key}`);
        expect(err, `${name} ${key}`).toContain(KEY_ENV);
        if (key.trim() !== '') {
          expect(err, `${name} ${key}`).toBe(`radar ${name}: ${KEY_ENV} is not a private key (expected 0x followed by 64 hex digits).\n`);
          expect(err, `${name} ${key}`).not.toContain(key);
        }
      }
    }
    expect(readdirSync(folder())).toEqual([]);
  });
});
