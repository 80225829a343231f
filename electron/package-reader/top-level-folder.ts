/**
 * Top-level-folder rule (package-format.md): a package whose entries all sit under one
 * top-level folder (as zipping a folder on Windows makes) is read as if that folder were the
 * root. Only one level is removed. The rule is applied to folders too, so that a zip and the
 * folder Windows' "Extract All" makes from it (`pkg/pkg/…`) are the same package with the
 * same digest.
 */

export interface NamedEntry {
  /** Normalised path; a directory's path ends with `/`. */
  readonly path: string;
}

/** The one folder every entry sits under, or null when there is none. */
export function topLevelFolder(entries: readonly NamedEntry[]): string | null {
  let folder: string | null = null;
  for (const { path } of entries) {
    const slash = path.indexOf('/');
    if (slash <= 0) return null; // a file at the root
    const first = path.slice(0, slash);
    if (folder === null) folder = first;
    else if (folder !== first) return null;
  }
  return folder;
}

/** The entry's path below the top-level folder; `''` for the folder itself. */
export function stripTopLevelFolder(path: string, folder: string | null): string {
  return folder === null ? path : path.slice(folder.length + 1);
}
