import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText, textEncoding, textPreview } from '../../../../electron/evidence/text/plain-text.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'evidence');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

// What the files say, as `iconv -f <encoding> -t UTF-8` reads them (make-fixtures.sh wrote them from it).
const lines = ['技术合同登记证明', '合同编号：2026-001', '成交金额：￥12,345.68', '登记机构：合肥市科学技术局'];

describe('plain text in the encodings Chinese offices write', () => {
  it.each([
    ['zip-text/note-utf8.txt', 'utf-8'],
    ['zip-text/note-utf8-bom.txt', 'utf-8'],
    ['zip-text/note-utf16le.txt', 'utf-16le'],
    ['zip-text/note-utf16be.txt', 'utf-16be'],
    ['zip-text/note-gbk.txt', 'gb18030'],
  ] as const)('%s is read as %s, its lines without the byte-order mark or CR', (name, encoding) => {
    const preview = textPreview(fixture(name));
    expect(preview).toEqual({ kind: 'text', encoding, lines, truncated: false, notice: null });
    expect(plainText(fixture(name))).toBe(lines.map((l) => `${l}\r\n`).join(''));
  });

  it('reads the GB18030 fixture of the inspection tests (the Notepad “ANSI” of Chinese Windows)', () => {
    expect(textPreview(fixture('note-gbk.txt')).lines).toEqual(['技术合同登记证明', '合同编号：2026-001']);
    expect(textEncoding(fixture('note-gbk.txt')).encoding).toBe('gb18030');
  });

  it('takes pure ASCII for UTF-8, and one invalid UTF-8 sequence for GBK', () => {
    expect(textEncoding(new TextEncoder().encode('Contract 2026-001')).encoding).toBe('utf-8');
    // 中 in GBK is D6 D0: not UTF-8.
    expect(textEncoding(new Uint8Array([0x41, 0xd6, 0xd0])).encoding).toBe('gb18030');
    expect(plainText(new Uint8Array([0x41, 0xd6, 0xd0]))).toBe('A中');
  });

  it('a UTF-8 character cut by the bound is not taken for GBK and not shown as �', () => {
    const bytes = new TextEncoder().encode('合同'.repeat(10));
    const preview = textPreview(bytes, { maxBytes: 7, maxLines: 100 });
    expect(preview.encoding).toBe('utf-8');
    expect(preview.lines).toEqual(['合同']);
    expect(preview.truncated).toBe(true);
    expect(preview.notice).toBe('文件较长，只显示了前 1 行。要看全文，请用系统程序打开。');
  });

  it('shows at most the line bound, and says so', () => {
    const bytes = new TextEncoder().encode(Array.from({ length: 12 }, (_, i) => `第${i + 1}行`).join('\n'));
    const preview = textPreview(bytes, { maxBytes: 1024, maxLines: 10 });
    expect(preview.lines).toHaveLength(10);
    expect(preview.lines.at(-1)).toBe('第10行');
    expect(preview.notice).toMatch(/只显示了前 10 行/);
  });
});
