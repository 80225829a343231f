/**
 * Review package: an imported package as the scoring needs it: its alliance, the rubric it is
 * scored under, and its claims as the manifest states them.
 *
 * - latest package: the highest version of an alliance's package for a year. Experts score
 *   the latest; an older version is kept in the store but is no longer on anyone's list.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Manifest } from '../../shared/package/manifest.ts';
import type { AllianceKind, Claims, Grade, Rubric } from '../../shared/rubric/types.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { loadRubric } from '../rubrics/load-rubric.ts';

export interface ReviewPackage {
  readonly id: number;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly allianceKind: AllianceKind;
  readonly year: number;
  readonly version: number;
  readonly digest: string;
  readonly rubricId: string;
  readonly selfTotal: string;
  readonly selfGrade: Grade;
  /** No newer version of this alliance's package for the year exists. */
  readonly latest: boolean;
  readonly manifest: Manifest;
  readonly claims: Claims;
  readonly rubric: Rubric;
}

interface PackageRow {
  id: number;
  alliance_id: string;
  alliance_name: string;
  alliance_kind: AllianceKind;
  year: number;
  version: number;
  digest: string;
  rubric_id: string;
  self_total: string;
  self_grade: Grade;
  latest: number;
  manifest_json: string;
}

const packageSelect = `
  SELECT p.id, p.alliance_id, p.alliance_name, p.alliance_kind, p.year, p.version, p.digest, p.rubric_id,
         p.self_total, p.self_grade, p.manifest_json,
         NOT EXISTS (SELECT 1 FROM package n WHERE n.alliance_id = p.alliance_id AND n.year = p.year AND n.version > p.version) AS latest
  FROM package p`;

async function toReviewPackage(ctx: ServiceContext, row: PackageRow): Promise<ReviewPackage> {
  const rubric = await loadRubric(row.rubric_id, join(ctx.resourcesDir, 'rubrics'));
  if (rubric === undefined) {
    throw new AppError('rubric-unknown', `本程序不认识材料包所用的评分细则 ${row.rubric_id}，请安装最新版本。`);
  }
  const manifest = JSON.parse(row.manifest_json) as Manifest;
  return {
    id: row.id,
    allianceId: row.alliance_id,
    allianceName: row.alliance_name,
    allianceKind: row.alliance_kind,
    year: row.year,
    version: row.version,
    digest: row.digest,
    rubricId: row.rubric_id,
    selfTotal: row.self_total,
    selfGrade: row.self_grade,
    latest: row.latest === 1,
    manifest,
    claims: manifest.claims,
    rubric,
  };
}

export async function loadReviewPackage(ctx: ServiceContext, packageId: number): Promise<ReviewPackage> {
  const row = ctx.db.prepare<[number], PackageRow>(`${packageSelect} WHERE p.id = ?`).get(packageId);
  if (!row) throw new AppError('package-not-found', '没有找到这个材料包。');
  return toReviewPackage(ctx, row);
}

/** The latest package of every alliance for `year`, by alliance id. */
export async function latestPackages(ctx: ServiceContext, year: number): Promise<ReviewPackage[]> {
  const rows = ctx.db
    .prepare<[number], PackageRow>(
      `${packageSelect} WHERE p.year = ? AND NOT EXISTS
         (SELECT 1 FROM package n WHERE n.alliance_id = p.alliance_id AND n.year = p.year AND n.version > p.version)
       ORDER BY p.alliance_id`,
    )
    .all(year);
  return Promise.all(rows.map((row) => toReviewPackage(ctx, row)));
}

/** Years that have packages, newest first. */
export function packageYears(db: Database): number[] {
  return db.prepare<[], number>('SELECT DISTINCT year FROM package ORDER BY year DESC').pluck().all();
}
