/**
 * Checked packages from package files (a zip or a folder each), for `alliance-review
 * cross-check`: each package read and checked once (check-package.ts), the features of each of
 * its images and PDFs read from their bytes as they stream past (the reader's sink), once per
 * content hash (`FeatureCache`): a file two packages share is read once.
 *
 * Invalid input, reported as package problems: a package that is not valid, and two packages
 * of one alliance and year (the cross-check could not tell their places apart).
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { CheckedPackage, FileFeatures } from '../../shared/integrity/cross-check.ts';
import type { PackageProblem } from '../../shared/package/problem.ts';
import { checkPackage } from '../package-reader/check-package.ts';
import { signatureType } from '../package-reader/inspect-evidence.ts';
import { resolveLimits } from '../package-reader/limits.ts';
import type { FileSink } from '../package-reader/read-package.ts';
import { featureTypes } from './feature-store.ts';
import { noFeatures, readFileFeatures, withOcrPages, type FeatureCache, type PageTexts } from './file-features.ts';


export interface PackageToCheck {
  readonly path: string;
  readonly earlier: boolean;
}

export type ReadCheckedPackages =
  | { readonly ok: true; readonly packages: readonly CheckedPackage[] }
  | { readonly ok: false; readonly problems: readonly CrossCheckProblem[] };

/** A package's errors, or the cross-check's own (`cross-check-same-alliance-year`), one a line. */
export interface CrossCheckProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export async function readCheckedPackages(
  inputs: readonly PackageToCheck[],
  options: { cache?: FeatureCache; pageTexts?: PageTexts } = {},
): Promise<ReadCheckedPackages> {
  const cache = options.cache ?? new Map<string, FileFeatures>();
  const limits = resolveLimits(undefined);
  const packages: CheckedPackage[] = [];
  const problems: CrossCheckProblem[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const openFile = ({ size }: { path: string; size: number }): FileSink | undefined => {
      if (size > limits.maxInspectBytes) return undefined;
      const chunks: Uint8Array[] = [];
      return {
        write(chunk) {
          chunks.push(chunk);
        },
        async finish(file) {
          if (cache.get(file.sha256) !== undefined) return;
          const bytes = new Uint8Array(Buffer.concat(chunks));
          chunks.length = 0;
          const type = signatureType(bytes.subarray(0, 1024));
          cache.set(file.sha256, type !== null && featureTypes.has(type) ? await readFileFeatures(bytes, type as EvidenceType) : noFeatures);
        },
        abort() {
          chunks.length = 0;
        },
      };
    };
    const check = await checkPackage(input.path, { openFile });
    if (!check.valid || check.manifest === null) {
      problems.push(...check.problems.filter((p: PackageProblem) => p.severity === 'error'));
      continue;
    }
    const { alliance, year, claims, selfReport } = check.manifest;
    const key = `${alliance.id} ${year}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.push({
        code: 'cross-check-same-alliance-year',
        path: check.reading.name,
        message: `“${check.reading.name}”和“${twin}”都是 ${alliance.id} ${year} 年的材料包，一次核查只能有一个。请只保留其中一个（通常是较新的版本）后重试。`,
      });
      continue;
    }
    seen.set(key, check.reading.name);
    const declarations = new Set(['manifest.json', check.reading.workbook?.path]);
    packages.push({
      allianceId: alliance.id,
      year,
      earlier: input.earlier,
      claims,
      selfReport,
      files: check.reading.files
        .filter((f) => !declarations.has(f.path))
        .map((f) => ({ path: f.path, sha256: f.sha256, features: withOcrPages(cache.get(f.sha256) ?? noFeatures, options.pageTexts?.(f.sha256) ?? null) })),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, packages };
}
