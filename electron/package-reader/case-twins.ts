/**
 * Case twins: two package paths that differ only in upper and lower case (`A.pdf` beside
 * `a.pdf`, `MANIFEST.JSON` beside `manifest.json`, `证明/x.pdf` beside `证明/X.pdf`), compared
 * after NFC as every package path is. Windows and macOS file systems do not tell them apart,
 * so when the meeting file is unpacked on an expert's laptop one file overwrites the other
 * and the package no longer has its digest; the package is refused here instead, where the
 * clerk can still have it renamed.
 *
 * Folders count too: `Docs/a.pdf` and `docs/b.pdf` land in one folder on those systems and
 * come back under one name.
 */
export interface CaseTwin {
  /** The path met first, as the package spells it. */
  readonly first: string;
  /** The later path whose spelling differs from `first` only in case. */
  readonly twin: string;
}

function fold(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Every case twin among `paths` (file paths, `/`-separated), each reported once. */
export function findCaseTwins(paths: readonly string[]): CaseTwin[] {
  const spelled = new Map<string, string>();
  const twins: CaseTwin[] = [];
  const reported = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/');
    for (let i = 1; i <= segments.length; i += 1) {
      const prefix = segments.slice(0, i).join('/');
      const key = fold(prefix);
      const first = spelled.get(key);
      if (first === undefined) {
        spelled.set(key, prefix);
      } else if (first !== prefix && !reported.has(prefix)) {
        reported.add(prefix);
        twins.push({ first, twin: prefix });
        break;
      }
    }
  }
  return twins;
}
