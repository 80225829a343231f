/**
 * Package files, as the manifest sees them: the set of package paths an evidence path or
 * `selfReport` may name, and the lookup that says, when a path names nothing, what the alliance
 * probably meant (a different case, a missing folder, a folder instead of a file).
 */
import { normalizePackagePath } from './package-path.ts';

export interface PackageFileIndex {
  readonly paths: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
  readonly byLowerCase: ReadonlyMap<string, string>;
  readonly byBaseName: ReadonlyMap<string, readonly string[]>;
}

export function indexPackageFiles(paths: readonly string[]): PackageFileIndex {
  const folders = new Set<string>();
  const byLowerCase = new Map<string, string>();
  const byBaseName = new Map<string, string[]>();
  for (const path of paths) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i += 1) folders.add(segments.slice(0, i).join('/'));
    byLowerCase.set(path.toLowerCase(), path);
    const base = segments.at(-1) ?? path;
    byBaseName.set(base, [...(byBaseName.get(base) ?? []), path]);
  }
  return { paths: new Set(paths), folders, byLowerCase, byBaseName };
}

export type FileLookup = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly hint: string };

/** The package file a manifest path names (after NFC and `\` → `/`), or a hint why none. */
export function lookUpPackageFile(raw: string, index: PackageFileIndex): FileLookup {
  const path = normalizePackagePath(raw);
  if (index.paths.has(path)) return { ok: true, path };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    return { ok: false, hint: '路径不能以“/”或盘符开头，应相对于包的最上层，如 "证明材料/合同1.pdf"。' };
  }
  if (path.startsWith('./') && index.paths.has(path.slice(2))) {
    return { ok: false, hint: `请去掉开头的“./”，写成“${path.slice(2)}”。` };
  }
  const folder = path.endsWith('/') ? path.slice(0, -1) : path;
  if (index.folders.has(folder)) {
    return { ok: false, hint: `“${folder}”是一个文件夹，请写出其中具体的文件。` };
  }
  const caseVariant = index.byLowerCase.get(path.toLowerCase());
  if (caseVariant !== undefined) return { ok: false, hint: `包里有“${caseVariant}”，大小写不同（路径区分大小写）。` };
  const base = path.split('/').at(-1) ?? path;
  const sameName = index.byBaseName.get(base);
  if (sameName !== undefined && sameName.length > 0) {
    return { ok: false, hint: `包里有“${sameName[0] ?? ''}”，是不是文件夹写错了？` };
  }
  return { ok: false, hint: '' };
}
