/**
 * Incoming uploads: in the browser shell a package the clerk drops into the page arrives as
 * bytes, not as a path, so the server streams it into `<data>/incoming/<id>` and the import
 * names it by that id. The desktop shell passes real paths and never uses uploads; both
 * shells unpack a meeting file into `<data>/incoming/meeting-<random>/` while importing it.
 *
 * Everything in the folder belongs to a request or import of the running program, so what is
 * there at start was left by a crash (an upload half received, or received and never
 * imported, a meeting file half unpacked) and is removed (`clearIncoming`), before the first
 * request can add anything.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../errors/app-error.ts';

/** The largest upload accepted: a package zip within the reader's default total-size limit. */
export const maxUploadBytes = 4 * 1024 ** 3;

const uploadIdPattern = /^[0-9a-f]{32}$/;

export function incomingDir(dataDir: string): string {
  return join(dataDir, 'incoming');
}

/** Removes everything a crash left in `<data>/incoming/`; called once at start. */
export function clearIncoming(dataDir: string): void {
  rmSync(incomingDir(dataDir), { recursive: true, force: true });
}

export function uploadPath(dataDir: string, uploadId: string): string {
  if (!uploadIdPattern.test(uploadId)) throw new AppError('upload-not-found', '上传的文件编号不正确。');
  return join(incomingDir(dataDir), uploadId);
}

/** Stores an upload stream; resolves with its id once every byte is on disk. */
export async function receiveUpload(dataDir: string, body: Readable, limit = maxUploadBytes): Promise<string> {
  mkdirSync(incomingDir(dataDir), { recursive: true });
  const id = randomBytes(16).toString('hex');
  const final = join(incomingDir(dataDir), id);
  const partial = `${final}.part`;
  let size = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) callback(new AppError('upload-too-large', `文件超过 ${Math.round(limit / 1024 ** 3)} GiB，无法导入。`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, guard, createWriteStream(partial, { flags: 'wx' }));
    renameSync(partial, final);
    return id;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export function discardUpload(dataDir: string, uploadId: string): void {
  rmSync(uploadPath(dataDir, uploadId), { force: true });
}
