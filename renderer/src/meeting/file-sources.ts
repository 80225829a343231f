/**
 * Files the user picked or dropped, as the sources main accepts: the real path in the desktop
 * shell, or an upload to the loopback server in the browser shell (packages/upload.ts).
 */
import type { FileSource } from '../../../shared/api/file-source.ts';
import { api } from '../api/api.ts';
import { uploadFile } from '../packages/upload.ts';

export async function fileSources(files: readonly File[]): Promise<{ ok: true; sources: FileSource[] } | { ok: false; message: string }> {
  const sources: FileSource[] = [];
  for (const file of files) {
    if (api.pathForFile) {
      sources.push({ path: api.pathForFile(file) });
      continue;
    }
    const uploaded = await uploadFile(file);
    if (!uploaded.ok) return { ok: false, message: `${file.name}：${uploaded.message}` };
    sources.push({ uploadId: uploaded.uploadId, name: file.name });
  }
  return { ok: true, sources };
}
