import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  manifestErrorCodes,
  problemSeverity,
  readerErrorCodes,
  warningCodes,
} from '../../../shared/package/problem.ts';

const docs = readFileSync(resolve(import.meta.dirname, '../../../docs/package-format.md'), 'utf8');

describe('problem codes', () => {
  it('has exactly the six warnings of package-format.md, and every other code is an error', () => {
    expect(warningCodes).toEqual([
      'criterion-not-for-kind',
      'item-no-evidence',
      'file-not-referenced',
      'item-date-outside-year',
      'indicator-over-cap',
      'file-not-viewable',
    ]);
    for (const code of warningCodes) expect(problemSeverity(code)).toBe('warning');
    for (const code of [...readerErrorCodes, ...manifestErrorCodes]) expect(problemSeverity(code)).toBe('error');
  });

  it('uses every code once, in kebab-case', () => {
    const all = [...readerErrorCodes, ...manifestErrorCodes, ...warningCodes];
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each([...readerErrorCodes, ...manifestErrorCodes, ...warningCodes])('is documented for clerks: %s', (code) => {
    expect(docs).toContain(`| \`${code}\` |`);
  });
});
