/**
 * Renditions: what a converter made from a stored evidence file (a preview's JSON, the pages of
 * a TIFF or HEIC photo as PNG, the text of a scan), kept beside the store so each is made once
 * per file however many packages, experts or restarts ask for it.
 *
 * - where: `<data>/renditions/<first two hex digits>/<sha256>/<converter>-v<version>/<name>`.
 *   The file is named by its content hash and the converter by name and version, so a product
 *   is never stale: a converter that changes its output raises its version and makes anew.
 * - complete or absent: a rendition's files are written into a temporary sibling folder and
 *   flushed, then the folder is renamed into place in one step; a crash half-way leaves only a
 *   temporary folder, which the next `clearStaleRenditions` removes. Two requests for the same
 *   rendition at once make it once (the second waits for the first).
 * - names: a converter names its files itself (`preview.json`, `page-3.png`); a name is one
 *   path segment of letters, digits, `.`, `_` and `-`, so no name can reach outside its folder.
 *
 * The renderer never sees these paths: main reads a rendition and sends its content, or serves
 * a file of it under the evidence URL of its source.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isContentHash } from './evidence-path.ts';

export interface Converter {
  /** Lowercase letters, digits and `-`: part of a folder name. */
  readonly name: string;
  /** Raised whenever the converter's output changes, so older products are not reused. */
  readonly version: number;
}

export interface Rendition {
  /** The names of the rendition's files. */
  readonly names: readonly string[];
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
  /** Where a file of the rendition is on disk, for serving it; null for a name it lacks. */
  file(name: string): string | null;
}

const converterName = /^[a-z0-9][a-z0-9-]{0,63}$/;
const fileName = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function renditionsRoot(dataDir: string): string {
  return join(dataDir, 'renditions');
}

function checkConverter(converter: Converter): void {
  if (!converterName.test(converter.name) || !Number.isSafeInteger(converter.version) || converter.version < 1) {
    throw new Error(`invalid converter ${converter.name} v${converter.version}`);
  }
}

/** The folder of a rendition (which may not exist). */
export function renditionDir(dataDir: string, sha256: string, converter: Converter): string {
  if (!isContentHash(sha256)) throw new Error('not a content hash');
  checkConverter(converter);
  return join(renditionsRoot(dataDir), sha256.slice(0, 2), sha256, converterFolderName(converter));
}

function renditionAt(dir: string): Rendition {
  const names = readdirSync(dir).filter((name) => fileName.test(name)).sort();
  const set = new Set(names);
  return {
    names,
    has: (name) => set.has(name),
    read: async (name) => {
      if (!set.has(name)) throw new Error(`rendition has no file ${name}`);
      return readFile(join(dir, name));
    },
    file: (name) => (set.has(name) ? join(dir, name) : null),
  };
}

const converterFolder = /^([a-z0-9][a-z0-9-]{0,63})-v([1-9][0-9]{0,8})$/;

/**
 * The file `name` of the rendition in folder `converter` (`<name>-v<version>`) of `sha256`, or
 * null when any part is malformed or the file is not there: what the evidence URLs serve.
 */
export function renditionFile(dataDir: string, sha256: string, converter: string, name: string): string | null {
  const folder = converterFolder.exec(converter);
  if (!isContentHash(sha256) || folder === null || !fileName.test(name)) return null;
  const file = join(renditionDir(dataDir, sha256, { name: folder[1]!, version: Number(folder[2]) }), name);
  return existsSync(file) ? file : null;
}

/** The folder name of a converter's renditions, as evidence URLs name it. */
export function converterFolderName(converter: Converter): string {
  checkConverter(converter);
  return `${converter.name}-v${converter.version}`;
}

/** The rendition if it has been made, else null. */
export function storedRendition(dataDir: string, sha256: string, converter: Converter): Rendition | null {
  const dir = renditionDir(dataDir, sha256, converter);
  return existsSync(dir) ? renditionAt(dir) : null;
}

const inFlight = new Map<string, Promise<Rendition>>();

/**
 * The rendition of `sha256` by `converter`, made by `make` when it is not stored yet. `make`
 * returns the files by name; it may throw, and then nothing is stored (the next call tries
 * again). A converter that wants a refusal remembered stores it as one of its files.
 */
export function rendition(
  dataDir: string,
  sha256: string,
  converter: Converter,
  make: () => Promise<ReadonlyMap<string, Uint8Array | string>>,
): Promise<Rendition> {
  const dir = renditionDir(dataDir, sha256, converter);
  if (existsSync(dir)) return Promise.resolve(renditionAt(dir));
  const running = inFlight.get(dir);
  if (running) return running;
  const work = (async () => {
    const files = await make();
    for (const name of files.keys()) if (!fileName.test(name)) throw new Error(`invalid rendition file name ${name}`);
    const parent = join(dir, '..');
    mkdirSync(parent, { recursive: true });
    const temp = join(parent, `.tmp-${converter.name}-${randomBytes(6).toString('hex')}`);
    mkdirSync(temp);
    try {
      for (const [name, content] of files) {
        const handle = await open(join(temp, name), 'wx');
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
      if (existsSync(dir)) return renditionAt(dir);
      await rename(temp, dir);
      return renditionAt(dir);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  })().finally(() => inFlight.delete(dir));
  inFlight.set(dir, work);
  return work;
}

/** Removes temporary folders a crash left half-written (at startup, before anything converts). */
export function clearStaleRenditions(dataDir: string): void {
  const root = renditionsRoot(dataDir);
  if (!existsSync(root)) return;
  for (const prefix of readdirSync(root)) {
    const prefixDir = join(root, prefix);
    for (const hash of readdirSync(prefixDir)) {
      const hashDir = join(prefixDir, hash);
      for (const entry of readdirSync(hashDir)) if (entry.startsWith('.tmp-')) rmSync(join(hashDir, entry), { recursive: true, force: true });
    }
  }
}
