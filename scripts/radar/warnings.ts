import type { Readable } from 'node:stream';
import { isAddress, type Address } from 'viem';
import { KEY_ENV, refuse, refuseUsage, signerKeyFromEnv, type RadarCommand } from './command';
import { signWarningList } from '../../lib/community/sign-warning-list';
import { verifyWarningList } from '../../lib/community/verify-warning-list';
import { getExchange } from '../../lib/exchanges/registry';
import { warningListFailureText, warningListFailureWithDetail } from '../../lib/words/warning-list-words';
import { WARNING_LIST_LIMITS, WarningListError } from '../../lib/community/warning-list';
import { english } from './words/english';
import { formatCount } from '../../lib/words/format';
import { jsonProblem } from './shared/files';
import { inputText, readInput } from './shared/read-input';
import { MOMENT_FORMS, parseMoment } from './shared/moment';

const usage = 'warnings sign <file> | verify <file> --signer <address>';

const help = [
  `Usage: npm run --silent radar -- warnings sign <file>`,
  `       npm run --silent radar -- warnings verify <file> --signer <address> [--now <ISO time>]`,
  '',
  'sign    Signs an unsigned warning list (or re-signs an envelope) as EIP-712 typed data and prints',
  `        the signed envelope JSON on stdout. The private key is read from ${KEY_ENV}, never from a flag,`,
  '        so it stays out of shell history and process lists.',
  '        Exit code: 0 signed, 1 the list is malformed (the reason is printed), 2 missing or bad key,',
  `        unreadable file, larger than a list may be (${formatCount(WARNING_LIST_LIMITS.maxBytes / 1024, english.locale)} KiB), not JSON, or bad usage.`,
  'verify  Checks a signed list against the maintainer address; prints one line in plain words.',
  '        --now checks as of another moment (default: the current time).',
  '        Exit code: 0 valid, 1 invalid (the reason is printed), 2 unreadable file, larger than a list may be,',
  '        not JSON, or bad usage.',
  '',
  'Format: docs/warning-lists.md. Use "-" as <file> to read standard input.',
].join('\n');

export const command: RadarCommand = {
  usage,
  summary: 'sign or verify a community warning list (EIP-712; exit 0 ok, 1 invalid, 2 bad input)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    const [subcommand, ...rest] = args;
    const fail = (problem: string): number => refuse(io.stderr, 'warnings', problem);
    const misused = (problem: string): number => refuseUsage(io.stderr, 'warnings', problem);

    if (subcommand === 'sign') {
      const [file, ...extra] = rest;
      if (file === undefined || extra.length > 0) return misused('sign takes exactly one file');
      const key = signerKeyFromEnv(`set ${KEY_ENV} to the maintainer's private key (0x followed by 64 hex digits).`);
      if ('problem' in key) return fail(key.problem);
      const document = await readJson(file, io.stdin);
      if (!document.ok) return fail(document.message);
      // An envelope is re-signed from its list; the old signature is dropped.
      const list = isEnvelope(document.value) ? document.value.list : document.value;
      try {
        const { envelope, signer } = await signWarningList({ list, privateKey: key.key });
        const unknown = [...new Set(envelope.list.entries.map((entry) => entry.exchange))].filter((id) => getExchange(id) === undefined);
        if (unknown.length > 0) {
          io.stderr.write(`radar warnings: note: not in this version's registry, so never shown: ${unknown.join(', ')}\n`);
        }
        if (envelope.list.lang !== undefined) {
          io.stderr.write('radar warnings: note: "lang" is refused by Reserve Radar versions before it (they keep their last good list until it expires)\n');
        }
        io.stdout.write(JSON.stringify(envelope, null, 2) + '\n');
        io.stderr.write(`radar warnings: signed "${envelope.list.name}" number ${envelope.list.sequence} as ${signer}\n`);
        return 0;
      } catch (error) {
        if (error instanceof WarningListError) {
          if (error.code === 'bad-key') return fail(`${error.shortMessage}: ${error.details}`);
          io.stderr.write(`radar warnings: invalid: ${error.shortMessage}: ${error.details}\n`);
          return 1;
        }
        throw error;
      }
    }

    if (subcommand === 'verify') {
      const options = parseVerifyArgs(rest);
      if (typeof options === 'string') return misused(options);
      const document = await readJson(options.file, io.stdin);
      if (!document.ok) return fail(document.message);
      const result = await verifyWarningList({ body: document.text, expectedSigner: options.signer, now: options.now });
      if (result.ok) {
        const { list } = result;
        io.stdout.write(
          `valid: "${list.name}" number ${list.sequence}, ${list.entries.length} warning${list.entries.length === 1 ? '' : 's'}, signed by ${result.signer}, expires ${english.moment(list.expires)}\n`,
        );
        return 0;
      }
      io.stdout.write(`invalid (${result.code}): ${warningListFailureWithDetail(result.failure, english.t, english.locale, english.moment)}\n`);
      return 1;
    }

    return misused(subcommand === undefined ? 'expected "sign" or "verify"' : `unknown subcommand "${subcommand}"; expected "sign" or "verify"`);
  },
};

function parseVerifyArgs(args: string[]): { file: string; signer: Address; now: Date } | string {
  let file: string | undefined;
  let signer: string | undefined;
  let now = new Date();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--signer' || arg === '--now') {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value.`;
      index += 1;
      if (arg === '--signer') signer = value;
      else {
        const parsed = parseMoment(value);
        if (parsed === undefined) return `--now must be ${MOMENT_FORMS}, got "${value}".`;
        now = parsed;
      }
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}.`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return 'verify takes exactly one file.';
    }
  }
  if (file === undefined) return 'verify needs a file.';
  if (signer === undefined) return 'verify needs --signer <address>, the maintainer address you trust.';
  if (!isAddress(signer, { strict: false })) return `--signer "${signer}" is not an Ethereum address.`;
  return { file, signer, now };
}

type Read<T> = { ok: true; value: T; text: string } | { ok: false; message: string };

/** A list is read no further than the most a reader takes: a larger one could not be signed or verified anyway. */
async function readJson(file: string, stdin: Readable): Promise<Read<unknown>> {
  const tooLarge = warningListFailureText({ code: 'too-large', maxKib: WARNING_LIST_LIMITS.maxBytes / 1024 }, english.t, english.locale);
  const read = await readInput({ file, stdin, maxBytes: WARNING_LIST_LIMITS.maxBytes, tooLarge });
  if (!read.ok) return { ok: false, message: read.problem };
  const text = inputText(read.bytes);
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { ok: false, message: `${read.source} is not JSON (${jsonProblem(error)}).` };
  }
}

function isEnvelope(value: unknown): value is { list: unknown } {
  return typeof value === 'object' && value !== null && 'list' in value && !('entries' in value);
}
