/**
 * The store side of evidence views (shared/api/evidence-view-types.ts): an expert's rotation of a
 * file, by content hash. A file never turned reads as 0°.
 */
import type { Database } from 'better-sqlite3';
import type { EvidenceView, Rotation } from '../../shared/api/evidence-view-types.ts';
import { expertById } from '../experts/expert-store.ts';

export function evidenceView(db: Database, expertId: number, sha256: string): EvidenceView {
  expertById(db, expertId);
  const rotation = db
    .prepare<[number, string], number>('SELECT rotation FROM evidence_view WHERE expert_id = ? AND sha256 = ?')
    .pluck()
    .get(expertId, sha256);
  return { rotation: (rotation ?? 0) as Rotation };
}

export function setEvidenceView(db: Database, expertId: number, sha256: string, view: EvidenceView, at: Date): EvidenceView {
  expertById(db, expertId);
  db.prepare(
    `INSERT INTO evidence_view (expert_id, sha256, rotation, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (expert_id, sha256) DO UPDATE SET rotation = excluded.rotation, updated_at = excluded.updated_at`,
  ).run(expertId, sha256, view.rotation, at.toISOString());
  return evidenceView(db, expertId, sha256);
}
