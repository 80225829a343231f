import { describe, expect, it } from 'vitest';

import { previousFromResultJson, previousFromStoredList } from '../../../shared/result/previous-grades.ts';

const alliance = (allianceId: unknown, grade: unknown) => ({ allianceId, grade, total: 50 });

describe('previousFromResultJson', () => {
  it('reads only the year and each alliance’s id and grade, of any format version, whatever else it holds', () => {
    const future = {
      format: 'alliance-review/result',
      version: 3,
      year: 2025,
      meeting: { uid: 'x' },
      alliances: [{ ...alliance('HFA-001', 'pass'), review: { rounds: 2 } }, alliance('HFA-006', 'fail'), alliance('HFA-009', null)],
    };
    expect(previousFromResultJson(future, 'r.json')).toEqual({
      ok: true,
      previous: { source: 'r.json', year: 2025, grades: { 'HFA-001': 'pass', 'HFA-006': 'fail', 'HFA-009': null } },
    });
  });

  it.each([
    { name: 'another format', value: { format: 'alliance-review/sheet', version: 1, year: 2025, alliances: [] }, path: 'format' },
    { name: 'a version that is no version', value: { format: 'alliance-review/result', version: '2', year: 2025, alliances: [] }, path: 'version' },
    { name: 'no year', value: { format: 'alliance-review/result', version: 1, alliances: [] }, path: 'year' },
    { name: 'no alliances', value: { format: 'alliance-review/result', version: 1, year: 2025 }, path: 'alliances' },
    { name: 'an unknown grade', value: { format: 'alliance-review/result', version: 1, year: 2025, alliances: [alliance('A', 'good')] }, path: 'alliances[0].grade' },
    { name: 'an alliance without id', value: { format: 'alliance-review/result', version: 1, year: 2025, alliances: [alliance('', 'pass')] }, path: 'alliances[0].allianceId' },
    {
      name: 'an alliance listed twice',
      value: { format: 'alliance-review/result', version: 1, year: 2025, alliances: [alliance('A', 'pass'), alliance('A', 'fail')] },
      path: 'alliances[1].allianceId',
    },
  ])('refuses $name, saying where', ({ value, path }) => {
    const read = previousFromResultJson(value, 'r.json');
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems.map((p) => p.path)).toEqual([path]);
  });
});

describe('previousFromStoredList', () => {
  it('reads back what the console stored, and nothing else', () => {
    const stored = { format: 'alliance-review/previous-list', version: 1, year: 2025, file: 'csv-gbk', alliances: [{ allianceId: 'HFA-006', grade: 'fail', row: 7 }] };
    expect(previousFromStoredList(stored, 'l.csv')).toEqual({ previous: { source: 'l.csv', year: 2025, grades: { 'HFA-006': 'fail' } }, file: 'csv-gbk' });
    expect(previousFromStoredList({ ...stored, format: 'alliance-review/result' }, 'l.csv')).toBeNull();
    expect(previousFromStoredList({ ...stored, alliances: [{ allianceId: 'HFA-006', grade: '不合格', row: 7 }] }, 'l.csv')).toBeNull();
  });
});
