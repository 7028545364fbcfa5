import { describe, expect, test } from 'vitest';
import { rpcUrlProblem } from './rpc-url';

describe('rpcUrlProblem', () => {
  test.each([
    'https://rpc.example.org',
    'https://example.com:8545/v1/key',
    'http://localhost:8545',
    'http://LOCALHOST:8545',
    'HTTP://127.0.0.1:8545',
    'http://127.0.0.1',
    'http://127.1.2.3:8545',
    'http://127.1:8545',
    'http://[::1]:8545',
    'http://[0:0:0:0:0:0:0:1]:8545',
  ])('%s is usable', (url) => {
    expect(rpcUrlProblem(url)).toBeUndefined();
  });

  test.each([
    'http://example.com',
    'http://EXAMPLE.com:8545',
    'http://127.0.0.1.example.com',
    'http://localhost.evil.com',
    'http://localhost@evil.com',
    'http://127.0.0.1@evil.com:8545',
    'http://evil.com#@localhost',
    'http://node.localhost:8545',
    'http://localhost.:8545',
    'http://128.0.0.1',
    'http://10.0.0.5:8545',
    'http://192.168.1.2:8545',
    'http://0.0.0.0:8545',
    'http://[::ffff:127.0.0.1]:8545',
    'http://[::2]:8545',
  ])('%s is plain http to another computer', (url) => {
    expect(rpcUrlProblem(url)).toBe('remote-http');
  });

  test.each(['ftp://x.org', 'javascript:alert(1)', 'ws://localhost:8545', 'file:///etc/passwd'])('%s has the wrong scheme', (url) => {
    expect(rpcUrlProblem(url)).toBe('scheme');
  });

  test.each(['rpc.example.org', 'not a url', '', 'http//rpc.example.org'])('%j is not an address', (url) => {
    expect(rpcUrlProblem(url)).toBe('not-a-url');
  });
});
