import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { claimsOne, claimsTwo, createTestExpert, importPackages } from '../../helpers/expert-work.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { pdfText } from '../export/pdf-tools.ts';

const tempDir = useTempDir('draft-sheet-');
const flat = (text: string): string => text.replace(/\s+/g, '');

describe('打印评分表（未签名草稿）', () => {
  it('writes the scores so far as a PDF marked as an unsigned draft, with what is undecided, and changes nothing', async () => {
    const ctx = testContext(tempDir(), new Date('2027-01-20T01:30:00Z'));
    try {
      const [one, two] = await importPackages(ctx, tempDir(), [
        { allianceId: 'HFA-001', claims: claimsOne },
        { allianceId: 'HFA-002', claims: claimsTwo },
      ]);
      const expert = await createTestExpert(ctx);
      const who = { expertId: expert.id, packageId: one!.packageId };
      await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
      await call(ctx, 'override-set', { ...who, indicatorId: 'I1', override: { score: 1.5, reason: '办公室与联盟共用' } });
      await call(ctx, 'comment-set', { ...who, comment: '材料基本齐全。' });
      await call(ctx, 'recusal-set', { expertId: expert.id, packageId: two!.packageId, reason: '本人任职于牵头单位' });
      const before = await call(ctx, 'expert-workspace', { expertId: expert.id, year: 2026 });

      const folder = tempDir();
      const draft = await call(ctx, 'sheet-draft-pdf', { expertId: expert.id, year: 2026, folder });
      expect(draft.path).toBe(join(folder, 'E01-王明-2026-评分表草稿.pdf'));
      expect(draft.pages).toBeGreaterThanOrEqual(1);
      const text = flat(pdfText(draft.path));
      expect(text).toContain('2026年度专家评分表（未签名草稿）');
      expect(text).toContain('不是签名的评分表');
      expect(text).toContain('专家：王明（E01）');
      expect(text).toContain('打印时间：2027-01-2009:30');
      expect(text).toMatch(/尚有\d+项未判断/u);
      expect(text).toContain('HFA-002');
      expect(text).toContain('回避：本人任职于牵头单位');
      expect(text).toContain('改判I1为1.5分：办公室与联盟共用');
      expect(text).toContain('材料基本齐全。');
      expect(text).toContain('专家签字：');
      // Not a signed document: no signature field, no signature dictionary.
      expect(readFileSync(draft.path).includes('/ByteRange')).toBe(false);
      const pages = spawnSync('pdftoppm', ['-png', '-r', '40', draft.path, join(folder, 'page')], { encoding: 'utf8' });
      expect(pages.status, pages.stderr).toBe(0);
      expect(readdirSync(folder).filter((name) => name.endsWith('.png'))).toHaveLength(draft.pages);

      // Printing again writes the same draft again; the work is neither signed nor locked.
      const again = await call(ctx, 'sheet-draft-pdf', { expertId: expert.id, year: 2026, folder });
      expect(again.path).toBe(draft.path);
      expect(statSync(again.path).size).toBeGreaterThan(0);
      const after = await call(ctx, 'expert-workspace', { expertId: expert.id, year: 2026 });
      expect(after).toEqual(before);
    } finally {
      ctx.close();
    }
  }, 120_000);

  it('refuses a folder that does not exist, naming it', async () => {
    const ctx = testContext(tempDir());
    try {
      await importPackages(ctx, tempDir(), [{ allianceId: 'HFA-001', claims: claimsOne }]);
      const expert = await createTestExpert(ctx);
      await expect(call(ctx, 'sheet-draft-pdf', { expertId: expert.id, year: 2026, folder: '/nonexistent/u盘' })).rejects.toThrow('找不到文件夹 /nonexistent/u盘');
    } finally {
      ctx.close();
    }
  });
});
