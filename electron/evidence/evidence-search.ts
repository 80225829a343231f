/**
 * The evidence searches in main: words in one file, words in every file of a package, and
 * 自动定位 (the page an item's fields point to). The text is file-text.ts'; the matching and
 * scoring are shared/evidence/ (pure), so the renderer is sent hits, never a file's text.
 *
 * - type: from the file's content, never its name: a PDF by its signature (cheap, the common
 *   case); another file is inspected (inspect-evidence.ts) only when some text source could
 *   read its kind, and only up to `MAX_INSPECT_BYTES`.
 * - zip members: a file of a zip inside the package is searched by its path `<zip>/<member>`
 *   (read from the stored zip, kept by its own hash); in the package list, a zip's scans are
 *   searched in its place once the OCR queue has listed them (zip/zip-scan-members.ts).
 * - bounds: `MAX_FILE_HITS` hits of one file are sent, `MAX_PACKAGE_HITS` per file in the
 *   package list (with the file's full count), so a word on every line of a 300-page file does
 *   not flood the screen.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import type { EvidenceLocation, EvidenceSearch, NoText, PackageSearch, PackageSearchFile } from '../../shared/api/evidence-search-types.ts';
import { locatePage, type ItemFields } from '../../shared/evidence/auto-locate.ts';
import { isPagedType, type EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { findInPages } from '../../shared/evidence/page-text.ts';
import { inspectEvidence } from '../package-reader/inspect-evidence.ts';
import { storedEvidencePath } from './evidence-path.ts';
import { fileText, hasTextSource, pdfTextLayer, type TextContext, type TextFile } from './file-text.ts';
import { AppError } from '../errors/app-error.ts';
import { packageEvidenceFile } from './package-evidence.ts';
import { maxPreviewBytes } from './previewers.ts';
import { zipMemberBytes } from './zip/zip-in-package.ts';
import { storeZipMember, storedZipMember } from './zip/zip-member-file.ts';
import { listedZipScanMembers } from './zip/zip-scan-members.ts';

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
  let evidence;
  try {
    evidence = packageEvidenceFile(ctx.db, ctx.dataDir, packageId, path);
  } catch (error) {
    // Not a file of the package: it may name a member of a zip inside it (`<zip>/<member>`),
    // searched from where the store keeps the member's bytes.
    if (!(error instanceof AppError) || error.code !== 'evidence-not-found') throw error;
    const member = await zipMemberBytes(ctx.db, ctx.dataDir, packageId, path, maxPreviewBytes);
    if (member === null) throw error;
    const sha256 = createHash('sha256').update(member.bytes).digest('hex');
    // The inspection hands a PDF's bytes to pdf.js, which takes them: it gets a copy.
    const { type } = await inspectEvidence({ path, bytes: member.bytes.slice(), size: member.bytes.length });
    return { path, sha256, type, file: await storeZipMember(ctx.dataDir, sha256, type, member.bytes) };
  }
  return { path, sha256: evidence.sha256, file: evidence.file, type: await textFileType(evidence.file, path, evidence.size) };
}

export async function searchFile(ctx: TextContext, packageId: number, path: string, query: string): Promise<EvidenceSearch> {
  const file = await packageTextFile(ctx, packageId, path);
  const text = await fileText(ctx, file);
  if (text === null) return { source: null, noText: await noTextReason(ctx, file), hits: [], truncated: false };
  const hits = findInPages(text.pages, query, MAX_FILE_HITS + 1);
  return { source: text.source, ...(text.ocrPages?.length ? { ocrPages: text.ocrPages } : {}), hits: hits.slice(0, MAX_FILE_HITS), truncated: hits.length > MAX_FILE_HITS };
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
    // A zip's scans are searched as files of their own, once the OCR queue has listed them.
    const members = listedZipScanMembers(ctx.dataDir, row.sha256).flatMap((m) => {
      const file = storedZipMember(ctx.dataDir, m.sha256);
      return file === null ? [] : [{ path: `${row.path}/${m.path}`, file: { sha256: m.sha256, file, type: m.type } }];
    });
    if (members.length > 0) {
      for (const member of members) await searchOne(member.path, member.file);
      continue;
    }
    const type = stored === null ? 'unknown' : await textFileType(stored, row.path, row.size);
    await searchOne(row.path, stored === null || type === 'unknown' ? null : { sha256: row.sha256, file: stored, type });
  }
  return { files, unsearchable };

  async function searchOne(path: string, file: TextFile | null): Promise<void> {
    const text = file === null ? null : await fileText(ctx, file);
    if (file === null || text === null) {
      unsearchable.push(path);
      return;
    }
    const hits = findInPages(text.pages, query, Number.MAX_SAFE_INTEGER);
    if (hits.length === 0) return;
    files.push({
      path,
      paged: isPagedType(file.type),
      hits: hits.slice(0, MAX_PACKAGE_HITS).map((h) => ({ page: h.page, snippet: h.snippet })),
      total: hits.length,
    });
  }
}

export async function locateInFile(ctx: TextContext, packageId: number, path: string, item: ItemFields): Promise<EvidenceLocation> {
  const file = await packageTextFile(ctx, packageId, path);
  if (!isPagedType(file.type)) return { page: null, found: [] };
  const text = await fileText(ctx, file);
  const located = text === null ? null : locatePage(text.pages, item);
  return located === null ? { page: null, found: [] } : { page: located.page, found: located.found };
}

