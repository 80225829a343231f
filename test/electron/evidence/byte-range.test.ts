import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../electron/evidence/byte-range.ts';

describe('parseByteRange', () => {
  it.each([
    ['no header: the whole file', undefined, 1000, null],
    ['a closed range', 'bytes=0-99', 1000, { start: 0, end: 99 }],
    ['an open range', 'bytes=900-', 1000, { start: 900, end: 999 }],
    ['a range past the end is cut at the end', 'bytes=900-5000', 1000, { start: 900, end: 999 }],
    ['a suffix', 'bytes=-100', 1000, { start: 900, end: 999 }],
    ['a suffix longer than the file', 'bytes=-5000', 1000, { start: 0, end: 999 }],
    ['the last byte', 'bytes=999-999', 1000, { start: 999, end: 999 }],
    ['a start at the end', 'bytes=1000-', 1000, 'unsatisfiable'],
    ['start after end', 'bytes=50-10', 1000, 'unsatisfiable'],
    ['a zero suffix', 'bytes=-0', 1000, 'unsatisfiable'],
    ['several ranges: the whole file', 'bytes=0-1,5-6', 1000, null],
    ['several ranges with spaces: the whole file', 'bytes=0-1, 5-6', 1000, null],
    ['an empty header: the whole file', '', 1000, null],
    ['another unit: the whole file', 'items=0-1', 1000, null],
    ['no numbers: the whole file', 'bytes=-', 1000, null],
  ] as const)('%s', (_label, header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
