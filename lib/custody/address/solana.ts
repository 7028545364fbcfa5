import { base58 } from '@scure/base';
import { fail, tryDecode, type Decoded } from './shared';

// The System Program's id: a program, not a wallet; transfers there cannot be recovered.
const SOLANA_SYSTEM_PROGRAM = '11111111111111111111111111111111';

export function decodeSolana(address: string): Decoded {
  if (address.length < 32 || address.length > 44) return fail('bad-length');
  const bytes = tryDecode(() => base58.decode(address));
  if (bytes === undefined) return fail('bad-format');
  if (bytes.length !== 32) return fail('bad-length');
  if (address === SOLANA_SYSTEM_PROGRAM) return fail('burn-address');
  return {
    ok: true,
    kind: 'solana',
    normalized: address,
    warnings: [
      {
        code: 'no-checksum',
      },
    ],
  };
}
