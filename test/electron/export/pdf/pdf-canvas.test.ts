import { describe, expect, it } from 'vitest';

import PDFDocument from 'pdfkit';
import { loadShippedFonts } from '../../../../electron/export/fonts/shipped-fonts.ts';
import { breakUnits, PdfCanvas } from '../../../../electron/export/pdf/pdf-canvas.ts';

describe('breakUnits (where a Chinese line may break)', () => {
  it.each([
    ['between any two Han characters', '合肥市', ['合', '肥', '市']],
    ['never inside a Latin word or a number', 'HFA-012 得分 87.33', ['HFA-012', ' ', '得', '分', ' ', '87.33']],
    ['never before closing punctuation', '认定，不认定。', ['认', '定，', '不', '认', '定。']],
    ['never after opening punctuation', '见（附件）', ['见', '（附', '件）']],
    ['keeps quotes and a full stop with the word they enclose', '说“好”。', ['说', '“好”。']],
  ])('%s', (_name, text, units) => {
    expect(breakUnits(text)).toEqual(units);
    expect(breakUnits(text).join('')).toBe(text);
  });
});

describe('facts (a line of facts under a title)', () => {
  it('breaks only between facts, never inside one', () => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4' });
    const canvas = new PdfCanvas(doc, loadShippedFonts());
    canvas.addPage();
    const lines: string[] = [];
    canvas.paragraph = (text: string) => {
      lines.push(text);
    };
    const facts = ['评分细则：合肥市产业技术创新战略联盟考核内容及评分细则（hefei-2017）', '汇总方法：平均分（mean）', '偏离阈值：10 分', '奖励预算：500,000 元', '联盟 12 个，专家 5 位'];
    canvas.facts(facts, { size: 12 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('\u3000\u3000')).toBe(facts.join('\u3000\u3000'));
    for (const line of lines) for (const piece of line.split('\u3000\u3000')) expect(facts).toContain(piece);
    doc.end();
  });
});
