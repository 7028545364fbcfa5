const encoder = new TextEncoder();

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of `text`, through WebCrypto so the extension page,
 * the CLI and the tests run the very same code (globalThis.crypto.subtle exists in Node 20 and browsers).
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
