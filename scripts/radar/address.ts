import { refuse, refuseUsage, type RadarCommand } from './command';
import { networkIds, isNetworkId } from '../../lib/custody/networks';
import { validateAddress, type ValidateAddressReturnType } from '../../lib/custody/validate-address';
import { addressErrorText, addressWarningText } from '../../lib/words/address-text';
import { english } from './words/english';

const usage = 'address <network> <address>';

const help = [
  `Usage: npm run --silent radar -- ${usage}`,
  '',
  'Checks a receiving address offline and prints { valid, network, normalized, kind, warnings, error } as JSON;',
  'each warning and the error carry their code and the sentence the extension shows for it, in English.',
  'Exit code: 0 valid, 1 invalid, 2 unknown network or bad usage.',
  '',
  `Networks: ${networkIds.join(', ')}`,
].join('\n');

export const command: RadarCommand = {
  usage,
  summary: 'check a withdrawal address for a network (JSON; exit 0 valid, 1 invalid, 2 unknown network)',
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(help + '\n');
      return 0;
    }
    const option = args.find((arg) => arg.startsWith('--'));
    if (option !== undefined) {
      return refuseUsage(io.stderr, 'address', `unknown option ${option} (address always prints JSON)`);
    }
    const [network, address, ...extra] = args;
    if (network === undefined || address === undefined || extra.length > 0) {
      return refuseUsage(io.stderr, 'address', 'expected a network and one address');
    }
    // Bad usage, not a result: the extension's words for it ("choose it again in step 1") fit its guide, not a terminal.
    if (!isNetworkId(network)) {
      return refuse(io.stderr, 'address', `unknown network "${network}" (known: ${networkIds.join(', ')})`);
    }
    const result = validateAddress({ network, address });
    io.stdout.write(`${JSON.stringify(withWords(result), null, 2)}\n`);
    return result.valid ? 0 : 1;
  },
};

/** The result with the extension's English words beside each code (lib/ returns the codes only). */
function withWords(result: ValidateAddressReturnType) {
  return {
    ...result,
    warnings: result.warnings.map((warning) => ({ ...warning, message: addressWarningText(english.t, warning) })),
    error: result.error === null ? null : { ...result.error, message: addressErrorText(english.t, result.error, result.network) },
  };
}
