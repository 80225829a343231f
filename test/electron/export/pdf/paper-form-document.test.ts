/**
 * The blank paper score form: rendered with the shipped fonts, read back with poppler's
 * pdftotext, it says on every page that it is an unsigned draft, names the expert (or leaves a
 * line for the name), and lists for each alliance every row of the double-entry screen
 * (shared/paper/paper-form-rows.ts) in the same order, then the signature line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedFonts } from '../../../../electron/export/fonts/shipped-fonts.ts';
import type { PaperFormInput } from '../../../../electron/export/pdf/paper-form-document.ts';
import { renderPaperForm } from '../../../../electron/export/pdf/paper-form-document.ts';
import { itemClaimText, paperFormRows } from '../../../../shared/paper/paper-form-rows.ts';
import { pdfText } from '../pdf-tools.ts';
import { resultFixture } from '../result-fixture.ts';

const flat = (text: string): string => text.replace(/\s+/g, '');
let dir: string;
let input: PaperFormInput;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paper-form-'));
  const fixture = await resultFixture();
  input = {
    year: 2026,
    meetingName: '2026 年度联盟考核评审会',
    rubric: fixture.rubric,
    alliances: fixture.packages.map((p) => ({ allianceId: p.allianceId, allianceName: p.allianceName, digest: p.digest, claims: p.claims })),
    expert: { id: 'E03', name: '张伟' },
    generatedAt: new Date('2027-01-20T01:00:00Z'),
  };
}, 120_000);

// PAPER_FORM_KEEP=1 keeps the PDFs and prints their folder, to render and look at them (pdftoppm).
afterAll(() => {
  if (process.env.PAPER_FORM_KEEP === undefined) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
});

async function render(form: PaperFormInput, name: string): Promise<{ text: string; pages: string[]; count: number; missing: ReadonlySet<string> }> {
  const pdf = await renderPaperForm(loadShippedFonts(), form);
  const path = join(dir, name);
  writeFileSync(path, pdf.bytes);
  const text = pdfText(path);
  return { text: flat(text), pages: text.split('\f').filter((page) => page.trim() !== '').map(flat), count: pdf.pages, missing: pdf.missing };
}

/** Where each of `parts` is found in `text`, each after the one before; -1 when one is missing or out of order. */
function inOrder(text: string, parts: readonly string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = text.indexOf(flat(part), from);
    if (at >= 0) from = at + flat(part).length;
    return at;
  });
}

describe('the blank paper score form', () => {
  it('marks every page as an unsigned blank draft, with the expert and the page count', async () => {
    const { pages, count, missing } = await render(input, 'form.pdf');
    expect(missing.size).toBe(0);
    expect(pages.length).toBe(count);
    // A title page, then at least one page per alliance.
    expect(count).toBeGreaterThanOrEqual(input.alliances.length + 1);
    pages.forEach((page, i) => {
      expect(page).toContain('空白评分表·未签名草稿');
      expect(page).toContain('专家：张伟（E03）');
      expect(page).toContain(`第${i + 1}页/共${count}页`);
    });
  });

  it('lists every alliance, and in each every row of the entry screen in its order, each alliance on its own page', async () => {
    const { text, pages } = await render(input, 'form-rows.pdf');
    const starts = inOrder(text, input.alliances.map((a) => `${a.allianceName}（${a.allianceId}）`));
    expect(starts.every((at) => at >= 0)).toBe(true);
    input.alliances.forEach((alliance, i) => {
      const section = text.slice(starts[i], starts[i + 1] ?? text.length);
      const rows = paperFormRows(input.rubric, alliance.claims);
      const labels = rows.map((row) => {
        switch (row.kind) {
          case 'indicator':
            return `${row.indicator.id}${row.indicator.label}`;
          case 'flag':
            return row.criterion.label;
          case 'item': {
            const claim = itemClaimText(row.item);
            return `${row.criterion.label}：${row.item.title}${claim === '' ? '' : `（${claim}）`}`;
          }
          case 'judged':
            return `${row.criterion.label}（0–${row.criterion.max}分）`;
        }
      });
      const found = inOrder(section, ['回避', ...labels, '总体意见', '本联盟总分（专家填写）']);
      expect(found.map((at, n) => (at < 0 ? (['回避', ...labels][n] ?? '末尾') : 'ok')).filter((x) => x !== 'ok')).toEqual([]);
      // The alliance starts its own page: its page begins with 第 i / n 个联盟.
      expect(pages.some((page) => page.includes(`第${i + 1}/${input.alliances.length}个联盟${alliance.allianceName}`))).toBe(true);
    });
    // The boxes' headings, and the expert's statement and signature line at the end.
    expect(text).toContain('认定不予认定得分理由');
    expect(inOrder(text, [input.alliances.at(-1)?.allianceName ?? '', '专家声明与签名', '专家签名：', '签字日期：'])).not.toContain(-1);
  });

  it('a form printed for nobody in particular leaves lines for the expert’s name and number', async () => {
    const { text } = await render({ ...input, expert: null }, 'form-blank.pdf');
    expect(text).toContain('专家姓名：____________专家编号：________');
    expect(text).not.toContain('张伟');
  });
});
