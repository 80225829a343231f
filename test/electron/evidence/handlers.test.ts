import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import { createContext } from '../../../electron/app/context.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { writeDocx, writeXlsx } from '../../helpers/office-files.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';

const tempDir = useTempDir('evidence-');
/** The start of an MP4 (a box size, then `ftyp`): not text, so no previewer takes it. */
const VIDEO = '\0\0\0\x18ftypmp42';

/** A package whose evidence is a Word file, an Excel file and a shortcut, imported into `ctx`. */
async function officePackage(ctx: ServiceContext): Promise<number> {
  const root = tempDir();
  const manifest = packageManifest({
    claims: {
      'I1.office': { claimed: true, evidence: ['说明.docx', '清单.xlsx', '打开我.lnk', '会议录像.mp4'] },
    },
    selfReport: '说明.docx',
  });
  packageFiles([['manifest.json', JSON.stringify(manifest)], ['打开我.lnk', 'L\0\0\0'], ['会议录像.mp4', VIDEO]]).writeFolder(root);
  await writeDocx(join(root, '说明.docx'), [
    { heading: '联盟办公室设置说明' },
    { paragraph: '联盟于 2026 年 3 月设立专门办公室。<script>alert(1)</script>' },
    { table: [['姓名', '岗位'], ['张三', '专职秘书']] },
  ]);
  await writeXlsx(join(root, '清单.xlsx'), { 合同清单: [['编号', '合同名称', '金额（万元）'], ['tc-1', '语音识别技术许可合同', 120]] });
  const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId });
  const id = packageImportReports(status)[0]?.packageId;
  if (id === null || id === undefined) throw new Error(JSON.stringify(status.results));
  return id;
}

describe('evidence previews', () => {
  it('reads a Word file as text blocks: headings, paragraphs (markup stays text) and tables', async () => {
    const ctx = testContext(tempDir());
    const packageId = await officePackage(ctx);
    const preview = await call(ctx, 'evidence-preview', { packageId, path: '说明.docx' });
    const cell = (text: string) => ({ blocks: [{ type: 'paragraph', text, heading: null }], colSpan: 1, rowSpan: 1 });
    expect(preview).toEqual({
      kind: 'document',
      format: 'docx',
      header: [],
      footer: [],
      notes: [],
      notice: null,
      truncated: false,
      body: [
        { type: 'paragraph', text: '联盟办公室设置说明', heading: 1 },
        { type: 'paragraph', text: '联盟于 2026 年 3 月设立专门办公室。<script>alert(1)</script>', heading: null },
        { type: 'table', rows: [[cell('姓名'), cell('岗位')], [cell('张三'), cell('专职秘书')]] },
      ],
    });
  });

  it('reads an Excel file as a grid of cell texts', async () => {
    const ctx = testContext(tempDir());
    const packageId = await officePackage(ctx);
    const preview = await call(ctx, 'evidence-preview', { packageId, path: '清单.xlsx' });
    expect(preview).toEqual({
      kind: 'spreadsheet',
      format: 'xlsx',
      notice: null,
      sheets: [
        {
          name: '合同清单',
          hidden: false,
          truncated: null,
          rows: [['编号', '合同名称', '金额（万元）'], ['tc-1', '语音识别技术许可合同', '120']],
          cellKinds: ['ttt', 'ttn'],
          merges: [],
          columnLabels: ['A', 'B', 'C'],
          rowLabels: [1, 2],
        },
      ],
    });
  });

  it('refuses a path the package does not have, and kinds it cannot preview', async () => {
    const ctx = testContext(tempDir());
    const packageId = await officePackage(ctx);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '../alliance-review.sqlite' })).rejects.toThrow(/^evidence-not-found/);
    await expect(call(ctx, 'evidence-preview', { packageId, path: '会议录像.mp4' })).rejects.toThrow(/^no-preview/);
  });
});

describe('opening evidence with the system viewer', () => {
  it('is not available in the browser shell', async () => {
    const ctx = testContext(tempDir());
    const packageId = await officePackage(ctx);
    await expect(call(ctx, 'evidence-open', { packageId, path: '会议录像.mp4' })).rejects.toThrow(/^not-available/);
  });

  it('opens a copy under the file’s own name (read-only), and never a shortcut or program', async () => {
    const opened: string[] = [];
    const ctx = createContext({
      dataDir: tempDir(),
      shell: 'desktop',
      version: 'test',
      openPath: (path) => {
        opened.push(path);
        return Promise.resolve();
      },
    });
    const packageId = await officePackage(ctx);
    await call(ctx, 'evidence-open', { packageId, path: '会议录像.mp4' });
    expect(opened).toHaveLength(1);
    const copy = opened[0]!;
    expect(copy.endsWith(join('open', copy.split(/[/\\]/).at(-2)!, '会议录像.mp4'))).toBe(true);
    expect(readFileSync(copy, 'latin1')).toBe(VIDEO);
    expect(statSync(copy).mode & 0o222).toBe(0);
    await expect(call(ctx, 'evidence-open', { packageId, path: '打开我.lnk' })).rejects.toThrow(/^unsafe-file-type/);
    expect(opened).toHaveLength(1);
    expect(existsSync(join(ctx.dataDir, 'open'))).toBe(true);
  });
});
