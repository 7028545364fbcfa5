import { describe, expect, test, vi } from 'vitest';
import { formatDate, formatDateTime, formatLocalDate, formatMoment } from '../lib/words/format';
import { cardWords } from './card-words.testkit';
import { localeSurfaces } from './locale-surfaces.testkit';
import { effectsOnNextTask } from './test-dom';

// French writes the first of a month "1er" ("1er avr. 2026"); Intl writes "1 avr. 2026". Every
// surface takes its days from lib/words/format.ts, so each says "1er" and never "1 avr.".

effectsOnNextTask();

const fr = localeSurfaces('fr');
/** A French day of the month 1 as Intl writes it: "1" alone before the month. */
const BARE_FIRST = /(^|[^\d])1 (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/;

describe('French dates: the first of the month is "1er"', () => {
  test('every day formatter: day, local day, day and time, moment; other days and languages as Intl writes them', () => {
    expect(formatDate('2026-04-01', 'fr')).toBe('1er avr. 2026');
    expect(formatDate('2026-12-01', 'fr-CA')).toMatch(/^1er déc\. 2026$/);
    expect(formatMoment('2026-12-01', 'fr')).toBe('1er déc. 2026');
    vi.stubEnv('TZ', 'UTC');
    expect(formatLocalDate('2026-12-01T12:00:00Z', 'fr')).toBe('1er déc. 2026');
    expect(formatDateTime('2026-12-01T12:00:00Z', 'fr')).toMatch(/^1er déc\. 2026/);
    vi.unstubAllEnvs();
    expect(formatDate('2026-04-11', 'fr')).toBe('11 avr. 2026');
    expect(formatDate('2026-04-21', 'fr')).toBe('21 avr. 2026');
    expect(formatDate('2026-04-01', 'en')).toBe('Apr 1, 2026');
    expect(formatDate('2026-04-01', 'de')).toBe('01.04.2026');
  });

  test('the card, the shared text and the shared picture', () => {
    // The bundled report describes 1 Apr 2026.
    const view = fr.viewOf('binance');
    const card = cardWords(view, { messages: fr.messages, locale: 'fr', quoted: '[lang]' }).join('\n');
    expect(card).toContain('1er avr. 2026');
    expect(card).not.toMatch(BARE_FIRST);
    const { text, picture } = fr.shared(view);
    // The body alone (after the title and the headline), so a date the body writes by other means is caught.
    expect(text.slice(2).join('\n')).toContain('1er avr. 2026');
    expect(text.join('\n')).not.toMatch(BARE_FIRST);
    expect(picture.join('\n')).toContain('1er avr. 2026');
    expect(picture.join('\n')).not.toMatch(BARE_FIRST);
  });

  test.each([
    ['the verify page', fr.surfaces.reserveCheck, 'au 1er déc. 2026'],
    ['the options', fr.surfaces.options, '1er déc. 2026'],
    ['the guide', fr.surfaces.whereToClick, '1er déc. 2026'],
  ])('%s', async (_, surface, first) => {
    const { text } = await fr.draw(surface());
    expect(text).toContain(first);
    expect(text).not.toMatch(BARE_FIRST);
  });
});
