import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEntryName, UTF8_FLAG } from '../../../electron/package-reader/decode-entry-name.ts';
import { gbk, unicodePathField } from '../../helpers/raw-zip.ts';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('decodeEntryName: the order of package-format.md', () => {
  it('the test GBK table is real GBK (checked against Node’s GB18030 decoder)', () => {
    expect(new TextDecoder('gb18030').decode(gbk('证明材料/合同 自查报告 联盟.pdf'))).toBe('证明材料/合同 自查报告 联盟.pdf');
  });

  it('1. a valid Unicode Path extra field wins over the flag and the raw bytes', () => {
    const raw = gbk('证明材料/合同.pdf');
    const decoded = decodeEntryName(raw, 0, [unicodePathField(raw, '证明材料/技术合同.pdf')]);
    expect(decoded).toEqual({ ok: true, name: '证明材料/技术合同.pdf', encoding: 'unicode-path-extra-field' });
  });

  it('1. a Unicode Path field whose CRC is not that of the raw name is stale and ignored', () => {
    const raw = gbk('证明材料/合同.pdf');
    const field = unicodePathField(raw, '别的名字.pdf', { crc: crc32(raw) ^ 1 });
    expect(decodeEntryName(raw, 0, [field])).toEqual({ ok: true, name: '证明材料/合同.pdf', encoding: 'gb18030' });
  });

  it('1. a Unicode Path field of another version, or with invalid UTF-8, is ignored', () => {
    const raw = utf8('a.pdf');
    expect(decodeEntryName(raw, 0, [unicodePathField(raw, 'b.pdf', { version: 2 })])).toMatchObject({ name: 'a.pdf', encoding: 'utf8' });
    const bad = unicodePathField(raw, 'b.pdf');
    const corrupt = Uint8Array.from([...bad.data.subarray(0, 5), 0xff, 0xfe]);
    expect(decodeEntryName(raw, 0, [{ id: 0x7075, data: corrupt }])).toMatchObject({ name: 'a.pdf', encoding: 'utf8' });
  });

  it('2. the UTF-8 flag (bit 11) means UTF-8', () => {
    expect(decodeEntryName(utf8('自查报告.pdf'), UTF8_FLAG, [])).toEqual({ ok: true, name: '自查报告.pdf', encoding: 'utf8-flag' });
  });

  it('3. without the flag, bytes that are valid UTF-8 are read as UTF-8 (macOS, Linux tools)', () => {
    expect(decodeEntryName(utf8('自查报告.pdf'), 0, [])).toEqual({ ok: true, name: '自查报告.pdf', encoding: 'utf8' });
  });

  it('4. otherwise GB18030, as Chinese Windows tools write', () => {
    expect(decodeEntryName(gbk('自查报告.pdf'), 0, [])).toEqual({ ok: true, name: '自查报告.pdf', encoding: 'gb18030' });
  });

  it('a flag-marked name that is not UTF-8 falls through to GB18030', () => {
    expect(decodeEntryName(gbk('合同.pdf'), UTF8_FLAG, [])).toEqual({ ok: true, name: '合同.pdf', encoding: 'gb18030' });
  });

  it('bytes that are neither UTF-8 nor GB18030 cannot be decoded', () => {
    expect(decodeEntryName(Uint8Array.from([0x61, 0xff, 0x2e, 0x70]), 0, [])).toEqual({ ok: false });
  });
});
