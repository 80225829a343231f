/**
 * Carry-over (沿用): when an alliance's corrected package (补正) arrives as a new version, each
 * expert's decisions on the claims that did not change are copied onto the new version for the
 * expert to confirm (待确认), and the claims that changed are reopened (材料已补正).
 *
 * - unchanged claim: the criterion's claim is the same JSON value in both versions (every
 *   field, the order of list items, every evidence reference with its `#page=`), and every file
 *   it references has the same content hash (sha256) in both. A claim present in only one of
 *   the versions has changed; one claimed in neither (a judged criterion the alliance did not
 *   self-score, which the expert scores all the same) has not. Anything else (a different page, a replaced file with the same
 *   name, an added item) reopens the whole criterion: an item's decision may rest on the file
 *   beside it, so nothing of a changed criterion is kept.
 * - carried: decisions (all items of an unchanged criterion), the comment, and the written
 *   explanations of unchanged criteria. An indicator's override is not carried: it replaced a
 *   computed score that the new version may change, so the expert sets it again if still meant.
 *   A recusal is per alliance and needs no carrying.
 * Runs inside the transaction that stores the new version, on every laptop that stores it (the
 * clerk's import, a meeting file on an expert's laptop), so the same rule gives the same result.
 */
import type { Database } from 'better-sqlite3';
import { parseEvidenceReference } from '../../shared/package/evidence-reference.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every file path a claim's `evidence` lists name, at any depth (the claim's own and its items'). */
function evidencePaths(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) evidencePaths(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'evidence' && Array.isArray(v)) {
        for (const ref of v) if (typeof ref === 'string') into.add(parseEvidenceReference(ref).path);
      } else {
        evidencePaths(v, into);
      }
    }
  }
  return into;
}

interface Version {
  readonly claims: Map<string, unknown>;
  readonly files: Map<string, string>;
}

function readVersion(db: Database, packageId: number): Version {
  const claims = new Map(
    db
      .prepare<[number], { criterion_id: string; claim_json: string }>('SELECT criterion_id, claim_json FROM claim WHERE package_id = ?')
      .all(packageId)
      .map((r) => [r.criterion_id, JSON.parse(r.claim_json) as unknown] as const),
  );
  const files = new Map(
    db
      .prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM package_file WHERE package_id = ?')
      .all(packageId)
      .map((r) => [r.path, r.sha256] as const),
  );
  return { claims, files };
}

/** The criteria whose claim is the same in both versions, by the rule above. */
export function unchangedCriteria(db: Database, fromPackageId: number, toPackageId: number): { unchanged: Set<string>; changed: Set<string> } {
  const from = readVersion(db, fromPackageId);
  const to = readVersion(db, toPackageId);
  const unchanged = new Set<string>();
  const changed = new Set<string>();
  for (const id of new Set([...from.claims.keys(), ...to.claims.keys()])) {
    const a = from.claims.get(id);
    const b = to.claims.get(id);
    const same =
      a !== undefined &&
      b !== undefined &&
      canonical(a) === canonical(b) &&
      [...evidencePaths(a)].every((path) => from.files.get(path) !== undefined && from.files.get(path) === to.files.get(path));
    (same ? unchanged : changed).add(id);
  }
  return { unchanged, changed };
}

/**
 * Carries every expert's work from `fromPackageId` onto the new version `toPackageId` and
 * records the reopened criteria. Safe to repeat: a row already there is left as it is.
 */
export function carryOverWork(db: Database, fromPackageId: number, toPackageId: number, at: string): void {
  const { changed } = unchangedCriteria(db, fromPackageId, toPackageId);
  const amend = db.prepare('INSERT OR IGNORE INTO amended_claim (package_id, criterion_id, from_package_id) VALUES (?, ?, ?)');
  for (const criterionId of changed) amend.run(toPackageId, criterionId, fromPackageId);

  const decisions = db
    .prepare<[number], { expert_id: number; criterion_id: string; item_id: string; accept: number | null; reason: string | null; value: string | null }>(
      'SELECT expert_id, criterion_id, item_id, accept, reason, value FROM decision WHERE package_id = ?',
    )
    .all(fromPackageId)
    // A criterion claimed in neither version (a judged one is scored all the same) is unchanged too.
    .filter((d) => !changed.has(d.criterion_id));
  const copy = db.prepare(
    `INSERT OR IGNORE INTO decision (expert_id, package_id, criterion_id, item_id, accept, reason, value, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const mark = db.prepare(
    `INSERT OR IGNORE INTO carried_decision (expert_id, package_id, criterion_id, item_id, from_package_id, carried_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const d of decisions) {
    if (copy.run(d.expert_id, toPackageId, d.criterion_id, d.item_id, d.accept, d.reason, d.value, at).changes === 1) {
      mark.run(d.expert_id, toPackageId, d.criterion_id, d.item_id, fromPackageId, at);
    }
  }
  db.prepare(
    `INSERT OR IGNORE INTO review_comment (expert_id, package_id, comment, updated_at)
     SELECT expert_id, ?, comment, ? FROM review_comment WHERE package_id = ?`,
  ).run(toPackageId, at, fromPackageId);
  const explanations = db
    .prepare<[number], { expert_id: number; criterion_id: string; explanation: string }>(
      'SELECT expert_id, criterion_id, explanation FROM review_explanation WHERE package_id = ?',
    )
    .all(fromPackageId)
    .filter((e) => !changed.has(e.criterion_id));
  const explain = db.prepare(
    'INSERT OR IGNORE INTO review_explanation (expert_id, package_id, criterion_id, explanation, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const e of explanations) explain.run(e.expert_id, toPackageId, e.criterion_id, e.explanation, at);
}

/** Carried decisions of one review still waiting for the expert (待确认), as decision keys' parts. */
export function pendingCarried(db: Database, expertId: number, packageId: number): { criterionId: string; itemId: string | null }[] {
  return db
    .prepare<[number, number], { criterion_id: string; item_id: string }>(
      'SELECT criterion_id, item_id FROM carried_decision WHERE expert_id = ? AND package_id = ? AND confirmed_at IS NULL ORDER BY criterion_id, item_id',
    )
    .all(expertId, packageId)
    .map((r) => ({ criterionId: r.criterion_id, itemId: r.item_id === '' ? null : r.item_id }));
}

/** The criteria of a version whose claim changed from the version before (材料已补正). */
export function amendedCriteria(db: Database, packageId: number): string[] {
  return db.prepare<[number], string>('SELECT criterion_id FROM amended_claim WHERE package_id = ? ORDER BY criterion_id').pluck().all(packageId);
}

/** The expert confirms every carried decision of this review at once; returns how many. */
export function confirmCarried(db: Database, expertId: number, packageId: number, at: string): number {
  return db.prepare('UPDATE carried_decision SET confirmed_at = ? WHERE expert_id = ? AND package_id = ? AND confirmed_at IS NULL').run(at, expertId, packageId).changes;
}

/** A decision the expert set anew is theirs, no longer a carried one. */
export function dropCarried(db: Database, expertId: number, packageId: number, criterionId: string, itemId: string | null): void {
  db.prepare('DELETE FROM carried_decision WHERE expert_id = ? AND package_id = ? AND criterion_id = ? AND item_id = ?').run(
    expertId,
    packageId,
    criterionId,
    itemId ?? '',
  );
}
