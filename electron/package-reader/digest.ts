/**
 * Package digest (package-format.md): the identity of a package, the same whether it came as
 * a zip or a folder. For every file (after the top-level-folder rule) the line
 * `<sha256 of its bytes, lowercase hex><two spaces><its path>\n`; the lines sorted by the
 * UTF-8 bytes of their paths and joined; the digest is the lowercase hex SHA-256 of that text.
 * Expert sheets name the package they scored by this digest.
 */
import { createHash } from 'node:crypto';

export interface DigestedFile {
  /** Package path: NFC, `/`-separated, relative to the package root. */
  readonly path: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** Orders paths by their UTF-8 bytes, the order of the digest's lines. */
export function compareUtf8Paths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The text the digest hashes, one line a file; exported so tests and docs can show it. */
export function digestText(files: readonly DigestedFile[]): string {
  return [...files]
    .sort((x, y) => compareUtf8Paths(x.path, y.path))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

export function packageDigest(files: readonly DigestedFile[]): string {
  return createHash('sha256').update(digestText(files), 'utf8').digest('hex');
}
