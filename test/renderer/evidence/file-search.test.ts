import { describe, expect, it } from 'vitest';
import { searchStatus, type FileSearch } from '../../../renderer/src/evidence/file-search.ts';
import type { EvidenceSearch } from '../../../shared/api/evidence-search-types.ts';
import type { TextHit } from '../../../shared/evidence/page-text.ts';

const hit = (page: number): TextHit => ({ page, boxes: [], snippet: { before: '', match: '合同', after: '' } });

function state(answer: EvidenceSearch | null, extra: Partial<FileSearch> = {}): FileSearch {
  const noop = () => undefined;
  return {
    query: '合同',
    setQuery: noop,
    searched: '合同',
    answer,
    current: 0,
    busy: false,
    error: null,
    hit: answer?.hits[0] ?? null,
    submit: noop,
    run: noop,
    step: noop,
    close: noop,
    ...extra,
  };
}

describe('the line under the search box', () => {
  it.each<[string, FileSearch, string | null]>([
    ['nothing searched', state(null), null],
    ['searching', state(null, { busy: true }), '正在搜索“合同”……'],
    ['a refusal from main, in its words', state(null, { error: '材料包中没有文件 a.pdf。' }), '材料包中没有文件 a.pdf。'],
    ['a scan without OCR text', state({ source: null, hits: [], truncated: false }), '此文件没有可搜索的文字：它是扫描件，还没有识别出文字（OCR）。'],
    ['a PDF with an open password', state({ source: null, noText: 'password', hits: [], truncated: false }), '此 PDF 设有打开密码，程序读不出其中的文字，无法搜索。'],
    ['a file its reader gave up on', state({ source: null, noText: 'unreadable', hits: [], truncated: false }), '程序读不出此文件的文字（文件可能已损坏或过于复杂），无法搜索。'],
    ['no hit', state({ source: 'text-layer', hits: [], truncated: false }), '没有找到“合同”。'],
    [
      'the second of three hits, on two pages',
      state({ source: 'text-layer', hits: [hit(2), hit(5), hit(5)], truncated: false }, { current: 1 }),
      '“合同”第 2 / 3 处，在第 5 页（共 2 页有）',
    ],
    [
      'OCR text, and more hits than were sent',
      state({ source: 'ocr', hits: [hit(1), hit(3)], truncated: true }),
      '“合同”第 1 / 2 处（只列出前 2 处），在第 1 页（共 2 页有）；文字由识别（OCR）得到，可能有误',
    ],
    [
      'a partly scanned PDF, on a page of its text layer',
      state({ source: 'text-layer', ocrPages: [3], hits: [hit(1), hit(3)], truncated: false }),
      '“合同”第 1 / 2 处，在第 1 页（共 2 页有）',
    ],
    [
      'a partly scanned PDF, on a page OCR read',
      state({ source: 'text-layer', ocrPages: [3], hits: [hit(1), hit(3)], truncated: false }, { current: 1 }),
      '“合同”第 2 / 2 处，在第 3 页（共 2 页有）；文字由识别（OCR）得到，可能有误',
    ],
  ])('%s', (_, search, expected) => {
    expect(searchStatus(search)).toBe(expected);
  });
});
