import { defaultSettings } from '../../lib/settings';
import type { OptionsProps } from '../Options';

/** Every prop of the options page, doing nothing: a test spreads it first and gives only what it is about. */
export const quietOptions: OptionsProps = {
  settings: defaultSettings,
  sources: [],
  exchangeNames: {},
  now: new Date('2026-08-10T12:00:00Z'),
  onChange: () => Promise.resolve(),
  protectionOn: false,
  onLookalikeProtection: () => Promise.resolve(false),
  allowedHosts: [],
  onAllowedHostRemove: () => undefined,
  onRefresh: () => Promise.resolve([]),
  hostsHeld: true,
  onRegrantHosts: () => Promise.resolve('granted' as const),
  subscriptions: [],
  onSubscribe: () => Promise.resolve({ ok: true }),
  onUnsubscribe: () => undefined,
  onAllowListAccess: () => Promise.resolve('granted' as const),
  onReset: () => Promise.resolve(true),
};
