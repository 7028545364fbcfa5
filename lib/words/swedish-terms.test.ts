import { describe, expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';

const messages = localeMessages('sv');
const text = (key: string) => messages[key]?.message ?? '';

describe('Swedish: one word for one thing', () => {
  test('the browser notification is an "avisering" everywhere, never also a "notis"', () => {
    const both = Object.entries(messages).filter(([, { message }]) => /notis/i.test(message));
    expect(both.map(([key]) => key)).toEqual([]);
  });

  test('the balloon names the level in the badge’s own words', () => {
    expect(text('balanceRisky_caution')).toContain(text('level_caution'));
    expect(text('balanceRisky_danger')).toContain(text('level_danger'));
  });

  test('the shared text’s incident kind is Swedish, as the card’s is', () => {
    expect(text('shareText_incident_hack')).not.toBe('hack');
  });
});
