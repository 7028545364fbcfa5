import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isolatedKeyAndFolder, runCommand, runNamed } from './run-command.testkit';
import { KEY_ENV } from './command';
import { commandNames, loadCommand } from './shared/commands';
import { TEST_FEED_KEY, TEST_FEED_SIGNER } from '../../tests/fixtures/feed/test-key';

const folder = isolatedKeyAndFolder('radar-help-pointer-');

const LIST = 'tests/fixtures/warning-lists/sample.list.json';

/** Each command called wrongly in every way its parser refuses: unknown options, missing or extra arguments, malformed values. */
const MISUSES: Record<string, string[][]> = {
  address: [['ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '--json'], ['bitcoin'], ['ethereum', 'a', 'b']],
  classify: [['hosts.txt']],
  feed: [
    [],
    ['publish'],
    ['build', '--offline', '--outt', 'x.json'],
    ['build', '--offline', 'stray.json'],
    ['build', '--out'],
    ['build', '--out', 'a.json', '--out', 'b.json'],
    ['build', '--out', 'a.json', '--report', 'a.json'],
    ['build', '--offline', '--record', 'answers'],
    ['build', '--offline', '--now', 'soon'],
    ['verify'],
    ['verify', LIST],
    ['verify', LIST, '--signer', 'nobody'],
    ['verify', LIST, LIST, '--signer', TEST_FEED_SIGNER],
    ['keygen', 'key.txt'],
  ],
  replay: [['--foo'], ['ftx-2022', 'binance-2022'], ['--table', '--json']],
  status: [[], ['--foo'], ['binance', 'okx'], ['binance', '--now'], ['binance', '--now', 'soon'], ['binance', '--cexs-date', '2026-01-01'], ['binance', '--cexs', '-']],
  'verify-proof': [[], ['a.json', 'b.json'], ['a.json', '--root'], ['a.json', '--format', 'kraken'], ['a.json', '--root', 'zz'], ['a.json', '--foo']],
  warnings: [
    [],
    ['publish'],
    ['sign'],
    ['sign', LIST, LIST],
    ['verify'],
    ['verify', LIST],
    ['verify', LIST, '--signer', 'nobody'],
    ['verify', LIST, '--signer', TEST_FEED_SIGNER, '--foo'],
    ['verify', LIST, '--signer', TEST_FEED_SIGNER, '--now', 'soon'],
  ],
};

describe('radar: every refusal of bad usage points to the help the same way', { timeout: 60_000 }, () => {
  it('covers every command radar runs', () => {
    expect(Object.keys(MISUSES).sort()).toEqual(commandNames());
  });

  it('ends each with one sentence and then Run "radar <command> --help" for the usage., nothing on stdout, exit 2', async () => {
    process.env[KEY_ENV] = TEST_FEED_KEY;
    for (const name of commandNames()) {
      const command = await loadCommand(name);
      for (const args of MISUSES[name] ?? []) {
        const label = `radar ${name} ${args.join(' ')}`;
        const { code, out, err } = await runCommand(
          command,
          args.map((arg) => (arg.endsWith('.json') && !arg.includes('/') ? join(folder(), arg) : arg)),
          '',
        );
        expect({ code, out }, label).toEqual({ code: 2, out: '' });
        expect(err, label).toMatch(new RegExp(`^radar ${name}: [^\\n]*[^.\\s]\\. Run "radar ${name} --help" for the usage\\.\\n$`));
        expect(err, label).not.toMatch(/see --help|Usage:/);
      }
    }
  });

  it('says an option needs its value when the next word is another option, in every command with valued options', async () => {
    const runs = {
      '--root': await runNamed('verify-proof', ['a.json', '--root', '--json'], ''),
      '--signer': await runNamed('feed', ['verify', LIST, '--signer', '--now', '2026-01-01'], ''),
      '--now': await runNamed('status', ['binance', '--now', '--json'], ''),
      // Taken as the value, "--now" was refused as an address, and the moment after it as a second file.
      '--signer ': await runNamed('warnings', ['verify', LIST, '--signer', '--now', '2026-01-01'], ''),
    };
    for (const [option, { code, err }] of Object.entries(runs)) {
      expect(code, option).toBe(2);
      expect(err, option).toContain(`: ${option.trim()} needs a value.`);
    }
  });

  it('leaves the pointer off what the help cannot mend: a file that cannot be read, an unknown name, a missing key', async () => {
    const missing = join(folder(), 'missing.json');
    const refused = {
      'verify-proof, a missing file': await runNamed('verify-proof', [missing]),
      'feed verify, a missing file': await runNamed('feed', ['verify', missing, '--signer', TEST_FEED_SIGNER]),
      'feed build, no key': await runNamed('feed', ['build', '--offline']),
      'warnings sign, no key': await runNamed('warnings', ['sign', LIST]),
      'status, an unknown exchange': await runNamed('status', ['no-such-exchange']),
      'status --cexs, a missing file': await runNamed('status', ['binance', '--cexs', missing]),
      'replay, an unknown episode': await runNamed('replay', ['no-such-episode']),
      'address, an unknown network': await runNamed('address', ['ethreum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']),
    };
    for (const [label, { code, out, err }] of Object.entries(refused)) {
      expect({ code, out }, label).toEqual({ code: 2, out: '' });
      // One sentence, closed by one period, as the lines that do carry the pointer.
      expect(err, label).toMatch(/^radar [a-z-]+: [^\n]*[^.\s]\.\n$/);
      expect(err, label).not.toContain('--help');
    }
  });
});
