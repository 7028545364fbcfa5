import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { isolatedKeyAndFolder, runCommand } from './run-command.testkit';
import { command } from './warnings';
import messages from '../../public/_locales/en/messages.json';
import { KEY_ENV } from './command';
import { verifyWarningList } from '../../lib/community/verify-warning-list';

// Anvil's account #0: a publicly known development key, used here only because the fixture is signed with it.
const ANVIL_0_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ANVIL_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const FIXTURES = 'tests/fixtures/warning-lists';
const AS_OF = '2026-12-01T00:00:00Z';

const run = (args: string[], stdinText = '') => runCommand(command, args, stdinText);

const folder = isolatedKeyAndFolder('radar-warnings-');

describe('radar warnings sign', () => {
  it('signs with the key from the environment and prints an envelope that verifies', async () => {
    const key = generatePrivateKey();
    process.env[KEY_ENV] = key;
    const { code, out, err } = await run(['sign', `${FIXTURES}/sample.list.json`]);
    expect(code).toBe(0);
    expect(err).toContain(privateKeyToAccount(key).address);
    expect(err).not.toContain(key.slice(2));
    const result = await verifyWarningList({ body: out, expectedSigner: privateKeyToAccount(key).address, now: new Date(AS_OF) });
    expect(result).toMatchObject({ ok: true, list: { sequence: 1 } });
  });

  it('exits 2 with a clear message when the key variable is missing or not a key', async () => {
    const missing = await run(['sign', `${FIXTURES}/sample.list.json`]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/set RADAR_SIGNER_KEY/);
    expect(missing.out).toBe('');
    process.env[KEY_ENV] = '0xnotakey';
    const bad = await run(['sign', `${FIXTURES}/sample.list.json`]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a private key/);
    expect(bad.err).not.toContain('0xnotakey');
  });

  it('exits 2 when the file is missing or not JSON, and 1 with the reason when the list is malformed', async () => {
    process.env[KEY_ENV] = generatePrivateKey();
    expect(await run(['sign', join(folder(), 'absent.json')])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read .*ENOENT/) });
    writeFileSync(join(folder(), 'broken.json'), '{ "name": ');
    expect(await run(['sign', join(folder(), 'broken.json')])).toMatchObject({ code: 2, err: expect.stringMatching(/is not JSON/) });
    expect(await run(['sign', '-'], '{ "name": ')).toMatchObject({ code: 2, err: expect.stringMatching(/^radar warnings: standard input is not JSON \(/) });
    const list = JSON.parse(readFileSync(`${FIXTURES}/sample.list.json`, 'utf8')) as { entries: { severity: string }[] };
    list.entries[1]!.severity = 'severe';
    writeFileSync(join(folder(), 'bad.json'), JSON.stringify(list));
    const bad = await run(['sign', join(folder(), 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/The list is malformed: warning 2 \(wazirx\), severity/);
  });

  it('notes exchange ids the registry does not know, and reads standard input', async () => {
    process.env[KEY_ENV] = generatePrivateKey();
    const list = JSON.parse(readFileSync(`${FIXTURES}/sample.list.json`, 'utf8')) as { entries: { exchange: string }[] };
    list.entries[0]!.exchange = 'no-such-exchange';
    const { code, err } = await run(['sign', '-'], JSON.stringify(list));
    expect(code).toBe(0);
    expect(err).toMatch(/never shown: no-such-exchange/);
  });

  it('notes, in one line, that a list with lang is refused by versions before lang; says nothing of it without', async () => {
    process.env[KEY_ENV] = generatePrivateKey();
    const list = JSON.parse(readFileSync(`${FIXTURES}/sample.list.json`, 'utf8')) as Record<string, unknown>;
    const withLang = await run(['sign', '-'], JSON.stringify({ ...list, lang: 'en' }));
    expect(withLang.code).toBe(0);
    const notes = withLang.err.split('\n').filter((line) => line.includes('lang'));
    expect(notes).toEqual(['radar warnings: note: "lang" is refused by Reserve Radar versions before it (they keep their last good list until it expires)']);
    expect((await run(['sign', '-'], JSON.stringify(list))).err).not.toContain('lang');
  });
});

describe('radar warnings verify', () => {
  it('exits 0 for the fixture and its signer', async () => {
    const { code, out } = await run(['verify', `${FIXTURES}/sample.signed.json`, '--signer', ANVIL_0, '--now', AS_OF]);
    expect(code).toBe(0);
    expect(out).toMatch(/^valid: "Reserve Radar sample list .*" number 1, 2 warnings, signed by 0xf39F/);
  });

  it('exits 1 with the plain reason for a wrong signer, a tampered list and an expired one', async () => {
    const other = privateKeyToAccount(generatePrivateKey()).address;
    const wrong = await run(['verify', `${FIXTURES}/sample.signed.json`, '--signer', other, '--now', AS_OF]);
    expect(wrong).toMatchObject({ code: 1, out: expect.stringMatching(/^invalid \(wrong-signer\): The list is signed by 0x\w+, not by the maintainer/) });

    const tampered = readFileSync(`${FIXTURES}/sample.signed.json`, 'utf8').replace('"danger"', '"info"');
    writeFileSync(join(folder(), 'tampered.json'), tampered);
    expect(await run(['verify', join(folder(), 'tampered.json'), '--signer', ANVIL_0, '--now', AS_OF])).toMatchObject({ code: 1 });

    const expired = await run(['verify', `${FIXTURES}/sample.signed.json`, '--signer', ANVIL_0, '--now', '2030-01-01T00:00:00Z']);
    expect(expired).toMatchObject({ code: 1, out: expect.stringMatching(/^invalid \(expired\): The list expired on 2027-11-25T00:00:00Z/) });
    // The words are the messages file's English, figures filled in, the moment in UTC as the list writes it.
    expect(expired.out).toBe(`invalid (expired): ${messages.listsFailExpired.message.replace('$1', '2027-11-25T00:00:00Z')}\n`);
    expect(wrong.out).toBe(`invalid (wrong-signer): ${messages.listsFailWrongSigner.message.replace('$1', other).replace('$2', ANVIL_0)}\n`);
  });

  it('exits 2 for bad usage and unreadable files', async () => {
    expect((await run(['verify', `${FIXTURES}/sample.signed.json`])).err).toMatch(/needs --signer/);
    expect((await run(['verify', `${FIXTURES}/sample.signed.json`, '--signer', '0x1234'])).code).toBe(2);
    expect((await run(['verify', `${FIXTURES}/sample.signed.json`, '--signer', ANVIL_0, '--now', 'soon'])).code).toBe(2);
    expect((await run(['verify', join(folder(), 'absent.json'), '--signer', ANVIL_0])).code).toBe(2);
    expect((await run(['verify', 'a', 'b', '--signer', ANVIL_0])).code).toBe(2);
    expect((await run(['publish'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('radar warnings through the radar entry point', () => {
  it('signs with RADAR_SIGNER_KEY in a real child process', () => {
    const child = spawnSync('npx', ['tsx', 'scripts/radar.ts', 'warnings', 'sign', `${FIXTURES}/sample.list.json`], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, [KEY_ENV]: ANVIL_0_KEY },
    });
    expect(child.status).toBe(0);
    // EIP-712 signatures are deterministic (RFC 6979), so the committed fixture is reproduced exactly.
    const fixture = JSON.parse(readFileSync(`${FIXTURES}/sample.signed.json`, 'utf8')) as unknown;
    expect(JSON.parse(child.stdout)).toEqual(fixture);
  }, 60_000);
});
