/** Stand-in sites: pages routed inside Chromium, and loopback HTTP and HTTPS servers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** A page that looks enough like an exchange for the content script: the script reads only the URL. */
export function fakeExchangeHtml(title: string, body = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>html,body{min-height:100vh;box-sizing:border-box}body{font:16px system-ui;margin:0;padding:24px;background:#f5f5f5;color:#222}header{font-weight:700;font-size:22px}</style></head>
<body><header>${title}</header><p>Stand-in page served by the test.</p>${body}</body></html>`;
}

/** Serves `html` for every URL under `origin` (e.g. `https://www.binance.com`). */
export async function routeSite(context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

export async function startHttpServer(listener: RequestListener, port = 0, host = '127.0.0.1'): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())),
  };
}

/** A throwaway self-signed certificate for `hosts`; the browsers are told to accept it. */
export function selfSignedCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'radar-cert-'));
  try {
    const config = join(dir, 'openssl.cnf');
    writeFileSync(config, `[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=${hosts[0]}\n[ext]\nsubjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\n`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An HTTPS server on 127.0.0.1:443 for stand-in sites: Firefox resolves `hosts` here
 * (`network.dns.localDomains`), so content scripts that match HTTPS pages only run as on the real site.
 */
export async function startHttpsSite(hosts: readonly string[], listener: RequestListener): Promise<{ server: Server; close(): Promise<void> }> {
  const server = createHttpsServer(selfSignedCertificate(hosts), listener);
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', () => resolvePromise());
  });
  return { server, close: () => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())) };
}
