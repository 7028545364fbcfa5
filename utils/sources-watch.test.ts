import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { watchSources } from './sources-watch';

beforeEach(() => {
  fakeBrowser.reset();
});

test('tells of each write of the sources’ stored state (an answer, a failure), whoever wrote it, until stopped', async () => {
  const changed = vi.fn();
  const stop = watchSources(changed);
  await storage.setItem('local:sources', { feed: { lastSuccess: '2026-12-07T10:00:00.000Z' } });
  await vi.waitFor(() => expect(changed).toHaveBeenCalledOnce());
  // Another key is no news of the sources.
  await storage.setItem('local:runAlerts', {});
  stop();
  await storage.setItem('local:sources', {});
  expect(changed).toHaveBeenCalledOnce();
});
