import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const sha = (c: string) => c.repeat(64);

describe('0012-package-file-type', () => {
  it('keeps the files of packages imported before, typing those the store sniffed from their bytes', () => {
    const db = emptyDatabase();
    migrateTo(db, 11);
    db.exec(`INSERT INTO package (id, digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json,
               self_report_path, self_total, self_grade, source_name, source_kind, imported_at)
             VALUES (1, '${sha('d')}', 'HFA-001', '联盟', 'general', 2026, 'r', 1, '{}', '自查报告.pdf', '80', 'pass', 'a.zip', 'zip', 't')`);
    const files: [string, string, string][] = [
      ['证明材料/照片.pdf', sha('a'), 'image/jpeg'],
      ['证明材料/合同.jpg', sha('b'), 'application/pdf'],
      ['截图.png', sha('c'), 'image/png'],
      ['动图.gif', sha('e'), 'image/gif'],
      ['图.webp', sha('f'), 'image/webp'],
      // The store's type of these came from the name, not the bytes: not used.
      ['说明.docx', sha('1'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['资料.bin', sha('2'), 'application/octet-stream'],
    ];
    for (const [path, hash, type] of files) {
      db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 1, ?, 't')").run(hash, type);
      db.prepare('INSERT INTO package_file (package_id, path, sha256, size, named_by_claim) VALUES (1, ?, ?, 1, 1)').run(path, hash);
    }
    expect(migrateTo(db, 12)).toEqual({ from: 11, to: 12 });
    expect(db.prepare('SELECT path, detected_type AS type, problem_code AS problem FROM package_file ORDER BY sha256').all()).toEqual([
      { path: '说明.docx', type: null, problem: null },
      { path: '资料.bin', type: null, problem: null },
      { path: '证明材料/照片.pdf', type: 'jpeg', problem: null },
      { path: '证明材料/合同.jpg', type: 'pdf', problem: null },
      { path: '截图.png', type: 'png', problem: null },
      { path: '动图.gif', type: 'gif', problem: null },
      { path: '图.webp', type: 'webp', problem: null },
    ]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'package_file'").pluck().get()).toMatch(/STRICT$/);
  });

  it('takes a type and a problem code as short lowercase words, or nothing', () => {
    const db = databaseAt(12);
    db.exec(`INSERT INTO package (id, digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json,
               self_report_path, self_total, self_grade, source_name, source_kind, imported_at)
             VALUES (1, '${sha('d')}', 'HFA-001', '联盟', 'general', 2026, 'r', 1, '{}', '自查报告.pdf', '80', 'pass', 'a.zip', 'zip', 't')`);
    db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 1, 'image/jpeg', 't')").run(sha('a'));
    const insert = (path: string, type: string | null, problem: string | null) =>
      db
        .prepare('INSERT INTO package_file (package_id, path, sha256, size, named_by_claim, detected_type, problem_code) VALUES (1, ?, ?, 1, 1, ?, ?)')
        .run(path, sha('a'), type, problem);
    insert('a.pdf', 'jpeg', 'extension-mismatch');
    insert('b.jpg', 'jpeg', null);
    insert('c.jpg', null, null);
    expect(() => insert('d.jpg', 'JPEG', null)).toThrow(/CHECK/);
    expect(() => insert('e.jpg', '', null)).toThrow(/CHECK/);
    expect(() => insert('f.jpg', 'jpeg', 'Damaged!')).toThrow(/CHECK/);
    expect(() => insert('g.jpg', 'jpeg; drop', null)).toThrow(/CHECK/);
  });
});
