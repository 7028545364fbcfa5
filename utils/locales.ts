import { LOCALES, type LocaleEntry } from '../lib/locales';

/** Set by wxt.config.ts: the locales whose messages file is in this build. */
declare const __RADAR_LOCALES__: readonly LocaleEntry[] | undefined;

/**
 * The languages this build speaks, for the pickers and for resolving "auto". Outside a build
 * (unit tests, the CLI) every listed locale counts.
 */
export const availableLocales: readonly LocaleEntry[] = typeof __RADAR_LOCALES__ === 'undefined' ? LOCALES : __RADAR_LOCALES__;
