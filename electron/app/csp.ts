/**
 * The renderer's Content-Security-Policy, the same in both shells: only the app's own
 * scripts, no eval, no inline script, no network beyond the app itself. `blob:` workers
 * are for pdf.js; `data:` images for drawn signatures. `evidenceOrigin` is where stored
 * evidence comes from: `evidence:` in the desktop shell, nothing beyond 'self' in the browser
 * shell (which serves it from its own origin).
 *
 * renderer/index.html carries the same policy in a meta tag, for the moment before the
 * header applies and for a page opened some other way; test/electron/app/csp.test.ts keeps
 * the two equal. A meta tag cannot carry `frame-ancestors`, so that one is header-only.
 */
export function contentSecurityPolicy(evidenceOrigin: string): string {
  const sources = (...list: string[]) => list.filter((source) => source !== '').join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${sources("'self'", 'data:', 'blob:', evidenceOrigin)}`,
    "font-src 'self'",
    `connect-src ${sources("'self'", evidenceOrigin)}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Directives a `<meta http-equiv="Content-Security-Policy">` ignores. */
export const headerOnlyDirectives: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];
