import { describe, expect, test } from 'vitest';
import { cutToPostLength, LINK_WEIGHT, postLength } from './post-length';

describe('postLength: a line measured as X measures a post', () => {
  test('a link counts as 23 characters, however long it is', () => {
    const link = `https://www.globenewswire.com/news-release/${'a'.repeat(120)}`;
    expect(postLength(link)).toBe(LINK_WEIGHT);
    expect(postLength(`CoinEx · shared Nov 25, 2026 ${link}`)).toBe('CoinEx · shared Nov 25, 2026 '.length + LINK_WEIGHT);
  });

  test('Latin and accented characters and the no-break space count one each; the narrow no-break space, Chinese characters and full-width marks two', () => {
    expect(postLength('Preuve de réserves\u00a0: au 19\u202fsept.')).toBe(33);
    expect(postLength('储备金证明：未知')).toBe(16);
  });

  test('cutToPostLength keeps a line that fits and cuts one that does not to the limit, ellipsis included, on whole characters', () => {
    expect(cutToPostLength('short', 280)).toBe('short');
    const cut = cutToPostLength('储备金证明：'.repeat(60), 280);
    expect(postLength(cut)).toBeLessThanOrEqual(280);
    expect(postLength(cut)).toBeGreaterThan(276);
    expect(cut.endsWith('…')).toBe(true);
  });
});
