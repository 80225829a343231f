/**
 * The renderer's own files: `app://renderer/<path>` in the desktop shell, and the same
 * answers for `http://127.0.0.1:<port>/<path>` in the browser shell (electron/web/web-server.ts
 * passes the path). Only files inside the renderer folder; each with its content type,
 * `nosniff`, and the page's Content-Security-Policy when one is given.
 */
import { desktopAppHost } from '../../shared/api/transport.ts';
import { fileResponse } from './file-response.ts';
import { refusal } from './refusal.ts';
import { rendererContentType } from './renderer-content-type.ts';
import { fileInFolder } from './request-path.ts';

export interface RendererFilesOptions {
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** Sent on every file: the desktop shell's page, its scripts and pdf.js' worker all live under it. */
  readonly csp?: string | undefined;
  /** Further headers on every file served (the browser shell's Cross-Origin-Resource-Policy). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

const notFound = () => refusal(404, 'not-found', '没有这个文件');

/** The renderer file that `pathname` (still escaped) names, answered to `request`. */
export async function rendererFileResponse(request: Request, pathname: string, options: RendererFilesOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method-not-allowed', '不支持的请求方法', { allow: 'GET, HEAD' });
  const target = fileInFolder(options.rendererDir, pathname);
  if (!target.ok) return target.status === 400 ? refusal(400, 'bad-path', '请求的地址无效') : notFound();
  const response = await fileResponse(request, target.file, (head) => ({
    'content-type': rendererContentType(target.file, head),
    'x-content-type-options': 'nosniff',
    ...(options.csp === undefined ? {} : { 'content-security-policy': options.csp }),
    ...options.headers,
  }));
  return response ?? notFound();
}

/** The desktop shell's `app:` protocol handler. */
export function appProtocolHandler(options: RendererFilesOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = URL.parse(request.url);
    if (url === null || url.protocol !== 'app:' || url.host !== desktopAppHost) return notFound();
    return rendererFileResponse(request, url.pathname, options);
  };
}
