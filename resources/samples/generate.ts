/**
 * Generates the sample meeting (resources/samples/2026/): six alliance packages for the 2026
 * assessment under hefei-2017, with real PDFs and images. Deterministic: every date written
 * into a PDF and every zip timestamp is fixed, so re-running gives byte-identical packages and
 * therefore identical digests. Needs poppler's `pdftoppm` (see README.md) for the images.
 *
 *   node resources/samples/generate.ts            # rewrites resources/samples/2026/
 *   node resources/samples/generate.ts --out DIR  # writes elsewhere
 *   node resources/samples/generate.ts --json     # prints what it wrote as JSON (the tests)
 *
 * Prints each package's self-score, for the table in README.md.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { parseRubricOrThrow } from '../../shared/rubric/parse-rubric.ts';
import { GRADE_LABELS } from '../../shared/rubric/grade.ts';
import { selfScore } from '../../shared/rubric/self-score.ts';
import type { Manifest } from '../../shared/package/manifest.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { allSamples, SAMPLE_YEAR } from './generator/all-samples.ts';
import type { Delivery } from './generator/sample-package.ts';
import { makeFiles, writePackage } from './generator/write-package.ts';

export const defaultSamplesDir = join(import.meta.dirname, String(SAMPLE_YEAR));

export function sampleRubric(): Rubric {
  return parseRubricOrThrow(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rubrics', 'hefei-2017.json'), 'utf8')));
}

export interface GeneratedSample {
  /** The zip's or the folder's name in the output folder. */
  readonly written: string;
  readonly delivery: Delivery;
  readonly allianceId: string;
  /** The self-score, exact, as text. */
  readonly total: string;
  readonly grade: string;
  readonly intendedWarnings: readonly string[];
  /** Package paths, in the order they were written. */
  readonly files: readonly string[];
  readonly manifest: Manifest;
}

/** Writes every sample into `outDir`, replacing the samples (`HFA-*`) already there. */
export async function generateSamples(outDir: string): Promise<GeneratedSample[]> {
  const rubric = sampleRubric();
  await mkdir(outDir, { recursive: true });
  for (const entry of await readdir(outDir)) {
    if (entry.startsWith('HFA-')) await rm(join(outDir, entry), { recursive: true, force: true });
  }
  const results: GeneratedSample[] = [];
  for (const sample of allSamples(rubric)) {
    const files = await makeFiles(sample);
    const written = await writePackage(sample, files, outDir);
    const score = selfScore(rubric, sample.manifest.claims);
    results.push({
      written,
      delivery: sample.delivery,
      allianceId: sample.manifest.alliance.id,
      total: score.total.toString(),
      grade: score.grade,
      intendedWarnings: sample.intendedWarnings,
      files: [...files.keys()],
      manifest: sample.manifest,
    });
  }
  return results;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const outDir = at >= 0 && args[at + 1] !== undefined ? resolve(args[at + 1] ?? '') : defaultSamplesDir;
  const results = await generateSamples(outDir);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) process.stdout.write(`${r.written}\t${r.allianceId}\t${r.total}\t${GRADE_LABELS[r.grade as keyof typeof GRADE_LABELS]}\n`);
    process.stdout.write(`已生成 ${results.length} 个样例材料包 → ${outDir}\n`);
  }
}
