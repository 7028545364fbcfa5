import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * `<reserve-radar-card>` as one self-contained script for wallet pages: ES module and a
 * classic IIFE, CSS inlined into the shadow root, the bundled snapshot inside, no chunks to
 * fetch later.
 */
export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  define: { 'process.env.NODE_ENV': '"production"' },
  publicDir: false,
  build: {
    outDir: 'dist-embed',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: resolve(import.meta.dirname, 'embed/reserve-radar-card.tsx'),
      formats: ['es', 'iife'],
      name: 'ReserveRadarCard',
      fileName: (format) => `reserve-radar-card.${format === 'es' ? 'js' : `${format}.js`}`,
    },
  },
});
