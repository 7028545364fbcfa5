import { createHash } from 'node:crypto';

/** SHA-256 of a raw answer's text (UTF-8), as the feed's provenance records it. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
