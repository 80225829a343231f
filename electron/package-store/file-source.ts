/**
 * File source (shared/api/file-source.ts): a file the renderer hands to main, either as a local
 * path (desktop shell) or as an upload the browser shell stored under `<data>/incoming/<id>`
 * (package-store/incoming.ts). Resolved to a path and a name for messages, with the cleanup that
 * removes an upload once used.
 */
import { basename } from 'node:path';
import type { FileSource } from '../../shared/api/file-source.ts';
import type { ServiceContext } from '../app/context.ts';
import { discardUpload, uploadPath } from './incoming.ts';

export interface ResolvedFile {
  readonly path: string;
  readonly name: string;
  readonly cleanup: () => void;
}

export function resolveFileSource(ctx: ServiceContext, source: FileSource): ResolvedFile {
  if ('path' in source) return { path: source.path, name: basename(source.path), cleanup: () => undefined };
  return { path: uploadPath(ctx.dataDir, source.uploadId), name: source.name, cleanup: () => discardUpload(ctx.dataDir, source.uploadId) };
}
