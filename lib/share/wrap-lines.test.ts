import { describe, expect, test } from 'vitest';
import { wrap } from './wrap-lines';

/** One unit per UTF-16 code unit: a surrogate pair is two, so a cut by code unit would land inside it. */
const measure = (text: string) => text.length;

/** Counts the calls wrap makes, to bound its work without timing it. */
function counted() {
  let calls = 0;
  return {
    measure: (text: string) => {
      calls++;
      return text.length;
    },
    calls: () => calls,
  };
}

/**
 * Checks that `lines` are `text` read in order, with only the ordinary spaces at breaks left out,
 * and returns where each line starts and ends in `text`.
 */
function cutsOf(lines: string[], text: string): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const line of lines) {
    expect(line, 'an empty line').not.toBe('');
    expect(line, 'a line with a space at an end').not.toMatch(/^ | $/);
    while (text[at] === ' ') at++;
    expect(text.startsWith(line, at), `"${line}" is not the text at ${at}`).toBe(true);
    cuts.push(at, at + line.length);
    at += line.length;
  }
  while (text[at] === ' ') at++;
  expect(at, 'text left over after the last line').toBe(text.length);
  return cuts;
}

/** A text built from known graphemes (a space is one), and the offsets between them. */
function textOf(graphemes: string[]) {
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const grapheme of graphemes) boundaries.add((at += grapheme.length));
  return { text: graphemes.join(''), boundaries };
}

const FAMILY = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}';
const FLAGS = ['\u{1F1EB}\u{1F1F7}', '\u{1F1E8}\u{1F1F3}', '\u{1F1F8}\u{1F1EA}'];
const THUMBS_UP_DARK = '\u{1F44D}\u{1F3FF}';

