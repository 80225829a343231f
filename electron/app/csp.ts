/**
 * The renderer's Content-Security-Policy, the same in both shells: only the app's own
 * scripts, no eval, no inline script, no network beyond the app itself. `blob:` workers
 * are for pdf.js; `data:` images for drawn signatures.
 */
export function contentSecurityPolicy(evidenceOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${evidenceOrigin}`,
    "font-src 'self'",
    `connect-src 'self' ${evidenceOrigin}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
