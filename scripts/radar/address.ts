import type { RadarCommand } from './command';
import { networkIds, isNetworkId } from '../../lib/custody/networks';
import { validateAddress } from '../../lib/custody/validate-address';

const usage = 'address <network> <address>';

const help = [
  `Usage: npm run --silent radar -- ${usage}`,
  '',
  'Checks a receiving address offline and prints { valid, network, normalized, kind, warnings, error } as JSON.',
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
    const [network, address, ...extra] = args;
    if (network === undefined || address === undefined || extra.length > 0) {
      io.stderr.write(`radar address: expected a network and one address.\n\n${help}\n`);
      return 2;
    }
    const result = validateAddress({ network, address });
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    if (!isNetworkId(network)) return 2;
    return result.valid ? 0 : 1;
  },
};
