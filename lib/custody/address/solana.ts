import { base58 } from '@scure/base';
import { fail, tryDecode, type Decoded } from './shared';

// The System Program's id: a program, not a wallet; transfers there cannot be recovered.
const SOLANA_SYSTEM_PROGRAM = '11111111111111111111111111111111';

export function decodeSolana(address: string): Decoded {
  if (address.length < 32 || address.length > 44) return fail('bad-length', 'A Solana address is 32 to 44 characters long; this one is not.');
  const bytes = tryDecode(() => base58.decode(address));
  if (bytes === undefined) return fail('bad-format', 'This is not a Solana address: it contains characters Solana addresses never use (0, O, I, l or symbols).');
  if (bytes.length !== 32) return fail('bad-length', 'This is not a Solana address: it does not decode to a 32-byte key.');
  if (address === SOLANA_SYSTEM_PROGRAM) return fail('burn-address', "This is the Solana System Program's address, not a wallet. Anything sent there is lost.");
  return {
    ok: true,
    kind: 'solana',
    normalized: address,
    warnings: [
      {
        code: 'no-checksum',
        message: 'Solana addresses have no checksum, so a typo cannot be detected. Compare every character with your wallet, and send a small test first.',
      },
    ],
  };
}
