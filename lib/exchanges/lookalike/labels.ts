/**
 * A host cut into the labels and hyphen-separated tokens the lookalike rules read, with char-code
 * scans rather than regular-expression splits: this runs for every label of every page.
 */
import { decodeIdnLabel } from '../punycode';
import { asciiSkeleton, skeleton } from '../skeleton';
import type { Label } from './types';

/** The dot-separated labels of `host` before `end` (`host.slice(0, end).split('.')`, without the copy). */
export function namesBefore(host: string, end: number): string[] {
  const names: string[] = [];
  let start = 0;
  for (let dot = host.indexOf('.'); dot >= 0 && dot < end; dot = host.indexOf('.', start)) {
    names.push(host.slice(start, dot));
    start = dot + 1;
  }
  names.push(host.slice(start, end));
  return names;
}

function isSeparator(code: number): boolean {
  return code === 0x2d || code === 0x5f;
}

/**
 * The runs of `text` between hyphens and underscores, empty runs dropped. With `twin` (a string of the
 * same length whose separators stand where `text`'s do), the same runs of `twin` go into `twinTokens`.
 */
function splitTokens(text: string, twin?: string, twinTokens?: string[]): string[] {
  // Most labels have no separator; a native search says so quicker than the loop below. Such a
  // text is its one token, even when empty (a label of combining marks alone has an empty skeleton).
  if (!text.includes('-') && !text.includes('_')) {
    if (twin !== undefined) twinTokens!.push(twin);
    return [text];
  }
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
    if (i > start) {
      tokens.push(text.slice(start, i));
      if (twin !== undefined) twinTokens!.push(twin.slice(start, i));
    }
    start = i + 1;
  }
  return tokens;
}

export function labelOf(name: string): Label {
  const raw = decodeIdnLabel(name);
  const ascii = asciiSkeleton(raw);
  const labelSkeleton = ascii ?? skeleton(raw);
  if (labelSkeleton === raw) {
    const tokens = splitTokens(raw);
    return { raw, skeleton: labelSkeleton, tokens, rawTokens: tokens, contexts: undefined };
  }
  // An ASCII fold that keeps the length (`0` → `o`, `i` → `l`) keeps every hyphen where it was.
  if (ascii !== undefined && labelSkeleton.length === raw.length) {
    const rawTokens: string[] = [];
    const tokens = splitTokens(labelSkeleton, raw, rawTokens);
    return { raw, skeleton: labelSkeleton, tokens, rawTokens, contexts: undefined };
  }
  const tokens = splitTokens(labelSkeleton);
  const rawTokens = splitTokens(raw);
  // A skeleton fold never adds or removes hyphens, so tokens line up; if not, compare skeletons.
  const aligned = rawTokens.length === tokens.length ? rawTokens : tokens;
  return { raw, skeleton: labelSkeleton, tokens, rawTokens: aligned, contexts: undefined };
}
