import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

const entry = resolve(import.meta.dirname, 'embed/reserve-radar-card.tsx');

/** Relative imports reachable from `start`, read as text: enough to know which words the card can ask for. */
function reachableSources(start: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^'?]+)'/g)) {
      const base = resolve(dirname(file), match[1]!);
      const found = ['', '.ts', '.tsx', '/index.ts'].map((suffix) => base + suffix).find((path) => existsSync(path) && /\.tsx?$/.test(path));
      if (found !== undefined) queue.push(found);
    }
  }
  return seen;
}

/**
 * The two messages files are over half the bundle, and the card uses a small part of them.
 * Keeps every key that appears as a quoted literal in the code the card imports, plus every
 * key starting with the fixed part of a template literal (`porMethod_${…}`); the e2e test
 * checks the card's words in both languages.
 */
function onlyUsedMessages(): Plugin {
  let literals: Set<string>;
  let prefixes: string[];
  return {
    name: 'reserve-radar:only-used-messages',
    enforce: 'pre',
    buildStart() {
      const sources = [...reachableSources(entry).values()].join('\n');
      literals = new Set([...sources.matchAll(/['"]([A-Za-z][A-Za-z0-9_]*)['"]/g)].map((match) => match[1]!));
      prefixes = [...sources.matchAll(/`([A-Za-z][A-Za-z0-9_]*_)\$\{/g)].map((match) => match[1]!);
    },
    load(id) {
      if (!/[\\/]_locales[\\/][a-z]{2}[\\/]messages\.json$/.test(id)) return null;
      const all = JSON.parse(readFileSync(id, 'utf8')) as Record<string, unknown>;
      const kept = Object.fromEntries(Object.entries(all).filter(([key]) => literals.has(key) || prefixes.some((prefix) => key.startsWith(prefix))));
      return JSON.stringify(kept);
    },
  };
}

/**
 * `<reserve-radar-card>` as one self-contained script for wallet pages: ES module and a
 * classic IIFE, CSS inlined into the shadow root, the bundled snapshot inside, no chunks to
 * fetch later.
 */
export default defineConfig({
  plugins: [onlyUsedMessages(), preact()],
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  define: { 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: {
    outDir: 'dist-embed',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    lib: {
      entry,
      formats: ['es', 'iife'],
      name: 'ReserveRadarCard',
      fileName: (format) => `reserve-radar-card.${format === 'es' ? 'js' : `${format}.js`}`,
    },
  },
});
