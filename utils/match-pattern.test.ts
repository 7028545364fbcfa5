import { describe, expect, test } from 'vitest';
import { patternReachesHost } from './match-pattern';

describe('patternReachesHost: whether a required pattern meets one host held', () => {
  test.each([
    // A content script's match and the user's own grant of one site under it (what Chromium refuses to remove).
    ['https://*.binance.com/*', 'https', 'www.binance.com'],
    ['https://*.binance.com/*', 'https', 'binance.com'],
    ['*://*.binance.com/*', 'https', 'api.www.binance.com'],
    ['*://api.example.org/*', 'https', 'api.example.org'],
    ['*://api.example.org/*', 'http', 'api.example.org'],
    ['https://api.example.org/*', 'https', 'api.example.org'],
    ['https://api.example.org/v1/*', 'https', 'api.example.org'],
    ['https://api.example.org:8443/*', 'https', 'api.example.org'],
    ['https://API.example.org/*', 'https', 'api.EXAMPLE.org'],
    ['*://*/*', 'https', 'lists.example.org'],
    ['https://*/*', 'https', 'lists.example.org'],
    ['<all_urls>', 'http', 'lists.example.org'],
  ])('%s meets %s://%s', (pattern, scheme, host) => {
    expect(patternReachesHost(pattern, scheme, host)).toBe(true);
  });

  test.each([
    // Label boundaries: never by substring.
    ['https://*.binance.com/*', 'https', 'notbinance.com'],
    ['https://*.binance.com/*', 'https', 'binance.com.evil.org'],
    ['https://binance.com/*', 'https', 'www.binance.com'],
    ['https://www.binance.com/*', 'https', 'binance.com'],
    ['http://api.example.org/*', 'https', 'api.example.org'],
    ['https://api.example.org/*', 'http', 'api.example.org'],
    ['*://api.example.org/*', 'ftp', 'api.example.org'],
    ['https://api.example.org/*', 'https', 'api.example.org.evil'],
    // Named permissions and strings that are no host pattern.
    ['storage', 'https', 'storage'],
    ['notifications', 'https', 'lists.example.org'],
    ['https://', 'https', 'lists.example.org'],
  ])('%s does not meet %s://%s', (pattern, scheme, host) => {
    expect(patternReachesHost(pattern, scheme, host)).toBe(false);
  });
});
