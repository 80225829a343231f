/**
 * The content type of a stored file: from its first bytes when they say (PDF, images), else
 * from its name within the package (Word, Excel and others), so the viewer picks the right
 * preview without trusting an extension for anything it can check.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { sniffContentType } from './evidence-path.ts';

const byExtension: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.txt': 'text/plain',
  '.json': 'application/json',
};

export async function sniffFileContentType(file: string, packagePath: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(16);
    await handle.read(head, 0, 16, 0);
    const sniffed = sniffContentType(head);
    if (sniffed !== 'application/octet-stream') return sniffed;
    return byExtension[extname(packagePath).toLowerCase()] ?? sniffed;
  } finally {
    await handle.close();
  }
}
