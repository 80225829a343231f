/**
 * Stored evidence by content hash: `evidence://store/<sha256>` in the desktop shell, and the
 * same answers for `/evidence/<sha256>` in the browser shell (electron/web/web-server.ts checks
 * the token and passes what follows the prefix). The content type comes from the bytes, never a
 * name; the file may not run script or load anything (`default-src 'none'; sandbox`), and only
 * the renderer's own origin may read it cross-origin.
 *
 * A file a converter made from stored evidence (electron/evidence/renditions.ts: the pages of a
 * TIFF as PNG, an OFD page as SVG) is `<sha256>/<converter>-v<version>/<name>` under the same
 * prefix, served the same way; its type comes from its name, which the app gave it.
 */
import { desktopEvidenceHost } from '../../shared/api/transport.ts';
import { sniffContentType } from '../evidence/evidence-path.ts';
import { fileResponse } from './file-response.ts';
import { refusal } from './refusal.ts';

export interface EvidenceOptions {
  /** The stored file of a hash, or null when the hash is malformed or nothing is stored under it. */
  readonly evidenceFile: (hash: string) => string | null;
  /** A rendition's file, or null when any part is malformed or nothing is stored there. */
  readonly renditionFile?: ((hash: string, converter: string, name: string) => string | null) | undefined;
  /**
   * The one origin allowed to read evidence cross-origin: the desktop renderer (app://renderer)
   * reads evidence:// with fetch and must see the length in Content-Range. The browser shell
   * serves evidence from the page's own origin and allows none.
   */
  readonly corsOrigin?: string | undefined;
  /** Further headers on every file served (the browser shell's Cross-Origin-Resource-Policy). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export const evidenceCsp = "default-src 'none'; sandbox";

const renditionTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
};

/** The file `target` names (`<sha256>` or `<sha256>/<converter>/<name>`), answered to `request`. */
export async function evidenceResponse(request: Request, target: string, options: EvidenceOptions): Promise<Response> {
  const cors: Record<string, string> =
    options.corsOrigin === undefined
      ? {}
      : { 'access-control-allow-origin': options.corsOrigin, 'access-control-expose-headers': 'content-range, content-length' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refusal(405, 'method-not-allowed', '不支持的请求方法', { allow: 'GET, HEAD', ...cors });
  }
  const notFound = () => refusal(404, 'evidence-not-found', '证明材料不在本机的材料库中', cors);
  const segments = target.split('/');
  let file: string | null = null;
  let contentType: ((head: Uint8Array) => string) | null = null;
  if (segments.length === 1) {
    file = options.evidenceFile(segments[0]!);
    contentType = sniffContentType;
  } else if (segments.length === 3 && options.renditionFile !== undefined) {
    const [hash, converter, name] = segments as [string, string, string];
    const type = renditionTypes[/\.([a-z]+)$/.exec(name)?.[1] ?? ''];
    if (type !== undefined) {
      file = options.renditionFile(hash, converter, name);
      contentType = () => type;
    }
  }
  if (file === null || contentType === null) return notFound();
  const type = contentType;
  const response = await fileResponse(request, file, (head) => ({
    'content-type': type(head),
    'x-content-type-options': 'nosniff',
    'content-security-policy': evidenceCsp,
    // Named by the hash of its bytes: the same URL always means the same bytes.
    'cache-control': 'private, max-age=31536000, immutable',
    ...cors,
    ...options.headers,
  }));
  return response ?? notFound();
}

/** The desktop shell's `evidence:` protocol handler. */
export function evidenceProtocolHandler(options: EvidenceOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = URL.parse(request.url);
    if (url === null || url.protocol !== 'evidence:' || url.host !== desktopEvidenceHost) {
      return refusal(404, 'evidence-not-found', '证明材料不在本机的材料库中');
    }
    return evidenceResponse(request, url.pathname.slice(1), options);
  };
}
