import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const tempDir = useTempDir('chair-words-');
const CHAIR = '主任 孙立';
const samples = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'samples', '2026');

/** Codes, JSON paths and the English key words of the docs: none of them is for the chair. */
const technical = /[a-z]+-[a-z]+|\(root\)|reviews\[|signature\.|\b(not|invalid|signature|field)\b/u;

describe('the chair picks files that are not sheets, or sheets that cannot count', () => {
  it('is told, for each file by its name, what it is and what to do next; codes and paths stay in the report', async () => {
    const meeting = await writeChairMeeting(tempDir());
    const ctx = testContext(tempDir());
    const meetingId = await prepareChairMeeting(ctx, meeting);
    const dir = tempDir();
    const pdf = join(dir, '专家签名页.pdf');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from([0xff, 0xfe, 0x80, 0x81])]));
    const zip = join(dir, '会议包.sheet.json');
    copyFileSync(join(samples, 'HFA-003-智能语音联盟.zip'), zip);
    const empty = join(dir, 'E06.sheet.json');
    writeFileSync(empty, '');
    const cut = join(dir, 'E07-拷了一半.sheet.json');
    const whole = readFileSync(meeting.sheets[0]!, 'utf8');
    writeFileSync(cut, whole.slice(0, whole.length / 2));
    const tampered = join(dir, 'E02-改过.sheet.json');
    writeFileSync(tampered, readFileSync(meeting.sheets[1]!, 'utf8').replace(/"value": 2\n/, '"value": 1\n'));
    const csv = join(dir, '名单.json');
    writeFileSync(csv, '编号,姓名\nE01,王明\n');
    const [p1] = meeting.packages;
    const incomplete = await writeSignedSheet(dir, hefei, meeting.experts[2]!, [{ package: p1!, decisions: { 'I1.office': { accept: true } } }], {
      fileName: 'E03-没评完.sheet.json',
    });

    const reports = await call(ctx, 'chair-sheet-import', {
      meetingId,
      actor: CHAIR,
      sources: [pdf, zip, empty, cut, tampered, csv, incomplete].map((path) => ({ path })),
    });
    const by = new Map(reports.map((r) => [r.source, r]));
    const words = (name: string) => (by.get(name)?.problems ?? []).map((p) => p.message);

    expect(words('专家签名页.pdf')).toEqual(['「专家签名页.pdf」是一个 PDF 文件，不是专家评分表（.sheet.json）。请选择专家在自己电脑上“签名并导出”得到的评分表文件（文件名以 .sheet.json 结尾）。']);
    expect(words('会议包.sheet.json')[0]).toMatch(/^「会议包\.sheet\.json」是一个 zip 压缩包（可能是材料包或会议包），不是专家评分表/u);
    expect(words('E06.sheet.json')[0]).toMatch(/^「E06\.sheet\.json」是空文件.*请从专家的电脑上重新拷贝评分表。$/u);
    expect(words('E07-拷了一半.sheet.json')[0]).toMatch(/^「E07-拷了一半\.sheet\.json」读不出来：内容不完整或被改动过/u);
    expect(words('E02-改过.sheet.json')).toHaveLength(1);
    expect(words('E02-改过.sheet.json')[0]).toMatch(/^「E02-改过\.sheet\.json」的签名核对不上：评分表在专家签名之后被改动过.*请专家在自己的电脑上重新签名并导出评分表/u);
    expect(words('名单.json')[0]).toMatch(/^「名单\.json」不是专家评分表（\.sheet\.json）。请选择/u);
    // Many undecided claims of one alliance are one line, naming the alliance by its name.
    expect(words('E03-没评完.sheet.json')).toEqual([
      `「E03-没评完.sheet.json」对“${p1!.name}”还有没评定的申报项，评审不完整。请专家在自己的电脑上评完（评分页会列出未评定的项）后重新签名并导出评分表。`,
    ]);
    for (const report of reports) {
      expect(report.outcome).toBe('refused');
      for (const p of report.problems) {
        expect(p.message, p.message).not.toMatch(technical);
        expect(p.message).toContain(`「${report.source}」`);
      }
    }
    // The codes and the checks' own words are still in the report for whoever looks into a file.
    expect(by.get('专家签名页.pdf')?.problems[0]).toMatchObject({ code: 'not-utf8', path: '(root)', detail: 'not UTF-8 text' });
    expect(by.get('E02-改过.sheet.json')?.problems[0]).toMatchObject({ code: 'signature-invalid', path: 'signature.value' });
    expect(by.get('E02-改过.sheet.json')?.problems[0]?.detail).toContain('signature does not verify');
    expect(by.get('E03-没评完.sheet.json')?.problems[0]?.code).toBe('review-incomplete');
    expect(by.get('E03-没评完.sheet.json')?.problems[0]?.detail).toMatch(/reviews\[0\]\.decisions\./u);
  });
});
