/** The OCR tables through ocr-store.ts on a real in-memory store at the current schema. */
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/db/migrations/index.ts';
import {
  ocrPageTexts,
  packageOcrProgress,
  queueOcrFiles,
  saveOcrPage,
  setOcrPageCount,
  storeOcrFiles,
  storedOcrFiles,
} from '../../../electron/ocr/ocr-store.ts';
import { databaseAt } from '../../helpers/migrate-to.ts';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const now = new Date('2027-01-20T01:30:00Z');
const line = (text: string) => ({ text, box: [0.1, 0.2, 0.5, 0.25] as const });

function store() {
  const db = databaseAt(migrations.length);
  for (const sha of [a, b]) db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 1, 'application/pdf', 't')").run(sha);
  db.prepare(
    "INSERT INTO package (id, digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json, self_report_path, self_total, self_grade, source_name, source_kind, imported_at) VALUES (1, ?, 'HFA-001', '联盟', 'general', 2026, 'hefei-2017', 1, '{}', 'r.pdf', '0', 'fail', 'p', 'zip', 't')",
  ).run('c'.repeat(64));
  for (const [path, sha] of [['扫描.pdf', a], ['照片.jpg', b]] as const) {
    db.prepare('INSERT INTO package_file (package_id, path, sha256, size, named_by_claim) VALUES (1, ?, ?, 1, 1)').run(path, sha);
  }
  return db;
}

describe('ocr-store', () => {
  it('gives only the pages OCR read, in page order, and null for a file it read nothing in', () => {
    const db = store();
    queueOcrFiles(db, [a, b], now);
    setOcrPageCount(db, a, 3);
    saveOcrPage(db, a, { page: 3, source: 'ocr', text: '第三页', lines: [line('第三页')], engine: 'e', refusal: null });
    saveOcrPage(db, a, { page: 1, source: 'text-layer', text: '', lines: [], engine: 'e', refusal: null });
    saveOcrPage(db, a, { page: 2, source: 'refused', text: '', lines: [], engine: 'e', refusal: 'ocr-timeout' });
    expect(ocrPageTexts(db, a)).toEqual([{ page: 3, text: '第三页', lines: [line('第三页')] }]);
    expect(ocrPageTexts(db, b)).toBeNull();
    // Pages done of pages counted per package; the photo is not counted yet.
    expect(packageOcrProgress(db)).toEqual([{ packageId: 1, pagesDone: 3, pagesTotal: 3, filesUncounted: 1 }]);
  });

  it('stores results from another laptop without replacing a page already here', () => {
    const db = store();
    queueOcrFiles(db, [a], now);
    saveOcrPage(db, a, { page: 1, source: 'ocr', text: '本机', lines: [line('本机')], engine: 'e', refusal: null });
    storeOcrFiles(
      db,
      [
        {
          sha256: a,
          pages: 2,
          refusal: null,
          done: [
            { page: 1, source: 'ocr', text: '别处', lines: [line('别处')], engine: 'e', refusal: null },
            { page: 2, source: 'ocr', text: '第二页', lines: [line('第二页')], engine: 'e', refusal: null },
          ],
        },
      ],
      now,
    );
    expect(ocrPageTexts(db, a)?.map((p) => p.text)).toEqual(['本机', '第二页']);
    expect(storedOcrFiles(db, [a, a, b])).toHaveLength(1);
    expect(storedOcrFiles(db, [a])[0]).toMatchObject({ pages: 2, refusal: null });
  });
});
