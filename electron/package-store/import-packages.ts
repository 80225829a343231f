/**
 * Importing packages into the store. One package at a time, each read
 * exactly once: while the reader checks a file, its bytes stream into evidence staging;
 * when the whole package is valid the staged files move into the content-addressed store
 * and the package, its files, claims, digest and warnings are recorded in one transaction.
 * A package with errors, or one cancelled half-way, leaves the store exactly as it was.
 *
 * - source: what the clerk handed over: a path (zip or folder) or, in the browser shell, an
 *   upload id.
 * - report: what became of one source (imported / already imported / refused / cancelled),
 *   with every problem found.
 */
import { basename, join } from 'node:path';
import type { FileSource } from '../../shared/api/file-source.ts';
import type { PackageImportReport, PackageProblemView } from '../../shared/api/package-types.ts';
import { formatScore } from '../../shared/decimal/print-score.ts';
import { selfScore } from '../../shared/rubric/self-score.ts';
import type { ServiceContext } from '../app/context.ts';
import { createEvidenceStaging, type EvidenceStaging } from '../evidence/evidence-staging.ts';
import type { JobControl } from '../jobs/jobs.ts';
import { checkPackage } from '../package-reader/check-package.ts';
import { namedPaths } from './named-paths.ts';
import type { PackageProblem } from '../../shared/package/problem.ts';
import { placeInWords } from '../../shared/package/problem-place.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { discardUpload, uploadPath } from './incoming.ts';
import { findPackageByDigest, insertPackage, type NewPackage } from './package-store.ts';
import { sniffFileContentType } from '../evidence/sniff-file.ts';
import type { FileFeatures } from '../../shared/integrity/cross-check.ts';
import { hasStoredFeatures, storeFeatures } from '../integrity/feature-store.ts';
import { importFeatures } from '../integrity/import-features.ts';

interface ResolvedSource {
  readonly path: string;
  readonly name: string;
  readonly uploadId: string | null;
}

interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: { filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number }) => void;
}

function resolveSource(ctx: ServiceContext, source: FileSource): ResolvedSource {
  if ('path' in source) return { path: source.path, name: basename(source.path), uploadId: null };
  return { path: uploadPath(ctx.dataDir, source.uploadId), name: source.name, uploadId: source.uploadId };
}

/**
 * The problems as the clerk reads them, and as the warnings are kept for the experts: a warning
 * in their words (`forReader`), and every problem's place named as they name it (the item, the
 * 自查表 row, the 联盟信息 field), never a manifest path. An error keeps the author's words, which
 * the clerk passes on to the alliance that must fix it, except that the field path it quotes is
 * the place already shown before it, and a library's technical words are left to `validate`.
 */
export function problemsForClerk(problems: readonly PackageProblem[], rubric: Rubric | null = null, claims: unknown = null): PackageProblemView[] {
  return problems.map((p) => {
    const place = placeInWords(p.path, rubric, claims);
    const field = /（(.+)）$/u.exec(p.path)?.[1] ?? p.path;
    const authors = place === p.path ? p.message : p.message.replaceAll(`“${field}”`, '这一项');
    // The zip library's own English words (`validate` prints them) are for whoever repairs the file.
    const message = p.severity === 'warning' ? (p.forReader ?? p.message) : authors.replace(/（技术信息：[^）]*）$/u, '');
    return {
      severity: p.severity,
      code: p.code,
      path: p.path,
      message,
      ...(place === p.path ? {} : { place }),
    };
  });
}

/**
 * What a refused package's declaration says about itself, where it says it in words a report
 * can show (a non-empty text): the clerk reads the refusal under the alliance's name.
 */
function declaredNames(declared: unknown): { allianceId: string | null; allianceName: string | null; claims: unknown } {
  const root = typeof declared === 'object' && declared !== null ? (declared as Record<string, unknown>) : {};
  const alliance = typeof root['alliance'] === 'object' && root['alliance'] !== null ? (root['alliance'] as Record<string, unknown>) : {};
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  return { allianceId: text(alliance['id']), allianceName: text(alliance['name']), claims: root['claims'] ?? null };
}

function report(source: string, outcome: PackageImportReport['outcome'], rest: Partial<PackageImportReport> = {}): PackageImportReport {
  return { type: 'package-import', source, outcome, packageId: null, allianceId: null, allianceName: null, digest: null, version: null, problems: [], ...rest };
}

/**
 * A package that passed every check and whose evidence is staged, not yet in the store. The
 * meeting-file import checks all of a file's packages this way before storing any of them.
 */
export interface CheckedPackage {
  readonly staging: EvidenceStaging;
  readonly input: NewPackage;
  readonly warnings: readonly PackageProblemView[];
  /** The cross-check's features of its files, read as they were inspected, by content hash. */
  readonly features: ReadonlyMap<string, FileFeatures>;
}

export type PackageCheck =
  | { readonly ready: false; readonly report: PackageImportReport }
  | { readonly ready: true; readonly checked: CheckedPackage };

/**
 * Reads and checks one package, staging its evidence; stores nothing. A refused or already
 * imported package comes back as its report (its staging already discarded); a valid new one
 * comes back with its staging, which the caller must `discard` whatever happens next.
 */
