/**
 * The browser shell's side of the contract: the same `Api` as the desktop preload, over
 * HTTP to the loopback server that served this page. The server wrote a per-start token
 * into the page; without it no call is accepted.
 */
import type { Api } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import { apiPath, tokenHeader, tokenMetaName } from '../../../shared/api/transport.ts';

export function pageToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${tokenMetaName}"]`)?.content ?? '';
}

export function createHttpApi(token: string): Api {
  return {
    async invoke(channel, request) {
      try {
        const response = await fetch(apiPath(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [tokenHeader]: token },
          body: JSON.stringify(request),
        });
        return (await response.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'unreachable', message: '无法连接到本机服务，请确认程序仍在运行后重试。' } };
      }
    },
  };
}
