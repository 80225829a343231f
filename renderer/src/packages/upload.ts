/**
 * Browser shell only: sends a dropped or picked file to the loopback server, which stores it
 * for `package-import`. The desktop shell passes the file's real path instead.
 */
import { tokenHeader, uploadPath } from '../../../shared/api/transport.ts';
import { pageToken } from '../api/http-api.ts';

export async function uploadFile(file: File): Promise<{ ok: true; uploadId: string } | { ok: false; message: string }> {
  try {
    const response = await fetch(uploadPath, { method: 'POST', headers: { [tokenHeader]: pageToken() }, body: file });
    const body = (await response.json()) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } };
    if (body.ok && body.value) return { ok: true, uploadId: body.value.uploadId };
    return { ok: false, message: body.error?.message ?? '上传失败' };
  } catch {
    return { ok: false, message: '无法连接到本机服务，请确认程序仍在运行后重试。' };
  }
}
