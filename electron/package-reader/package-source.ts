/**
 * Package source: where a package's entries come from, a zip file or a folder. A source lists
 * its entries (names decoded, but not yet checked or normalised) and opens one entry's bytes
 * as a stream; everything else (name safety, the top-level-folder rule, limits, CRC and size
 * checks, hashing) is done once, for both kinds, by read-package.ts.
 *
 * - entry: one name in the zip's central directory or one item found walking the folder.
 * - declared size: what the zip header (or `lstat`) says the unpacked size is; the reader
 *   trusts it only to refuse early, never to stop reading.
 */
import type { Readable } from 'node:stream';
import type { PackageProblem } from '../../shared/package/problem.ts';
import type { PackageLimits } from './limits.ts';

export type EntryType = 'file' | 'directory' | 'link' | 'special';

export interface SourceEntry {
  /** The decoded name, as the zip or the file system gives it (before normalisation). */
  readonly name: string;
  readonly type: EntryType;
  /** Zip only: the entry is encrypted (general purpose bit 0). */
  readonly encrypted: boolean;
  /** Zip only: a compression method other than stored (0) or deflate (8), else null. */
  readonly unsupportedCompression: number | null;
  readonly declaredSize: number;
  /** Zip only: the packed size, for the compression ratio; null for folders. */
  readonly packedSize: number | null;
  /** Zip only: the CRC-32 the central directory declares; null for folders. */
  readonly crc32: number | null;
  /** Opens the entry's unpacked bytes. The stream may error (damaged data). */
  open(): Promise<Readable>;
}

export interface SourceListing {
  readonly entries: readonly SourceEntry[];
  /** Problems found while listing (undecodable names, a damaged central directory, …). */
  readonly problems: readonly PackageProblem[];
  /** The listing stopped early: the entries are incomplete and must not be read. */
  readonly fatal: boolean;
}

export interface PackageSource {
  readonly kind: 'zip' | 'folder';
  /** Zip only: the zip file's size, for the whole-package compression ratio; null for folders. */
  readonly size: number | null;
  list(limits: PackageLimits): Promise<SourceListing>;
  close(): Promise<void>;
}
