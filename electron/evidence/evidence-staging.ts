/**
 * Evidence staging: where an import writes a package's files while it reads them, before it
 * knows whether the package is valid. Each file goes to a private staging folder; only when
 * the whole package is accepted are the files moved (renamed, same file system) into the
 * content-addressed store. A refused or cancelled package removes its staging folder, so it
 * leaves the store exactly as it was.
 *
 * Every file is flushed to disk (fsync) before it is moved, so a row the store commits never
 * points at bytes a power cut could still lose.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FileSink, PackageFile } from '../package-reader/read-package.ts';
import { evidenceDir } from './evidence-path.ts';

export interface StagedFile extends PackageFile {
  readonly stagedPath: string;
}

export interface EvidenceStaging {
  /** A sink for one file of the package, for `readPackage`'s `openFile`. */
  sink(): FileSink;
  readonly files: readonly StagedFile[];
  /** Moves every staged file into the store (a file already stored is kept, the copy dropped). */
  commit(): Promise<void>;
  /**
   * Removes the files `commit` newly placed in the store: for when recording the package
   * fails after the move, so the store is left exactly as it was.
   */
  undoCommit(): void;
  /** Removes everything staged. Safe to call more than once, and after `commit`. */
  discard(): void;
}

function removeIfEmpty(folder: string): void {
  if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
}

const writeBatchBytes = 1024 * 1024;

export function stagingRoot(dataDir: string): string {
  return join(evidenceDir(dataDir), '.staging');
}

/** Removes staging folders left by an import that a crash interrupted. */
export function clearStaleStaging(dataDir: string): void {
  rmSync(stagingRoot(dataDir), { recursive: true, force: true });
}

export function createEvidenceStaging(dataDir: string): EvidenceStaging {
  const dir = join(stagingRoot(dataDir), randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const files: StagedFile[] = [];
  const placed: string[] = [];
  let counter = 0;
  const discard = () => rmSync(dir, { recursive: true, force: true });

  return {
    files,
    sink(): FileSink {
      const stagedPath = join(dir, String(counter++));
      let handle: FileHandle | null = null;
      // Zip entries arrive in small chunks; one write per chunk costs a thread-pool round
      // trip each, so chunks are gathered into writes of about a megabyte.
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        handle ??= await open(stagedPath, 'wx');
        if (pendingBytes > 0) await handle.writev(pending);
        pending = [];
        pendingBytes = 0;
      };
      return {
        // Complete and flushed once `finish` is done; kept until commit or discard.
        storedPath: stagedPath,
        async write(chunk) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= writeBatchBytes) await flush();
        },
        async finish(file) {
          try {
            await flush();
            if (!handle) throw new Error('flush opened no file');
            await handle.sync();
            await handle.close();
            handle = null;
          } catch (error) {
            // The reader does not abort a sink whose finish failed: let go of the file here,
            // or a full disk would leave it open (and its folder unremovable) until GC.
            await handle?.close();
            handle = null;
            await rm(stagedPath, { force: true });
            throw error;
          }
          files.push({ ...file, stagedPath });
        },
        async abort() {
          pending = [];
          await handle?.close();
          handle = null;
          await rm(stagedPath, { force: true });
        },
      };
    },
    async commit() {
      for (const file of files) {
        const folder = join(evidenceDir(dataDir), file.sha256.slice(0, 2));
        const target = join(folder, file.sha256);
        if (existsSync(target) || placed.includes(target)) continue;
        mkdirSync(folder, { recursive: true });
        await rename(file.stagedPath, target);
        placed.push(target);
      }
      discard();
    },
    undoCommit() {
      for (const target of placed.splice(0)) {
        rmSync(target, { force: true });
        removeIfEmpty(dirname(target));
      }
    },
    discard,
  };
}
