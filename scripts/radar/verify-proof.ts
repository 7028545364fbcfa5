import { refuse, refuseUsage, type RadarCommand } from './command';
import { verifyInclusionProof } from '../../lib/proofs/verify-inclusion-proof';
import { isProofFormat, proofFormats, type InclusionProofChecked, type InclusionProofFailed, type InclusionProofResult, type ProofFailure } from '../../lib/proofs/types';
import { proofFailureText } from '../../lib/words/proof-failure';
import { english } from './words/english';
import { readInput } from './shared/read-input';
import { PROOF_MAX_CHARS } from '../../lib/proofs/input';

const usage = 'verify-proof <file> [--root <hex>]';

const help = [
  `Usage: npm run --silent radar -- ${usage} [--format ${proofFormats.join('|')}] [--json]`,
  '',
  'Checks a Merkle inclusion proof file from OKX (v1), Bybit or Bitget on this machine: recomputes',
  'your leaf from its balances, every node up to the root, and compares that root with --root,',
  'the root the exchange published for the snapshot. Use - as <file> to read standard input.',
  "Without --root only the file's internal consistency is checked.",
  '',
  'Exit code: 0 verified (or consistent when no --root is given), 1 verification failed, root mismatch',
  'or JSON that is not a proof (the reason on stdout), 2 unreadable file (missing, empty, not JSON,',
  'too large) or bad usage (one line on stderr).',
].join('\n');

const exchangeName = { 'okx-v1': 'OKX (Merkle tree v1)', bybit: 'Bybit', bitget: 'Bitget' } as const;

interface Options {
  file: string;
  root?: string;
  format?: string;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  let file: string | undefined;
  let root: string | undefined;
  let format: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--root' || arg === '--format') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value.`;
      if (arg === '--root') root = value;
      else format = value;
      i += 1;
    } else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('--')) return `unknown option ${arg}.`;
    else if (file === undefined) file = arg;
    else return 'expected one proof file.';
  }
  if (file === undefined) return 'expected a proof file.';
  if (format !== undefined && !isProofFormat(format)) return `unknown format "${format}" (known: ${proofFormats.join(', ')}).`;
  if (root !== undefined && !/^(0x)?[0-9a-fA-F]+$/.test(root.trim())) return '--root must be a hex hash.';
  return { file, json, ...(root === undefined ? {} : { root }), ...(format === undefined ? {} : { format }) };
}

function isZero(amount: string): boolean {
  return /^-?0+(\.0*)?$/.test(amount);
}

function shortBalances(balances: Record<string, string>): string {
  const entries = Object.entries(balances);
  const nonZero = entries.filter(([, amount]) => !isZero(amount));
  const shown = nonZero.map(([asset, amount]) => `${asset} ${amount}`).join(', ');
  return nonZero.length === entries.length ? shown : `${shown || 'all zero'}${nonZero.length > 0 ? ` (+${entries.length - nonZero.length} assets at zero)` : ''}`;
}

