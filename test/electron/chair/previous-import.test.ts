/**
 * The console's import of last year's grades (previous-result-import), on a real store with
 * the 2026 chair meeting of test/helpers/chair-meeting.ts and its real signed sheets: each
 * form of file (test/fixtures/previous/) is stored, shown with what it was read as and which
 * year it was taken as, and gives HFA-006 取消市级联盟资格, with the same result bytes as
 * `merge --previous` on the same file (electron/sheets/merge-files.ts, the CLI's own function).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFiles } from '../../../electron/sheets/merge-files.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, previousResultText, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'previous');
const tempDir = useTempDir('previous-import-');
const CHAIR = '主任 孙立';

async function meetingWithSheets() {
  const meeting = await writeChairMeeting(tempDir());
  const ctx = testContext(tempDir());
  const meetingId = await prepareChairMeeting(ctx, meeting);
  await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.map((path) => ({ path })) });
  for (const key of (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
  return { meeting, ctx, meetingId };
}

describe('importing last year’s grades in the console', () => {
  it('takes every form of list and result, says what each was read as and which year, and merges as the CLI does', async () => {
    const { meeting, ctx, meetingId } = await meetingWithSheets();
    const cases = [
      { file: 'list-openpyxl.xlsx', kind: 'list', reading: 'Excel 工作簿；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计' },
      { file: 'list-libreoffice.xlsx', kind: 'list', reading: 'Excel 工作簿；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计' },
      { file: 'list-utf8.csv', kind: 'list', reading: 'CSV，UTF-8 编码；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计' },
      { file: 'list-utf8-bom.csv', kind: 'list', reading: 'CSV，UTF-8（带 BOM）编码；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计' },
      { file: 'list-gbk.csv', kind: 'list', reading: 'CSV，GBK 编码；名单本身不写年度，按本会议的上一年度即 2025 年度的考核等级计' },
      { file: 'result-future.json', kind: 'result', reading: null },
    ] as const;
    for (const { file, kind, reading } of cases) {
      const path = join(meeting.dir, file);
      copyFileSync(join(fixtures, file), path);
      const view = await call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path } });
      expect({ file, year: view.year, kind: view.kind, reading: view.reading, count: view.allianceCount, failed: view.failed }).toEqual({
        file,
        year: 2025,
        kind,
        reading,
        count: 6,
        failed: ['HFA-006'],
      });
      const panel = await call(ctx, 'panel-view', { meetingId });
      expect(panel.previous?.sourceName).toBe(file);
      expect(panel.result?.alliances.find((a) => a.allianceId === 'HFA-006')?.consequence).toBe('disqualify');
      const cli = await mergeFiles({
        cwd: meeting.dir,
        packages: meeting.packages.map((p) => p.path),
        sheets: meeting.sheets,
        method: meeting.settings.method,
        deviationThreshold: meeting.settings.deviationThreshold,
        budgetYuan: meeting.settings.budgetYuan,
        previous: file,
      });
      if (!cli.ok) throw new Error(JSON.stringify(cli.problems));
      expect(panel.result === null ? null : resultText(panel.result)).toBe(resultText(cli.result));
    }
    // The audit log names each import with what the file was.
    const audit = await call(ctx, 'audit-log', { meetingId });
    const imports = audit.entries.filter((e) => e.action === 'previous-import').map((e) => (JSON.parse(e.detail) as { file: string; kind: string }));
    expect(new Map(imports.map((d) => [d.file, d.kind]))).toEqual(
      new Map([
        ['list-openpyxl.xlsx', 'xlsx'],
        ['list-libreoffice.xlsx', 'xlsx'],
        ['list-utf8.csv', 'csv-utf-8'],
        ['list-utf8-bom.csv', 'csv-utf-8-bom'],
        ['list-gbk.csv', 'csv-gbk'],
        ['result-future.json', 'result'],
      ]),
    );
    ctx.close();
  }, 120_000);

  it('refuses a list naming an unknown grade or an alliance twice, with the rows named, and a result of another year', async () => {
    const { meeting, ctx, meetingId } = await meetingWithSheets();
    await expect(call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: join(fixtures, 'bad-grade.csv') } })).rejects.toThrow(
      'bad-grade.csv 不能作为上一年度结果导入：第 4 行：联盟 HFA-003 的考核等级“良好”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格；第 6 行：联盟 HFA-005 的考核等级为空；请改为 优秀、合格 或 不合格。请改正后重新导入。',
    );
    await expect(call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: join(fixtures, 'duplicate.xlsx') } })).rejects.toThrow(
      '第 6 行：联盟 HFA-002 重复，已在第 4 行出现',
    );
    const old = join(meeting.dir, '2024-result.json');
    writeFileSync(old, previousResultText(2024, 'HFA-006'));
    await expect(call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: old } })).rejects.toThrow(
      '2024-result.json 是 2024 年度的结果；本会议是 2026 年度，应导入 2025 年度的结果。',
    );
    expect((await call(ctx, 'panel-view', { meetingId })).previous).toBeNull();
    ctx.close();
  }, 120_000);
});
