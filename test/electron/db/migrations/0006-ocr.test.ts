import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const sha = 'ab'.repeat(32);

describe('0006-ocr', () => {
  it('migrates a version-5 store, keeping its evidence, and adds strict ocr_file and ocr_page tables', () => {
    const db = emptyDatabase();
    migrateTo(db, 5);
    db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 1, 'application/pdf', 't')").run(sha);
    expect(migrateTo(db, 6)).toEqual({ from: 5, to: 6 });
    expect(db.prepare('SELECT sha256 FROM evidence_file').pluck().all()).toEqual([sha]);
    for (const table of ['ocr_file', 'ocr_page']) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  it('keeps one row per page of a queued file, a refusal reason exactly on refused pages', () => {
    const db = databaseAt(6);
    const page = (n: number, source: string, refusal: string | null, hash = sha) =>
      db.prepare("INSERT INTO ocr_page (sha256, page, source, text, lines_json, engine, refusal) VALUES (?, ?, ?, '', '[]', 'e', ?)").run(hash, n, source, refusal);
    db.prepare("INSERT INTO ocr_file (sha256, pages, refusal, queued_at) VALUES (?, NULL, NULL, 't')").run(sha);
    page(1, 'ocr', null);
    page(2, 'refused', 'ocr-timeout');
    expect(() => page(1, 'ocr', null)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => page(3, 'refused', null)).toThrow(/CHECK/);
    expect(() => page(3, 'ocr', 'ocr-timeout')).toThrow(/CHECK/);
    expect(() => page(0, 'ocr', null)).toThrow(/CHECK/);
    expect(() => page(3, 'guessed', null)).toThrow(/CHECK/);
    expect(() => page(1, 'ocr', null, 'cd'.repeat(32))).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO ocr_file (sha256, pages, refusal, queued_at) VALUES ('AB', NULL, NULL, 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO ocr_file (sha256, pages, refusal, queued_at) VALUES (?, -1, NULL, 't')").run('cd'.repeat(32))).toThrow(/CHECK/);
  });
});
