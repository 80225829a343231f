/**
 * Package limits: how much the reader accepts before it refuses a package as too large or as
 * a zip bomb (package-format.md, "sizes past the importer's limits").
 *
 * Every limit is checked twice: first against what the zip's headers declare, so an honest
 * but oversized package is refused before a byte is inflated; then against the bytes actually
 * read, so a lying header is caught as soon as it lies. Nothing is written to disk by the
 * reader, so a refused package never fills the disk.
 *
 * The defaults leave room for legitimately large evidence (scanned PDFs of a few hundred MB)
 * and are documented in docs/package-format.md.
 */

export interface PackageLimits {
  /** Sum of the unpacked sizes of all files. */
  readonly maxTotalBytes: number;
  /** Zip entries (files and folders) or folder files. */
  readonly maxEntries: number;
  /** Unpacked ÷ packed size of one zip entry, checked only for entries above `ratioMinBytes`. */
  readonly maxCompressionRatio: number;
  /**
   * Below this unpacked size an entry's ratio is not checked: small, highly repetitive files
   * (a blank form, a CSV) compress far better than 200:1 and are harmless.
   */
  readonly ratioMinBytes: number;
  /**
   * Declared unpacked total of all files ÷ the zip file's size: the bound on what a whole
   * package may unpack to, which the per-entry ratio alone does not give (many small entries
   * each under `ratioMinBytes`, or many records sharing one compressed entry).
   */
  readonly maxPackageCompressionRatio: number;
  /** Below this declared unpacked total a package's overall ratio is not checked. */
  readonly packageRatioMinBytes: number;
  /** manifest.json is held in memory to be parsed; beyond this it is refused. */
  readonly maxManifestBytes: number;
  /**
   * A file is inspected (its type, pages and whether experts can see it,
   * electron/package-reader/inspect-evidence.ts) from at most this many of its bytes, held in memory
   * one file at a time; a larger file is typed from its first bytes and its pages not counted.
   * Also the most a member of a zip inside the package may unpack to for the `evidence` command.
   */
  readonly maxInspectBytes: number;
  /**
   * When the file is also kept on disk (the importer's staging), the most of it held in memory
   * for the inspection: a larger one is inspected from that copy, by range for a PDF, so the
   * import's memory does not grow with the size of a file.
   */
  readonly maxHeldBytes: number;
}

const MiB = 1024 * 1024;

export const defaultLimits: PackageLimits = {
  maxTotalBytes: 4 * 1024 * MiB,
  maxEntries: 20_000,
  maxCompressionRatio: 200,
  ratioMinBytes: 1 * MiB,
  maxPackageCompressionRatio: 100,
  packageRatioMinBytes: 64 * MiB,
  maxManifestBytes: 16 * MiB,
  maxInspectBytes: 256 * MiB,
  maxHeldBytes: 16 * MiB,
};

export function resolveLimits(overrides: Partial<PackageLimits> | undefined): PackageLimits {
  return { ...defaultLimits, ...overrides };
}

/** Whether `unpacked` bytes declared for a zip of `zipBytes` exceed the whole-package ratio. */
export function tooCompressedPackage(unpacked: number, zipBytes: number, limits: PackageLimits): boolean {
  return unpacked > limits.packageRatioMinBytes && unpacked > limits.maxPackageCompressionRatio * zipBytes;
}