export async function checkPackageForStore(ctx: ServiceContext, source: ResolvedSource, options: ImportOptions = {}): Promise<PackageCheck> {
  const staging = createEvidenceStaging(ctx.dataDir);
  let handedOver = false;
  try {
    const features = importFeatures((sha256) => hasStoredFeatures(ctx.db, sha256));
    const checked = await checkPackage(source.path, {
      displayName: source.name,
      openFile: () => staging.sink(),
      inspectFile: features.inspectFile,
      onProgress: options.onProgress,
      signal: options.signal,
      rubricDir: join(ctx.resourcesDir, 'rubrics'),
    });
    const { reading } = checked;
    const declared = declaredNames(checked.declared);
    const problems = problemsForClerk(checked.problems, checked.rubric, checked.manifest?.claims ?? declared.claims);
    if (!checked.valid || checked.manifest === null || checked.rubric === null || reading.digest === null) {
      return {
        ready: false,
        report: report(source.name, 'refused', {
          allianceId: checked.manifest?.alliance.id ?? declared.allianceId,
          allianceName: checked.manifest?.alliance.name ?? declared.allianceName,
          problems,
        }),
      };
    }
    options.signal?.throwIfAborted();
    const { manifest, rubric } = checked;
    const known = findPackageByDigest(ctx.db, reading.digest);
    if (known) {
      return {
        ready: false,
        report: report(source.name, 'already-imported', {
          packageId: known.id,
          allianceId: manifest.alliance.id,
          allianceName: manifest.alliance.name,
          digest: reading.digest,
          version: known.version,
          problems: problems.filter((p) => p.severity === 'warning'),
        }),
      };
    }
    const score = selfScore(rubric, manifest.claims);
    const warnings = problems.filter((p) => p.severity === 'warning');
    const named = namedPaths(manifest);
    const contentTypes = new Map<string, string>();
    for (const file of staging.files) contentTypes.set(file.sha256, await sniffFileContentType(file.stagedPath, file.path));
    const input: NewPackage = {
      digest: reading.digest,
      manifest,
      files: reading.files.map((f) => ({
        path: f.path,
        sha256: f.sha256,
        size: f.size,
        contentType: contentTypes.get(f.sha256) ?? 'application/octet-stream',
        namedByClaim: named.has(f.path),
        detectedType: reading.inspections.get(f.path)?.type ?? null,
        problemCode: reading.inspections.get(f.path)?.problem?.code ?? null,
      })),
      warnings,
      selfTotal: formatScore(score.total),
      selfGrade: score.grade,
      sourceName: source.name,
      sourceKind: reading.kind ?? 'zip',
      importedAt: ctx.now().toISOString(),
    };
    const fileFeatures = await features.done();
    handedOver = true;
    return { ready: true, checked: { staging, input, warnings, features: fileFeatures } };
  } finally {
    if (!handedOver) staging.discard();
  }
}

/**
 * Records a checked package's rows; its evidence must already be moved into the store
 * (`staging.commit()`). Runs inside the caller's transaction when there is one.
 */
export function storeCheckedPackage(ctx: ServiceContext, checked: CheckedPackage): PackageImportReport {
  const { input } = checked;
  // With the package's rows, in its one commit (the features refer to its evidence rows).
  const stored = ctx.db.transaction(() => {
    const row = insertPackage(ctx.db, input);
    storeFeatures(ctx.db, checked.features, input.importedAt);
    return row;
  })();
  return report(input.sourceName, stored.existed ? 'already-imported' : 'imported', {
    packageId: stored.id,
    allianceId: input.manifest.alliance.id,
    allianceName: input.manifest.alliance.name,
    digest: input.digest,
    version: stored.version,
    problems: checked.warnings,
  });
}

/** Imports one package; never throws for a bad package, only for cancellation or a failing disk. */
export async function importPackage(ctx: ServiceContext, source: ResolvedSource, options: ImportOptions = {}): Promise<PackageImportReport> {
  const check = await checkPackageForStore(ctx, source, options);
  if (!check.ready) return check.report;
  const { staging } = check.checked;
  try {
    await staging.commit();
    try {
      return storeCheckedPackage(ctx, check.checked);
    } catch (error) {
      staging.undoCommit();
      throw error;
    }
  } finally {
    staging.discard();
  }
}

/** The job behind `package-import`: every source in turn, with progress over all of them. */
export async function importPackages(
  ctx: ServiceContext,
  sources: readonly FileSource[],
  control: JobControl,
): Promise<PackageImportReport[]> {
  const reports: PackageImportReport[] = [];
  const resolved = sources.map((s) => resolveSource(ctx, s));
  try {
    for (const [index, source] of resolved.entries()) {
      if (control.signal.aborted) {
        reports.push(report(source.name, 'cancelled'));
        continue;
      }
      control.progress({ current: `${source.name}（第 ${index + 1}/${resolved.length} 个）`, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
      try {
        reports.push(
          await importPackage(ctx, source, {
            signal: control.signal,
            onProgress: (p) => control.progress(p),
          }),
        );
      } catch (error) {
        if (!control.signal.aborted) throw error;
        reports.push(report(source.name, 'cancelled'));
      }
      control.partial([...reports]);
    }
    return reports;
  } finally {
    for (const source of resolved) if (source.uploadId) discardUpload(ctx.dataDir, source.uploadId);
  }
}
