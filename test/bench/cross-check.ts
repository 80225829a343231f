/**
 * Bench section: the evidence cross-check (docs/cross-check.md) of the 200-package bench set
 * and of 200 packages with real photos and text PDFs (cross-check-packages.ts), each next to
 * the import of the same packages in the same run (target: under half of it; the import reads
 * each file's features as it stores it, so the check only compares), and the cost of checking
 * again after adding one package, next to the import of that package (target: about one
 * package, not all of them: no more than its import).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchPackage } from './generate-packages.ts';
import { crossCheckPackages } from './cross-check-packages.ts';

export interface CrossCheckRow {
  readonly measure: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean | null;
}

interface WorkerResult {
  readonly importMs: number;
  readonly checkMs: number;
  readonly addImportMs: number;
  readonly addCheckMs: number;
  readonly findings: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function measure(label: string, packages: readonly BenchPackage[], dataRoot: string, runJson: <T>(args: readonly string[]) => Promise<T>): Promise<CrossCheckRow[]> {
  const dataDir = join(dataRoot, 'store-cross-check');
  rmSync(dataDir, { recursive: true, force: true });
  const r = await runJson<WorkerResult>(['test/bench/cross-check-worker.ts', dataDir, ...packages.map((p) => p.path)]);
  rmSync(dataDir, { recursive: true, force: true });
  const n = packages.length - 1;
  return [
    {
      measure: `cross-check ${n} packages, ${label} (features read at import)`,
      value: `${seconds(r.checkMs)} (${r.findings} findings with one more)`,
      reference: `import ${seconds(r.importMs)} (${(r.importMs / n).toFixed(0)} ms a package)`,
      ratio: `${(r.checkMs / r.importMs).toFixed(2)}×`,
      target: '< 0.5× import',
      met: r.checkMs < 0.5 * r.importMs,
    },
    {
      measure: `cross-check again after adding one package, ${label}`,
      value: seconds(r.addCheckMs),
      reference: `import of that one package ${seconds(r.addImportMs)}; first check ${seconds(r.checkMs)}`,
      ratio: `${(r.addCheckMs / r.addImportMs).toFixed(2)}× its import`,
      target: '≈ one package (≤ 1× its import)',
      met: r.addCheckMs <= r.addImportMs,
    },
  ];
}

export async function crossCheckSection(
  packages: readonly BenchPackage[],
  dataRoot: string,
  runJson: <T>(args: readonly string[]) => Promise<T>,
): Promise<CrossCheckRow[]> {
  process.stderr.write('cross-check …\n');
  const real = await crossCheckPackages(join(dataRoot, 'cross-check-packages'), packages.length);
  return [...(await measure('bench set', packages, dataRoot, runJson)), ...(await measure('real photos and PDFs', real, dataRoot, runJson))];
}
