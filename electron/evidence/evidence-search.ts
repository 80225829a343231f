/**
 * The evidence searches in main: words in one file, words in every file of a package, and
 * 自动定位 (the page an item's fields point to). The text is file-text.ts'; the matching and
 * scoring are shared/evidence/ (pure), so the renderer is sent hits, never a file's text.
 *
 * - type: from the file's content, never its name: a PDF by its signature (cheap, the common
 *   case); another file is inspected (inspect-evidence.ts) only when some text source could
 *   read its kind, and only up to `MAX_INSPECT_BYTES`.
 * - bounds: `MAX_FILE_HITS` hits of one file are sent, `MAX_PACKAGE_HITS` per file in the
 *   package list (with the file's full count), so a word on every line of a 300-page file does
 *   not flood the screen.
 */
import { open, readFile } from 'node:fs/promises';
import type { EvidenceLocation, EvidenceSearch, NoText, PackageSearch, PackageSearchFile } from '../../shared/api/evidence-search-types.ts';
import { locatePage, type ItemFields } from '../../shared/evidence/auto-locate.ts';
import { isPagedType, type EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { findInPages } from '../../shared/evidence/page-text.ts';
import { inspectEvidence } from '../package-reader/inspect-evidence.ts';
import { storedEvidencePath } from './evidence-path.ts';
import { fileText, hasTextSource, pdfTextLayer, type TextContext, type TextFile } from './file-text.ts';
import { packageEvidenceFile } from './package-evidence.ts';

export const MAX_FILE_HITS = 500;
export const MAX_PACKAGE_HITS = 20;
const MAX_INSPECT_BYTES = 30 * 1024 * 1024;

async function head(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's evidence type from its content; 'unknown' when no text source could read it anyway. */
export async function textFileType(file: string, path: string, size: number): Promise<EvidenceType> {
  const first = await head(file, 1024);
  if (new TextDecoder('latin1').decode(first).includes('%PDF-')) return 'pdf';
  if (!hasTextSource() || size > MAX_INSPECT_BYTES) return 'unknown';
  const bytes = new Uint8Array(await readFile(file));
  return (await inspectEvidence({ path, bytes, size })).type;
}

async function packageTextFile(ctx: TextContext, packageId: number, path: string): Promise<TextFile & { readonly path: string }> {
  const evidence = packageEvidenceFile(ctx.db, ctx.dataDir, packageId, path);
  return { path, sha256: evidence.sha256, file: evidence.file, type: await textFileType(evidence.file, path, evidence.size) };
}

export async function searchFile(ctx: TextContext, packageId: number, path: string, query: string): Promise<EvidenceSearch> {
  const file = await packageTextFile(ctx, packageId, path);
  const text = await fileText(ctx, file);
  if (text === null) return { source: null, noText: await noTextReason(ctx, file), hits: [], truncated: false };
  const hits = findInPages(text.pages, query, MAX_FILE_HITS + 1);
  return { source: text.source, hits: hits.slice(0, MAX_FILE_HITS), truncated: hits.length > MAX_FILE_HITS };
}

/** Why `fileText` had nothing for the file. */
async function noTextReason(ctx: TextContext, file: TextFile): Promise<NoText> {
  if (file.type !== 'pdf') return 'scan';
  const layer = await pdfTextLayer(ctx, file);
  return layer.kind === 'ok' ? 'scan' : layer.kind === 'password' ? 'password' : 'unreadable';
}

export async function searchPackage(ctx: TextContext, packageId: number, query: string): Promise<PackageSearch> {
  const rows = ctx.db
    .prepare<[number], { path: string; sha256: string; size: number }>('SELECT path, sha256, size FROM package_file WHERE package_id = ? ORDER BY path')
    .all(packageId);
  const files: PackageSearchFile[] = [];
  const unsearchable: string[] = [];
  for (const row of rows) {
    if (row.path === 'manifest.json') continue;
    const stored = storedEvidencePath(ctx.dataDir, row.sha256);
    const type = stored === null ? 'unknown' : await textFileType(stored, row.path, row.size);
    const text = stored === null || type === 'unknown' ? null : await fileText(ctx, { sha256: row.sha256, file: stored, type });
    if (text === null) {
      unsearchable.push(row.path);
      continue;
    }
    const hits = findInPages(text.pages, query, Number.MAX_SAFE_INTEGER);
    if (hits.length === 0) continue;
    files.push({
      path: row.path,
      paged: isPagedType(type),
      hits: hits.slice(0, MAX_PACKAGE_HITS).map((h) => ({ page: h.page, snippet: h.snippet })),
      total: hits.length,
    });
  }
  return { files, unsearchable };
}

export async function locateInFile(ctx: TextContext, packageId: number, path: string, item: ItemFields): Promise<EvidenceLocation> {
  const file = await packageTextFile(ctx, packageId, path);
  if (!isPagedType(file.type)) return { page: null, found: [] };
  const text = await fileText(ctx, file);
  const located = text === null ? null : locatePage(text.pages, item);
  return located === null ? { page: null, found: [] } : { page: located.page, found: located.found };
}