function describeChecked(result: InclusionProofChecked): string[] {
  const lines = [`Format: ${exchangeName[result.format]} — ${result.variant}${result.snapshotId === undefined ? '' : `, snapshot ${result.snapshotId}`}`, ''];
  lines.push(`Your leaf: ${result.leaf.hash}`);
  const leafEntries = Object.entries(result.leaf.balances);
  const held = leafEntries.filter(([, amount]) => !isZero(amount));
  for (const [asset, amount] of held) lines.push(`  ${asset.padEnd(8)} ${amount}`);
  if (held.length < leafEntries.length) lines.push(`  (${leafEntries.length - held.length} more assets at zero${held.length === 0 ? ': all zero' : ''})`);
  lines.push('', `Path (${result.path.length} steps, leaf to root):`);
  for (const step of result.path) {
    lines.push(`  ${String(step.index).padStart(2)}. sibling on the ${step.siblingSide.padEnd(5)} ${step.siblingHash}  →  ${step.nodeHash} (height ${step.nodeHeight})`);
  }
  const { t } = english;
  lines.push('', `Root balances (sum over all users): ${shortBalances(result.rootBalances)}`);
  lines.push(`${t('verifyComputedRoot')}:  ${result.computedRoot}`);
  // The verdict in the verify page's own words; the status word in capitals is for scripts that grep.
  if (result.verdict === 'verified') {
    lines.push(`${t('verifyGivenRoot')}: ${t('verifyRootMatches')}`, '', `VERIFIED: ${t('verifyProofVerifiedBody')}`);
  } else if (result.verdict === 'root-mismatch') {
    lines.push(`${t('verifyGivenRoot')}: ${t('verifyRootDiffers')}`, '', `NOT VERIFIED: ${t('verifyProofMismatchBody')}`);
  } else {
    lines.push(
      `${t('verifyGivenRoot')}: ${t('verifyNoRootGiven')}`,
      '',
      `CONSISTENT ONLY: ${t('verifyProofNoRootBody')}`,
      'Without --root only internal consistency is checked. Pass the root the exchange published',
      'for this snapshot (--root <hex>) to verify that your balances are in the published tree.',
    );
  }
  return lines;
}

/**
 * A file that cannot be read as JSON at all is unreadable (exit 2, on stderr), as a missing file is, and
 * as every command treats one; JSON that is not a proof (a list, nested too deep) is a failed check
 * (exit 1, the reason on stdout), as JSON that is not a feed or a list is for `feed` and `warnings`.
 */
const UNREADABLE: ReadonlySet<ProofFailure['code']> = new Set(['empty', 'not-text', 'not-json', 'too-large']);

function isUnreadable(result: InclusionProofFailed): boolean {
  return result.unreadable === true && UNREADABLE.has(result.failure.code);
}

function exitCode(result: InclusionProofResult): number {
  if (!result.ok) return 1;
  return result.verdict === 'root-mismatch' ? 1 : 0;
}

export const command: RadarCommand = {
  usage,
  summary: 'check an exchange Merkle inclusion proof (OKX v1, Bybit, Bitget) locally; exit 0 verified, 1 failed, 2 unreadable',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    // What keeps a result from being printed goes to stderr on one line; stdout carries results only.
    const fail = (problem: string): number => refuse(io.stderr, 'verify-proof', problem);
    const misused = (problem: string): number => refuseUsage(io.stderr, 'verify-proof', problem);
    const options = parseArgs(args);
    if (typeof options === 'string') return misused(options);
    const read = await readInput({
      file: options.file,
      stdin: io.stdin,
      maxBytes: PROOF_MAX_CHARS,
      tooLarge: proofFailureText({ failure: { code: 'too-large', maxBytes: PROOF_MAX_CHARS } }, english.t),
    });
    if (!read.ok) return fail(read.problem);
    const { source } = read;
    const result = await verifyInclusionProof({
      file: read.bytes,
      ...(options.root === undefined ? {} : { expectedRoot: options.root }),
      ...(options.format === undefined ? {} : { format: options.format as InclusionProofChecked['format'] }),
    });
    if (!result.ok && isUnreadable(result)) return fail(`${source}: ${proofFailureText(result, english.t)}`);
    // Only the file's format says how long its root is; a root of another length is a mistyped --root, and no proof was checked.
    if (!result.ok && result.failure.code === 'root-length') return misused(`--root ${options.root}: ${proofFailureText(result, english.t)}`);
    if (options.json) {
      // The failure's code and figures for programs, and its English words for people.
      io.stdout.write(JSON.stringify(result.ok ? result : { ...result, reason: proofFailureText(result, english.t) }, null, 2) + '\n');
    } else if (result.ok) {
      io.stdout.write(describeChecked(result).join('\n') + '\n');
    } else {
      const where = result.format === undefined ? '' : ` (${exchangeName[result.format]})`;
      io.stdout.write(`NOT VERIFIED${where}: ${proofFailureText(result, english.t)}\n`);
    }
    return exitCode(result);
  },
};
