import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../../shared/meeting/roster.ts';
import { rosterProblems, rosterText } from '../../../shared/meeting/roster.ts';

const entry = (id: string, name: string, more: Partial<RosterEntry> = {}): RosterEntry => ({
  id,
  name,
  title: '',
  specialty: '',
  employer: '',
  leader: false,
  ...more,
});

describe('roster problems, each naming the roster line in the clerk’s words', () => {
  it.each<[string, RosterEntry[], string[]]>([
    ['an empty roster (being prepared)', [], []],
    ['no 组长 yet', [entry('E01', '王明'), entry('E02', '李华')], []],
    ['exactly one 组长, with every detail', [entry('E01', '王明', { title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true }), entry('E02', '李华')], []],
    [
      'two 组长',
      [entry('E01', '王明', { leader: true }), entry('E02', '李华'), entry('E03', '张伟', { leader: true })],
      ['专家名册中有 2 位组长（第 1 行（王明）、第 3 行（张伟）），只能有一位组长；请只在一行标“组长”。'],
    ],
    ['one id twice', [entry('E01', '王明'), entry('E01', '李华')], ['专家名册第 2 行（李华）的编号 E01 与第 1 行（王明）重复，每位专家的编号必须不同。']],
    [
      'ids differing only in case',
      [entry('E01', '王明'), entry('e01', '李华')],
      ['专家名册第 2 行（李华）的编号 e01 与第 1 行（王明）的编号 E01 只差大小写，容易混淆，请改用不同的编号。'],
    ],
    ['a title over 100 characters', [entry('E01', '王明', { title: '教'.repeat(101) })], ['专家名册第 1 行（王明）的职称超过 100 个字，请缩短。']],
    ['an employer of exactly 200 characters', [entry('E01', '王明', { employer: '院'.repeat(200) })], []],
    ['an employer over 200 characters', [entry('E01', '王明', { employer: '院'.repeat(201) })], ['专家名册第 1 行（王明）的工作单位超过 200 个字，请缩短。']],
  ])('%s', (_case, roster, problems) => {
    expect(rosterProblems(roster)).toEqual(problems);
  });

  it('writes the roster for the audit log by id, details only where given, as before for ids and names alone', () => {
    expect(rosterText([entry('E02', '李华'), entry('E01', '王明')])).toBe('E01 王明、E02 李华');
    expect(rosterText([entry('E01', '王明', { title: '教授', employer: '合肥工业大学', leader: true })])).toBe('E01 王明 教授 合肥工业大学 组长');
  });
});
