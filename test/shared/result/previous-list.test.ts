import { describe, expect, it } from 'vitest';

import type { ListSheet } from '../../../shared/result/previous-list.ts';
import { readPreviousList } from '../../../shared/result/previous-list.ts';

const sheet = (rows: string[][], name = 'Sheet1'): ListSheet => ({ name, rows });

describe('readPreviousList', () => {
  it('finds the header as the first row with both names, below a title, in any columns, and numbers rows as the spreadsheet does', () => {
    const read = readPreviousList([
      sheet([
        ['2025 年度考核等级', '', ''],
        ['', '', ''],
        ['考核等级', '联盟名称', ' 联盟编号 '],
        ['合格', '甲联盟', 'HFA-001'],
        ['', '', ''],
        ['不合格', '乙联盟', 'HFA-006'],
        ['优秀\u3000', '丙联盟', 'HFA-002'],
      ]),
    ]);
    expect(read).toEqual({
      ok: true,
      sheet: 'Sheet1',
      headerRow: 3,
      entries: [
        { allianceId: 'HFA-001', grade: 'pass', row: 4 },
        { allianceId: 'HFA-006', grade: 'fail', row: 6 },
        { allianceId: 'HFA-002', grade: 'excellent', row: 7 },
      ],
    });
  });

  it('uses the first sheet that has the header, and names that sheet in a refusal when there are several', () => {
    const notes = sheet([['说明'], ['联盟编号只在此处提到']], '说明');
    const list = sheet([['联盟编号', '考核等级'], ['HFA-001', '合格'], ['HFA-001', '优秀']], '名单');
    expect(readPreviousList([notes, list])).toEqual({
      ok: false,
      problems: [{ path: '工作表“名单”第 3 行', message: '联盟 HFA-001 重复，已在工作表“名单”第 2 行出现；每个联盟只能列一次，请删去多余的一行' }],
    });
  });

  it.each([
    {
      name: 'a grade that is not one of the three',
      rows: [['联盟编号', '考核等级'], ['HFA-001', '良好']],
      problems: [{ path: '第 2 行', message: '联盟 HFA-001 的考核等级“良好”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格' }],
    },
    {
      name: 'an English grade (the list is the bureau’s, in its words)',
      rows: [['联盟编号', '考核等级'], ['HFA-001', 'pass']],
      problems: [{ path: '第 2 行', message: '联盟 HFA-001 的考核等级“pass”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格' }],
    },
    {
      name: 'an empty grade',
      rows: [['联盟编号', '考核等级'], ['HFA-001', '  ']],
      problems: [{ path: '第 2 行', message: '联盟 HFA-001 的考核等级为空；请改为 优秀、合格 或 不合格' }],
    },
    {
      name: 'a grade without an alliance',
      rows: [['联盟编号', '考核等级'], ['', '合格']],
      problems: [{ path: '第 2 行', message: '有考核等级“合格”但联盟编号为空；请填上联盟编号或删除这一行' }],
    },
    {
      name: 'every bad row at once, each named',
      rows: [['联盟编号', '考核等级'], ['HFA-001', '合格'], ['HFA-002', '良'], ['HFA-001', '合格']],
      problems: [
        { path: '第 3 行', message: '联盟 HFA-002 的考核等级“良”不是 优秀、合格、不合格 之一；请改为 优秀、合格 或 不合格' },
        { path: '第 4 行', message: '联盟 HFA-001 重复，已在第 2 行出现；每个联盟只能列一次，请删去多余的一行' },
      ],
    },
    {
      name: 'a header with nothing below it',
      rows: [['标题'], ['联盟编号', '考核等级'], ['', '']],
      problems: [{ path: '第 2 行', message: '表头下面没有任何联盟；请在“联盟编号”“考核等级”两列下填写上一年度每个联盟的等级' }],
    },
    {
      name: 'no row with both names',
      rows: [['联盟编号', '等级'], ['HFA-001', '合格']],
      problems: [{ path: '(root)', message: '找不到表头：没有一行同时有“联盟编号”和“考核等级”两个单元格；请在名单的表头写上这两列的列名' }],
    },
  ])('refuses $name, naming the row', ({ rows, problems }) => {
    expect(readPreviousList([sheet(rows)])).toEqual({ ok: false, problems });
  });
});
