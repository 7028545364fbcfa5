import * as v from 'valibot';
import { ExchangeIdSchema } from './exchanges/exchange-id';
import { rpcUrlProblem } from './chain/rpc-url';
import { LOCALE_ID_PATTERN } from './locales';

/**
 * The user's choices. Stored locally, validated on every read, so a damaged or hand-edited
 * value falls back to the defaults instead of breaking a view.
 */
export const NudgePolicySchema = v.picklist(['every-visit', 'daily', 'caution-or-worse', 'off']);
export type NudgePolicy = v.InferOutput<typeof NudgePolicySchema>;

/**
 * `auto` (follow the browser) or a locale id (lib/locales.ts). Any well-formed id is kept, so a
 * value written by a version with more languages does not reset every other setting; one this
 * build has no words for reads as `auto` (resolveLocale).
 */
export const LanguageSchema = v.union([v.literal('auto'), v.pipe(v.string(), v.regex(LOCALE_ID_PATTERN))]);
export type Language = 'auto' | (string & {});

export const SnoozeSchema = v.variant('until', [
  v.object({ until: v.literal('time'), endsAt: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Snoozed until the exchange's data changes: the fingerprint of the data seen when snoozing. */
  v.object({ until: v.literal('data-change'), fingerprint: v.pipe(v.string(), v.maxLength(200)) }),
]);
export type Snooze = v.InferOutput<typeof SnoozeSchema>;

export const CornerSchema = v.picklist(['bottom-right', 'bottom-left', 'top-right', 'top-left']);

/**
 * A full http(s) address, as an older version may have stored it. The pipe stops at its first
 * failed step (`abortPipeEarly`), so the protocol check only ever sees a string `v.url` accepted,
 * and a bad address is a failed parse, never a thrown `new URL` error. Plain http to another
 * computer still parses, so such a stored endpoint costs no other setting: it is used for nothing
 * (`usableRpcUrl`) and the options page says why.
 */
const StoredRpcUrlSchema = v.config(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(2048, 'The RPC address is too long.'),
    v.url('Enter a full address, such as https://rpc.example.org.'),
    v.check((value) => rpcUrlProblem(value) !== 'scheme', 'The RPC address must start with https:// or http://.'),
  ),
  { abortPipeEarly: true },
);

/** An address the user may save: https://, or http:// for a node on this computer only (lib/chain/rpc-url.ts). */
export const RpcUrlSchema = v.config(
  v.pipe(
    StoredRpcUrlSchema,
    v.check((value) => rpcUrlProblem(value) === undefined, 'The RPC address must start with https:// (or http:// for a node on this computer).'),
  ),
  { abortPipeEarly: true },
);

/** The endpoint as stored, if the extension may send to it. */
export function usableRpcUrl(url: string | undefined): string | undefined {
  return url !== undefined && rpcUrlProblem(url) === undefined ? url : undefined;
}

export const SettingsSchema = v.object({
  nudgePolicy: v.optional(NudgePolicySchema, 'every-visit'),
  /** Expand the card on its own only when the level is danger (the respectful default). */
  autoExpandOnDanger: v.optional(v.boolean(), true),
  lookalikeProtection: v.optional(v.boolean(), false),
  language: v.optional(LanguageSchema, 'auto'),
  snoozes: v.optional(v.record(ExchangeIdSchema, SnoozeSchema), {}),
  corner: v.optional(CornerSchema, 'bottom-right'),
  /**
   * The user put the pill in `corner` (dragged it, or "Move to another corner"). Until then the
   * corner is only the default, and the pill moves off a corner the page's own widgets occupy
   * (a support-chat button); after it, the user's corner always wins.
   */
  cornerChosen: v.optional(v.boolean(), false),
  /**
   * The user's own JSON-RPC endpoint, for ENS lookups and arrival checks in the withdrawal
   * guide. Unset by default: without it the guide sends nothing anywhere and links the explorer.
   */
  rpcUrl: v.optional(StoredRpcUrlSchema),
  /**
   * Endpoints by chain id, for reads on networks other than the one `rpcUrl` serves (the guide's
   * arrival watch, the reserve check, watched addresses): an endpoint speaks for one chain only.
   * A chain without its own falls back to `rpcUrl`.
   */
  chainRpcUrls: v.optional(v.record(v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/)), StoredRpcUrlSchema), {}),
  /**
   * Reminders to check where the user's crypto sits (lib/holdings/reminders.ts). Off by default;
   * they also need the optional notifications permission.
   */
  reminders: v.optional(
    v.object({
      monthlyDay: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31))),
      proofOfKeysDay: v.optional(v.boolean(), false),
    }),
    { proofOfKeysDay: false },
  ),
  /**
   * Notify when a run alert starts on an exchange where the user recorded holdings
   * (docs/risk-model.md, "Run alert"). Off by default; it also needs the optional notifications
   * permission, asked for when the user turns it on.
   */
  runAlertNotifications: v.optional(v.boolean(), false),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const defaultSettings: Settings = v.parse(SettingsSchema, {});

/** Reads stored settings; anything unreadable gives the defaults. Never throws. */
export function parseSettings(stored: unknown): Settings {
  const result = v.safeParse(SettingsSchema, stored ?? {});
  return result.success ? result.output : defaultSettings;
}

export interface RpcUrlForChainParameters {
  settings: Pick<Settings, 'rpcUrl' | 'chainRpcUrls'>;
  chainId: number;
}

/**
 * The endpoint to ask about `chainId`: the user's one for that chain, else their main one, else
 * none. A chain whose own endpoint is refused gets none: the user meant that chain to use its own.
 */
export function rpcUrlForChain({ settings, chainId }: RpcUrlForChainParameters): string | undefined {
  return usableRpcUrl(Object.hasOwn(settings.chainRpcUrls, String(chainId)) ? settings.chainRpcUrls[String(chainId)] : settings.rpcUrl);
}

/** Whether any usable endpoint is set, main or per chain. */
export function hasAnyRpcUrl(settings: Pick<Settings, 'rpcUrl' | 'chainRpcUrls'>): boolean {
  return usableRpcUrl(settings.rpcUrl) !== undefined || Object.values(settings.chainRpcUrls).some((url) => usableRpcUrl(url) !== undefined);
}

export interface GuideRpcUrlsParameters {
  settings: Pick<Settings, 'rpcUrl' | 'chainRpcUrls'>;
  /** The chain of the network the guide withdraws to; undefined before one is chosen, or for one without a chain id. */
  chainId: number | undefined;
}

export interface GuideRpcUrlsReturnType {
  /** ENS names live on Ethereum mainnet: looked up through the main endpoint. */
  ens: string | undefined;
  /** The test's arrival is read on the network withdrawn on: that network's own endpoint, else the main one. */
  arrival: string | undefined;
}

/** The withdrawal guide's endpoints: one for ENS lookups, one for watching the test arrive. */
export function guideRpcUrls({ settings, chainId }: GuideRpcUrlsParameters): GuideRpcUrlsReturnType {
  const main = usableRpcUrl(settings.rpcUrl);
  return { ens: main, arrival: chainId === undefined ? main : rpcUrlForChain({ settings, chainId }) };
}
