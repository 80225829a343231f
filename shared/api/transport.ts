/**
 * How the renderer reaches the main process's services and stored evidence, in each shell.
 * The server side (electron/main.ts, electron/web/web-server.ts) and the renderer's client
 * (renderer/src/api/) both build and read these names from here, so they cannot drift apart.
 *
 * Desktop shell: the page is app://renderer/, calls go over IPC, evidence is
 * evidence://store/<sha256>.
 * Browser shell: the page is http://127.0.0.1:<port>/, calls are POST /api/<channel>, uploads
 * POST /upload, evidence GET /evidence/<sha256>?t=<token>; every call carries the per-start
 * token the server wrote into the page (an `<img>` cannot send a header, hence the query
 * parameter for evidence).
 */

/** The desktop shell's page origin: the only origin that may call IPC or read evidence. */
export const desktopAppOrigin = 'app://renderer';
export const desktopAppScheme = 'app';
export const desktopAppHost = 'renderer';
export const desktopEvidenceScheme = 'evidence';
export const desktopEvidenceHost = 'store';

/** The request header that carries the browser shell's token. */
export const tokenHeader = 'x-alliance-review-token';
/** The `<meta name>` the browser shell writes the token into. */
export const tokenMetaName = 'alliance-review-token';
/** The query parameter that carries the token on evidence URLs. */
export const evidenceTokenParam = 't';

export const apiPathPrefix = '/api/';
export const uploadPath = '/upload';
export const evidencePathPrefix = '/evidence/';

/** The browser shell's URL path for a call on `channel`. */
export function apiPath(channel: string): string {
  return `${apiPathPrefix}${encodeURIComponent(channel)}`;
}

/** The channel named by an API path, or null when the path is not one (or its escapes are malformed). */
export function channelOfApiPath(pathname: string): string | null {
  if (!pathname.startsWith(apiPathPrefix)) return null;
  try {
    return decodeURIComponent(pathname.slice(apiPathPrefix.length));
  } catch {
    return null;
  }
}

/** The stored evidence file of `sha256` as the desktop shell's renderer names it. */
export function desktopEvidenceUrl(sha256: string): string {
  return `${desktopEvidenceScheme}://${desktopEvidenceHost}/${sha256}`;
}

/** The stored evidence file of `sha256` as the browser shell's renderer names it (a path on the page's own origin). */
export function browserEvidenceUrl(sha256: string, token: string): string {
  return `${evidencePathPrefix}${sha256}?${evidenceTokenParam}=${encodeURIComponent(token)}`;
}

/**
 * A file a converter made from a stored evidence file (electron/evidence/renditions.ts): the
 * source's hash, the converter's folder (`<name>-v<version>`) and the file's name in it.
 */
export interface RenditionRef {
  readonly sha256: string;
  readonly converter: string;
  readonly name: string;
}

function renditionPath(ref: RenditionRef): string {
  return `${ref.sha256}/${encodeURIComponent(ref.converter)}/${encodeURIComponent(ref.name)}`;
}

/** A rendition's file as the desktop shell's renderer names it. */
export function desktopRenditionUrl(ref: RenditionRef): string {
  return `${desktopEvidenceScheme}://${desktopEvidenceHost}/${renditionPath(ref)}`;
}

/** A rendition's file as the browser shell's renderer names it. */
export function browserRenditionUrl(ref: RenditionRef, token: string): string {
  return `${evidencePathPrefix}${renditionPath(ref)}?${evidenceTokenParam}=${encodeURIComponent(token)}`;
}

/**
 * What an evidence path names after its prefix (a content hash, or `<hash>/<converter>/<name>`
 * for a rendition; not yet checked), or null when the path is not an evidence path.
 */
export function hashOfEvidencePath(pathname: string): string | null {
  return pathname.startsWith(evidencePathPrefix) ? pathname.slice(evidencePathPrefix.length) : null;
}
