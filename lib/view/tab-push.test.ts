import { describe, expect, test } from 'vitest';
import { isReportAsk, isViewChanged, REPORT_PAGE, VIEW_CHANGED } from './tab-push';

describe("the background's notice to our exchange-page script", () => {
  test('counts only from our own extension, and only in its one shape', () => {
    expect(isViewChanged(VIEW_CHANGED, 'ours', 'ours')).toBe(true);
    expect(isViewChanged({ type: 'view-changed', extra: 1 }, 'ours', 'ours')).toBe(true);
    expect(isViewChanged(VIEW_CHANGED, 'another-extension', 'ours')).toBe(false);
    expect(isViewChanged(VIEW_CHANGED, undefined, 'ours')).toBe(false);
    for (const message of [null, undefined, 'view-changed', 1, {}, { type: 'page-state' }]) expect(isViewChanged(message, 'ours', 'ours')).toBe(false);
  });
});

describe("the background's ask to report the page", () => {
  test('counts only from our own extension, and is no view-changed notice (nor that one an ask)', () => {
    expect(isReportAsk(REPORT_PAGE, 'ours', 'ours')).toBe(true);
    expect(isReportAsk(REPORT_PAGE, 'another-extension', 'ours')).toBe(false);
    expect(isReportAsk(VIEW_CHANGED, 'ours', 'ours')).toBe(false);
    expect(isViewChanged(REPORT_PAGE, 'ours', 'ours')).toBe(false);
    for (const message of [null, 'report-page', {}]) expect(isReportAsk(message, 'ours', 'ours')).toBe(false);
  });
});
