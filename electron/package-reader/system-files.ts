/**
 * System files: files that operating systems put into folders and zips on their own, which
 * no alliance handed in and no manifest names. They are not part of the package: not read,
 * not digested, not warned about as unnamed files.
 *
 * Without this rule a folder zipped with macOS Finder (which adds `__MACOSX/` beside the
 * folder) breaks the top-level-folder rule and is refused for a missing manifest.json, and
 * the same package copied to a USB stick by a Mac (which adds `._name` files) gets a
 * different digest than its zip. Entries are still checked for unsafe names first.
 */

/** `__MACOSX/` at the top, `.DS_Store` and `._*` (macOS), `Thumbs.db` and `desktop.ini` (Windows). */
export function isSystemFile(path: string): boolean {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] === '__MACOSX') return true;
  const last = segments.at(-1) ?? '';
  if (last === '.DS_Store' || last.startsWith('._')) return true;
  const lower = last.toLowerCase();
  return lower === 'thumbs.db' || lower === 'desktop.ini';
}
