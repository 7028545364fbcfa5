import { describe, expect, test } from 'vitest';
import { isViewChanged, VIEW_CHANGED } from './tab-push';

describe("the background's notice to our exchange-page script", () => {
  test('counts only from our own extension, and only in its one shape', () => {
    expect(isViewChanged(VIEW_CHANGED, 'ours', 'ours')).toBe(true);
    expect(isViewChanged({ type: 'view-changed', extra: 1 }, 'ours', 'ours')).toBe(true);
    expect(isViewChanged(VIEW_CHANGED, 'another-extension', 'ours')).toBe(false);
    expect(isViewChanged(VIEW_CHANGED, undefined, 'ours')).toBe(false);
    for (const message of [null, undefined, 'view-changed', 1, {}, { type: 'page-state' }]) expect(isViewChanged(message, 'ours', 'ours')).toBe(false);
  });
});
