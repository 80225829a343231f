import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * pdf.js reads these at run time, by URL, from the app itself (no network): CMaps so Chinese
 * PDFs with CID fonts render, the standard fonts for PDFs that do not embed theirs, and the
 * image decoders (wasm, with the JS fallbacks it loads when CSP forbids compiling wasm).
 * Copied as they are into dist/renderer/pdfjs/; the worker itself is a Vite asset import.
 */
function pdfjsAssets(): Plugin {
  const from = resolve(import.meta.dirname, 'node_modules', 'pdfjs-dist');
  return {
    name: 'pdfjs-assets',
    apply: 'build',
    writeBundle(options) {
      const out = options.dir ?? resolve(import.meta.dirname, 'dist', 'renderer');
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) cpSync(resolve(from, dir), resolve(out, 'pdfjs', dir), { recursive: true });
    },
  };
}

// The renderer: a plain static bundle served by the app:// protocol (desktop) or the
// loopback server (browser shell). Relative base so both can serve it from any root.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4096,
  },
});
