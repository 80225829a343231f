/**
 * Writing a sample package to disk as the clerk would receive it: a zip (in one of the three
 * ways zips arrive) or a folder. Zips are made by zip-writer.ts, with a fixed timestamp, so the
 * bytes repeat from run to run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { encodeGbk } from './gbk.ts';
import type { SamplePackage } from './sample-package.ts';
import { writeZip } from './zip-writer.ts';
import type { ZipEntry } from './zip-writer.ts';

/** Local time of every zip entry: the morning the packages were handed in. */
const ZIP_TIME = { year: 2027, month: 1, day: 8, hour: 9, minute: 30 } as const;

/** The bytes of every file of the package, in its listed order. */
export async function makeFiles(sample: SamplePackage): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, make] of sample.files) files.set(path, await make());
  return files;
}

/** Writes the package into `outDir` and returns the name of what was written. */
export async function writePackage(sample: SamplePackage, files: ReadonlyMap<string, Uint8Array>, outDir: string): Promise<string> {
  switch (sample.delivery) {
    case 'folder': {
      for (const [path, bytes] of files) {
        const target = join(outDir, sample.name, ...path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, bytes);
      }
      return sample.name;
    }
    case 'zip':
      return writeZipFile(sample, outDir, [...files].map(([name, data]) => ({ name, data })), undefined);
    case 'zip-top-folder':
      return writeZipFile(sample, outDir, withFolders([...files], `${sample.name}/`), undefined);
    case 'zip-gbk':
      return writeZipFile(sample, outDir, withFolders([...files], ''), gbkName);
  }
}

async function writeZipFile(sample: SamplePackage, outDir: string, entries: ZipEntry[], encodeName: ((name: string) => Uint8Array) | undefined): Promise<string> {
  const name = `${sample.name}.zip`;
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, name), writeZip(entries, { time: ZIP_TIME, encodeName }));
  return name;
}

/** Folder entries before the files in them, as Windows' zip tools list them. */
function withFolders(files: readonly (readonly [string, Uint8Array])[], root: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  if (root !== '') {
    entries.push({ name: root });
    seen.add(root);
  }
  for (const [path, data] of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = `${root}${parts.slice(0, i).join('/')}/`;
      if (!seen.has(folder)) {
        seen.add(folder);
        entries.push({ name: folder });
      }
    }
    entries.push({ name: `${root}${path}`, data });
  }
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** GBK bytes of a name; refuses a name whose GBK bytes happen to be valid UTF-8, which would show nothing. */
function gbkName(name: string): Uint8Array {
  const bytes = encodeGbk(name);
  if ([...name].some((char) => (char.codePointAt(0) ?? 0) > 0x7f)) {
    let decodes = true;
    try {
      utf8.decode(bytes);
    } catch {
      decodes = false;
    }
    if (decodes) throw new Error(`the GBK bytes of ${name} are also valid UTF-8; choose another name`);
  }
  return bytes;
}
