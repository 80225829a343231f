/**
 * The file a request's URL path names inside a served folder, checked one segment at a time
 * after decoding, so that no escape (`%2e%2e`, `%2f`, `%5c`, a backslash, a drive letter)
 * can name a file outside it. A malformed escape is the client's mistake (400), never a throw.
 */
import { join, resolve, sep } from 'node:path';

export type FolderPath =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly status: 400 | 404 };

/** The file under `root` that `pathname` (as in `URL.pathname`, still escaped) names; `index` for the folder itself. */
export function fileInFolder(root: string, pathname: string, index = 'index.html'): FolderPath {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    // `.`/`..` climb, `/` and `\` would split the segment again, `:` names a drive or an
    // NTFS stream, NUL ends a path in C: none belongs in a file name the app ships.
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return { ok: false, status: 404 };
    segments.push(segment);
  }
  const base = resolve(root);
  const file = join(base, ...(segments.length === 0 ? [index] : segments));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return { ok: false, status: 404 };
  return { ok: true, file };
}
