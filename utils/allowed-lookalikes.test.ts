import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowedLookalikes, allowLookalike, disallowLookalike, forgetAllowedLookalikes } from './allowed-lookalikes';

describe('hosts let through despite the lookalike warning, changed at the same moment', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('hosts added in several tabs and one removed in the options page all stay changed', async () => {
    await allowLookalike('old.example');
    await Promise.all([allowLookalike('a.example'), allowLookalike('b.example'), disallowLookalike('old.example'), allowLookalike('c.example')]);
    expect(await allowedLookalikes.getValue()).toEqual(['a.example', 'b.example', 'c.example']);
  });

  test('a reset asked after an addition is not undone by it', async () => {
    await Promise.all([allowLookalike('a.example'), forgetAllowedLookalikes()]);
    expect(await fakeBrowser.storage.local.get('allowedLookalikes')).toEqual({});
  });
});
