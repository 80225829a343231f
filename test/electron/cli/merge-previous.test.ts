/**
 * `merge --previous` with last year's grades in every form, through the real CLI as a child
 * process, on the chair meeting of test/helpers/chair-meeting.ts (2026, HFA-006 failing): a
 * result of format 1, a result of a later format version with unknown fields, and the
 * bureau's list as .xlsx (openpyxl, LibreOffice) and .csv (UTF-8, UTF-8 with BOM, GBK), all
 * giving HFA-006 不合格 in 2025 (test/fixtures/previous/). Every one gives the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFileSchema } from '../../../shared/result/result-schema.ts';
import type { ChairMeeting } from '../../helpers/chair-meeting.ts';
import { writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'previous');
const tempDir = useTempDir('merge-previous-');

function merge(meeting: ChairMeeting, previous: string) {
  return runCli(['merge', '--packages', ...meeting.packages.map((p) => p.path), '--sheets', ...meeting.sheets, '--method', 'trimmed', '--previous', previous, '--json']);
}

describe('merge --previous in every form', () => {
  // One meeting for every case (writing it signs 5 sheets); useTempDir's folders go after each test.
  let meeting: ChairMeeting;
  let reference: string;
  const shared = mkdtempSync(join(tmpdir(), 'merge-previous-meeting-'));
  afterAll(() => rmSync(shared, { recursive: true, force: true }));
  beforeAll(async () => {
    meeting = await writeChairMeeting(shared);
    const run = merge(meeting, meeting.previous);
    expect(run.status).toBe(0);
    reference = run.stdout;
    const result = resultFileSchema.parse(JSON.parse(reference));
    expect(result.alliances.find((a) => a.allianceId === 'HFA-006')?.consequence).toBe('disqualify');
  }, 60_000);

  it.each(['list-openpyxl.xlsx', 'list-libreoffice.xlsx', 'list-utf8.csv', 'list-utf8-bom.csv', 'list-gbk.csv'])(
    'takes the list %s as the year before and prints the same result, byte for byte, saying which year it took',
    (file) => {
      const run = merge(meeting, join(fixtures, file));
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(reference);
      expect(run.stderr).toContain('是考核等级名单，名单本身不写年度，按上一年度即 2025 年度的等级计');
    },
  );

  it('reads a result of a later format version, only its ids and grades, and says nothing of a year', () => {
    const run = merge(meeting, join(fixtures, 'result-future.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(reference);
    expect(run.stderr).toBe('');
  });

  it('refuses a result of another year, as before', () => {
    const path = join(tempDir(), 'result-2024.json');
    writeFileSync(path, readFileSync(join(fixtures, 'result-future.json'), 'utf8').replace('"year": 2025', '"year": 2024'));
    const run = merge(meeting, path);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('上一年度结果应为 2025 年度，此文件为 2024 年度');
  });

  it.each([
    {
      file: 'bad-grade.csv',
      lines: [
        'bad-grade.csv 第 4 行：联盟 HFA-003 的考核等级“良好”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格',
        'bad-grade.csv 第 6 行：联盟 HFA-005 的考核等级为空；请改为 优秀、合格 或 不合格',
      ],
    },
    { file: 'duplicate.xlsx', lines: ['duplicate.xlsx 第 6 行：联盟 HFA-002 重复，已在第 4 行出现；每个联盟只能列一次，请删去多余的一行'] },
  ])('refuses the list $file with exit 1, each bad row named', ({ file, lines }) => {
    const run = runCli(['merge', '--packages', ...meeting.packages.map((p) => p.path), '--sheets', ...meeting.sheets, '--previous', file, '--json'], fixtures);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    for (const line of lines) expect(run.stderr).toContain(`错误 error [previous-invalid] ${line}`);
  });
});
