import { describe, expect, test } from 'vitest';
import { LanguageSchema } from '../lib/settings';
import { languageChoices } from './language-choices';

describe('languageChoices', () => {
  test('offers every language the settings accept, "auto" aside, each named in itself', () => {
    const choices = languageChoices();
    expect(choices.map((choice) => choice.value)).toEqual(LanguageSchema.options.filter((value) => value !== 'auto'));
    expect(choices.find((choice) => choice.value === 'en')).toEqual({ value: 'en', tag: 'en', name: 'English' });
    expect(choices.find((choice) => choice.value === 'sv')).toEqual({ value: 'sv', tag: 'sv', name: 'Svenska' });
    for (const choice of choices) expect(choice.name, choice.value).not.toBe('');
  });
});
