import type { Address } from 'viem';

/**
 * Where the extension reads the feed, and whose signature it accepts. docs/feed.md says how a
 * maintainer publishes there and rotates the key (a new key is added here one release before the
 * old one stops signing). A build can point both elsewhere (`RADAR_FEED_URL`,
 * `RADAR_FEED_SIGNERS`; wxt.config.ts), which the test build does with the public test key.
 */
export const FEED_URL = 'https://reserve-radar.github.io/feed/v1/feed.json';

export const FEED_SIGNERS: readonly Address[] = ['0x82B5F77011A9D709f3cFf564509D5D34549e1d12'];

/** The feed's name inside its signed header; a document with another name is not this feed. */
export const FEED_NAME = 'Reserve Radar PoR feed';
