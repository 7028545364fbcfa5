import type { ChainWork } from '@/lib/chain-work/chain-work';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { offscreenChainWork } from './offscreen-client';

/**
 * Where the background's viem work runs (lib/chain-work/chain-work.ts). Chosen when the bundle is
 * built, so that Chrome's service worker holds no viem at all: it asks its offscreen document.
 * Firefox MV2's background is a page (an event page: it sleeps when idle, as the worker does) and
 * may run viem itself, and unit tests run under Node: both do the work in-process.
 */
export function chainWork(): ChainWork {
  return import.meta.env.FIREFOX || import.meta.env.MODE === 'test' ? inProcessChainWork : offscreenChainWork();
}
