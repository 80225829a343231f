/**
 * Test helper: real zips made with yazl (the way ordinary tools make them: UTF-8 names with
 * the UTF-8 flag, deflate) and real folders, from a list of package paths and contents.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';

export type FileList = Iterable<readonly [string, string | Uint8Array]>;

function bytes(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

export async function writeYazlZip(path: string, files: FileList, options: { compress?: boolean; streams?: Iterable<readonly [string, Readable, number]> } = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) zip.addBuffer(bytes(content), name, { compress: options.compress ?? true });
  for (const [name, stream, size] of options.streams ?? []) zip.addReadStream(stream, name, { compress: false, size });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
  });
}

export async function writeTree(root: string, files: FileList): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const [name, content] of files) {
    const target = join(root, ...name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes(content));
  }
}
