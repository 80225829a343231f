import { describe, expect, it } from 'vitest';
import { parseRosterText, rosterLine } from '../../../renderer/src/meeting/roster-text.ts';

describe('the roster as the clerk types or pastes it on 会议准备', () => {
  it.each([
    ['E01 王明', { id: 'E01', name: '王明', title: '', specialty: '', employer: '', leader: false }],
    ['E01，王明，教授，材料科学，合肥工业大学，组长', { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true }],
    ['E02\t李华\t研究员\t信息技术\t中国科学院 合肥物质科学研究院', { id: 'E02', name: '李华', title: '研究员', specialty: '信息技术', employer: '中国科学院 合肥物质科学研究院', leader: false }],
    ['E03, 张伟, 组长', { id: 'E03', name: '张伟', title: '', specialty: '', employer: '', leader: true }],
    // Without commas or tabs a line is id and name, as before: a name may hold spaces.
    ['E04 Anna Li', { id: 'E04', name: 'Anna Li', title: '', specialty: '', employer: '', leader: false }],
    ['E05 刘洋 组长', { id: 'E05', name: '刘洋', title: '', specialty: '', employer: '', leader: true }],
  ])('%s', (line, parsed) => {
    expect(parseRosterText(`\n  ${line}  \n\n`)).toEqual([parsed]);
  });

  it('writes a saved entry back as a line that reads the same', () => {
    const entries = parseRosterText('E01，王明，教授，，合肥工业大学，组长\nE02 李华');
    expect(entries.map(rosterLine)).toEqual(['E01，王明，教授，，合肥工业大学，组长', 'E02，李华']);
    expect(parseRosterText(entries.map(rosterLine).join('\n'))).toEqual(entries);
  });
});
