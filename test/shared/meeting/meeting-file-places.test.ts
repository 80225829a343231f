import { describe, expect, it } from 'vitest';
import { meetingEntryPlace, meetingFieldPlace } from '../../../shared/meeting/meeting-file-places.ts';

const raw = {
  experts: [{ id: 'E01', name: '王明' }, { id: 'E02', name: '' }, { id: 'E03', name: '李\u001b华' }],
  packages: [
    { allianceId: 'HFA-001', allianceName: '新材料联盟', files: [{ path: '证明材料/a.pdf' }] },
    { allianceName: '无编号联盟', files: [] },
  ],
};

describe('meetingFieldPlace: a field path of meeting.json in words', () => {
  it.each([
    [[], '会议说明（meeting.json）'],
    [['name'], '会议名称'],
    [['year'], '年度'],
    [['settings', 'budgetYuan'], '会议设置的奖励预算'],
    [['settings', 'colour'], '会议设置的“colour”'],
    [['experts', 0, 'id'], '专家名册第 1 行（王明）的编号'],
    // No name: the line is named by its id; a name that cannot be shown is not repeated.
    [['experts', 1, 'name'], '专家名册第 2 行（E02）的姓名'],
    [['experts', 2, 'name'], '专家名册第 3 行（E03）的姓名'],
    [['experts', 7], '专家名册第 8 行（编号不明）'],
    [['packages', 0, 'digest'], '联盟 HFA-001（新材料联盟）的材料包的摘要'],
    [['packages', 0, 'files', 0, 'sha256'], '联盟 HFA-001（新材料联盟）的材料包的文件清单第 1 项（证明材料/a.pdf）的 SHA-256'],
    [['packages', 0, 'files', 3, 'size'], '联盟 HFA-001（新材料联盟）的材料包的文件清单第 4 项的大小'],
    [['packages', 1, 'allianceId'], '材料包清单第 2 项的联盟编号'],
    [['ocr', 'sha256'], '文字识别结果（ocr.json）的清单项'],
    [['surprise'], '未知的字段“surprise”'],
  ] as const)('%j → %s', (path, words) => {
    expect(meetingFieldPlace(path, raw)).toBe(words);
  });

  it('names what it can when the description is not even an object', () => {
    expect(meetingFieldPlace(['experts', 0, 'id'], null)).toBe('专家名册第 1 行（编号不明）的编号');
  });
});

describe('meetingEntryPlace: a zip entry of the meeting file in words', () => {
  const names = new Map([['HFA-001', '新材料联盟']]);
  it.each([
    ['meeting.json', '会议说明（meeting.json）'],
    ['ocr.json', '文字识别结果（ocr.json）'],
    ['cross-check.json', '材料核查提示（cross-check.json）'],
    ['packages/HFA-001/证明材料/a.pdf', '联盟 HFA-001（新材料联盟）材料包中的文件“证明材料/a.pdf”'],
    ['packages/HFA-009/x.pdf', '联盟 HFA-009 材料包中的文件“x.pdf”'],
    ['stray.txt', '文件“stray.txt”'],
  ])('%s → %s', (entry, words) => {
    expect(meetingEntryPlace(entry, names)).toBe(words);
  });
});
