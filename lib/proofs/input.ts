import type { ProofFailure } from './types';

/** A proof file is a few kilobytes; these caps keep a hostile or mistaken drop from hurting the page. */
export const PROOF_MAX_CHARS = 2_000_000;
export const PROOF_MAX_DEPTH = 8;
export const PROOF_MAX_VALUES = 100_000;

/**
 * A JSON number whose text a JavaScript number cannot hold exactly (too many digits, or trailing
 * zeros). Bitget's older files hash the number *as written*, so the text is kept.
 */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

const NUMBER_MARK = '\u0000number:';

const NUMBER_LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Quotes, with a mark, every number literal that would not survive JSON.parse unchanged. */
function markLossyNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    NUMBER_LITERAL.lastIndex = i;
    const number = char === '-' || (char >= '0' && char <= '9') ? NUMBER_LITERAL.exec(text) : null;
    if (number) {
      const literal = number[0];
      out += String(Number(literal)) === literal ? literal : JSON.stringify(NUMBER_MARK + literal);
      i += literal.length;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}

export type ReadProofInputReturnType = { ok: true; value: unknown } | { ok: false; failure: ProofFailure };

/**
 * Accepts what a page gets from a paste (text), a drop (bytes) or a caller that already parsed
 * JSON, and returns plain data within the caps — never throws.
 */
export function readProofInput(file: unknown): ReadProofInputReturnType {
  let value: unknown = file;
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) {
    const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
    if (bytes.byteLength > PROOF_MAX_CHARS) return { ok: false, failure: tooLarge() };
    try {
      value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, failure: { code: 'not-text' } };
    }
  }
  if (typeof value === 'string') {
    if (value.length > PROOF_MAX_CHARS) return { ok: false, failure: tooLarge() };
    const text = value.replace(/^\uFEFF/, '').trim();
    if (text === '') return { ok: false, failure: { code: 'empty' } };
    try {
      value = JSON.parse(markLossyNumbers(text), (_key, item: unknown) =>
        typeof item === 'string' && item.startsWith(NUMBER_MARK) ? new JsonNumberText(item.slice(NUMBER_MARK.length)) : item,
      ) as unknown;
    } catch {
      return { ok: false, failure: { code: 'not-json' } };
    }
  }
  return checkShape(value);
}

function tooLarge(): ProofFailure {
  return { code: 'too-large', maxBytes: PROOF_MAX_CHARS };
}

function checkShape(root: unknown): ReadProofInputReturnType {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return { ok: false, failure: { code: 'not-object' } };
  }
  // Iterative, so a deeply nested hostile input cannot overflow the stack.
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    count += 1;
    if (count > PROOF_MAX_VALUES) return { ok: false, failure: { code: 'too-many-values' } };
    if (typeof value === 'string' && value.length > 10_000) return { ok: false, failure: { code: 'text-too-long' } };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > PROOF_MAX_DEPTH) return { ok: false, failure: { code: 'too-deep' } };
    for (const child of Object.values(value as Record<string, unknown>)) stack.push({ value: child, depth: depth + 1 });
  }
  return { ok: true, value: root };
}