describe('wrap', () => {
  test('breaks on spaces, keeps every word, cuts a word longer than a line', () => {
    expect(wrap('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('abcdefghij kl', 4, measure)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrap('xx abcdefghij', 6, measure)).toEqual(['xx', 'abcdef', 'ghij']);
    expect(wrap('  ', 10, measure)).toEqual([]);
    expect(wrap(' a \n\t b ', 10, measure)).toEqual(['a b']);
  });

  test('never breaks at a no-break space, and keeps it: French punctuation stays on the line of its word', () => {
    expect(wrap('un mot\u00a0:', 6, measure)).toEqual(['un', 'mot\u00a0:']);
    expect(wrap('un mot\u00a0: la valeur\u202f!', 8, measure)).toEqual(['un mot\u00a0:', 'la', 'valeur\u202f!']);
    // A word cut because it is wider than a line is not cut at its no-break space either.
    expect(wrap('abcdefgh\u00a0:', 8, measure)).toEqual(['abcdefg', 'h\u00a0:']);
    const french = 'Ratio de r\u00e9serve\u00a0: 12,5\u00a0% au 1\u202f000\u202f000\u00a0$\u202f; voir\u00a0: \u00ab\u00a0https://example.com/proof\u00a0\u00bb';
    // From 5, the width of "0\u00a0$\u202f;", a line can always end away from a no-break space.
    for (let width = 5; width <= 40; width++) {
      const lines = wrap(french, width, measure);
      cutsOf(lines, french);
      expect(
        lines.filter((line) => /^[\u00a0\u202f]|[\u00a0\u202f]$/.test(line)),
        `width ${width}`,
      ).toEqual([]);
    }
  });

  test('a run wider than a line costs a few measures per line, not a few per character', () => {
    for (const run of ['a'.repeat(20_000), '\u4e2d'.repeat(20_000), '\u{1F600}'.repeat(5_000)]) {
      const { measure: counting, calls } = counted();
      const lines = wrap(run, 50, counting);
      expect(lines.join('')).toBe(run);
      // Each line's end is searched for by doubling (which may probe up to twice the line) then
      // halving: about 2·log2 of the line's graphemes, where a scan would take one per grapheme.
      const bound = lines.reduce((sum, line) => sum + 2 * (Math.ceil(Math.log2([...line].length + 1)) + 1), 1);
      expect(calls(), `${lines.length} lines`).toBeLessThanOrEqual(bound);
    }
  });

  test('measures every line it gives, also one shorter than the longest prefix that fits', () => {
    // Contrived: a line ending in "a" is wider, as contextual shaping can make a shorter line wider.
    const shaped = (text: string) => text.length + (text.endsWith('a') ? 3 : 0);
    for (const text of ['aa bb', 'x aa bb cc', 'aa bb aa bb']) {
      const lines = wrap(text, 4, shaped);
      cutsOf(lines, text);
      for (const line of lines) if ([...line].length > 1) expect(shaped(line), line).toBeLessThanOrEqual(4);
    }
  });

  test('a no-break space is never a line of its own, even below the width of two graphemes', () => {
    for (const text of ['a\u00a0b', 'mot\u00a0: fin', '12,5\u00a0%', 'a\u00a0\u00a0b', 'a\u00a0 b', 'a\u00a0\u00a0 b', 'ab\u00a0']) {
      for (let width = 0; width <= 3; width++) {
        const lines = wrap(text, width, measure);
        cutsOf(lines, text);
        expect(
          lines.filter((line) => /^[\u00a0\u202f\u2007\u2060]+$/.test(line)),
          `width ${width}`,
        ).toEqual([]);
      }
    }
  });

  test('a cut never splits an emoji, a flag, a ZWJ sequence or a letter from its accent', () => {
    const emoji = wrap('\u{1F600}'.repeat(300), 41, measure);
    expect(emoji.filter((line) => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(line))).toEqual([]);
    expect(wrap('\u{1F600}\u{1F600}', 0, measure)).toEqual(['\u{1F600}', '\u{1F600}']);
    // One grapheme wider than the line gets a line of its own, whole.
    expect(wrap(`${FAMILY} ok`, 5, measure)).toEqual([FAMILY, 'ok']);

    const samples = [
      Array(300).fill('\u{1F600}'),
      Array(40).fill(FAMILY),
      Array(60).fill(FLAGS).flat(),
      Array(80).fill(['e\u0301', 'a\u0308', 'n\u0303', 'c\u0327']).flat(),
      [...'Vue', ' ', FAMILY, THUMBS_UP_DARK, ...FLAGS, ' ', ...'caf', 'e\u0301', ' ', ...'mot', '\u00a0', ':', ' ', ...'\u4e2d\u6587', FAMILY, ...'\u3002\u5168'],
    ];
    for (const graphemes of samples) {
      const { text, boundaries } = textOf(graphemes);
      for (let width = 0; width <= 24; width++) {
        const lines = wrap(text, width, measure);
        for (const cut of cutsOf(lines, text)) expect(boundaries.has(cut), `width ${width}: a cut at ${cut} inside a grapheme`).toBe(true);
        // Only a line of one grapheme, with a no-break space next to it, may be wider than the width.
        for (const line of lines) if (measure(line) > width) expect(graphemes, `width ${width}`).toContain(line.replace(/^\u00a0|\u00a0$/, ''));
      }
    }
  });

  test('Chinese, which has no spaces, breaks between characters and fills its lines', () => {
    expect(wrap('BTC \u50a8\u5907\u7387\u5f88\u9ad8', 6, measure)).toEqual(['BTC \u50a8\u5907', '\u7387\u5f88\u9ad8']);
    const text = '\u603b\u8d44\u4ea7\uff1a\u94fe\u4e0a\u6570\u636e\uff0c\u6765\u81ea DefiLlama\uff1b\u5feb\u7167 2026\u5e744\u67081\u65e5\u3002';
    for (let width = 4; width <= 30; width++) {
      const lines = wrap(text, width, measure);
      cutsOf(lines, text);
      for (const line of lines) expect(measure(line), line).toBeLessThanOrEqual(width);
    }
  });

  test('Chinese closing marks never start a line, opening marks never end one, a number keeps its unit', () => {
    // 储备率很高，数据来自交易所。
    expect(wrap('\u50a8\u5907\u7387\u5f88\u9ad8\uff0c\u6570\u636e\u6765\u81ea\u4ea4\u6613\u6240\u3002', 5, measure)).toEqual([
      '\u50a8\u5907\u7387\u5f88',
      '\u9ad8\uff0c\u6570\u636e\u6765',
      '\u81ea\u4ea4\u6613\u6240\u3002',
    ]);
    // 中文（注释）
    expect(wrap('\u4e2d\u6587\uff08\u6ce8\u91ca\uff09', 3, measure)).toEqual(['\u4e2d\u6587', '\uff08\u6ce8', '\u91ca\uff09']);
    // 快照 2026年4月1日: not "4" at the end of one line and "月" at the start of the next.
    expect(wrap('\u5feb\u7167 2026\u5e744\u67081\u65e5', 9, measure)).toEqual(['\u5feb\u7167 2026\u5e74', '4\u67081\u65e5']);
    const text = '\u603b\u8d44\u4ea7\uff1a\u94fe\u4e0a\uff08\u6570\u636e\uff09\uff0c\u6765\u81ea\u3001\u4ea4\u6613\u6240\uff1b\u5feb\u7167\u3002';
    for (let width = 3; width <= 20; width++) {
      for (const line of wrap(text, width, measure)) {
        expect(line, `width ${width}`).not.toMatch(/^[\uff0c\u3002\uff1a\uff1b\uff09\u3001]/);
        expect(line, `width ${width}`).not.toMatch(/\uff08$/);
      }
    }
  });
});
