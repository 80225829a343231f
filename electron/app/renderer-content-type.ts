/**
 * The content type of one of the renderer's own files (the Vite build: pages, scripts,
 * styles, fonts, pdf.js' CMaps and decoders). These are the app's files, so their names are
 * trusted; a name not listed is sniffed from its first bytes. Sent with `nosniff`, so a
 * wrong type would break the page rather than be guessed around: module scripts and wasm
 * need exactly these.
 */
import { extname } from 'node:path';
import { sniffContentType } from '../evidence/evidence-path.ts';

const byExtension: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pfb': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

export function rendererContentType(file: string, head: Uint8Array): string {
  return byExtension[extname(file).toLowerCase()] ?? sniffContentType(head);
}
