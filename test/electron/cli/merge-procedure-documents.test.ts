import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { call } from '../../helpers/call.ts';
import { CHAIR_EXPERTS, prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { cliBin } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { packageFiles } from '../../helpers/package-builder.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { MEETING_JSON } from '../../../shared/meeting/meeting-file-format.ts';
import { pdfText } from '../export/pdf-tools.ts';

const tempDir = useTempDir('merge-procedure-');
const flat = (text: string): string => text.replace(/\s+/g, '');

/** The chair meeting's packages and sheets, and the clerk's meeting file with a full roster. */
async function meetingWithFile() {
  const dir = tempDir();
  const meeting = await writeChairMeeting(dir);
  const clerk = testContext(tempDir());
  try {
    const meetingId = await prepareChairMeeting(clerk, meeting);
    const details = [
      { title: '教授', employer: '合肥工业大学', leader: true },
      { title: '研究员', employer: '中国科学院合肥物质科学研究院', leader: false },
      { title: '高级工程师', employer: '安徽省科技成果转化服务中心', leader: false },
      { title: '', employer: '', leader: false },
      { title: '副教授', employer: '安徽大学', leader: false },
    ];
    await call(clerk, 'meeting-roster-save', {
      meetingId,
      actor: '会务 周敏',
      experts: [...CHAIR_EXPERTS.map(([id, name], i) => ({ id, name, specialty: '', ...details[i]! })), { id: 'E06', name: '孙立', title: '教授', specialty: '', employer: '安徽农业大学', leader: false }],
    });
    const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: dir });
    return { dir, meeting, meetingFile: exported.path };
  } finally {
    clerk.close();
  }
}

function merge(dir: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [cliBin, 'merge', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DISPLAY: '', ALLIANCE_REVIEW_DATA_DIR: join(dir, 'data') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('alliance-review merge --pdf DIR [--meeting-file FILE]: the procedure documents', () => {
  it('with the meeting file: the roster’s titles, employers and 组长, and the member who has not signed', async () => {
    const m = await meetingWithFile();
    const run = merge(m.dir, ['--packages', ...m.meeting.packages.map((p) => p.path), '--sheets', ...m.meeting.sheets, '--method', 'trimmed', '--pdf', 'out', '--meeting-file', m.meetingFile]);
    expect(run.stderr).toContain('已写入 written');
    expect(run.status).toBe(0);
    const out = (name: string) => join(m.dir, 'out', name);
    for (const name of ['2026-专家签到表.pdf', '2026-评审专家承诺书.pdf', '2026-评审报告.pdf', '2026-专家组意见-HFA-001.pdf']) {
      expect(verifyPdfSignature(readFileSync(out(name))).ok, name).toBe(true);
    }
    const report = flat(pdfText(out('2026-评审报告.pdf')));
    // The meeting's own name, from the meeting file.
    expect(report).toContain('2026年度合肥市产业技术创新战略联盟考核评审会对6个联盟');
    expect(report).toContain('王明（E01）组长教授合肥工业大学');
    expect(report).toContain('专家组组长：王明（E01）');
    expect(report).toContain('未签名的成员：孙立（E06）');
    expect(report).toContain('孙立（E06）评分表未签名');
    expect(report).toContain('汇总方法：去掉一个最高分和一个最低分后平均（trimmed）');
    // From the sheets alone the chair's records are not known, and the report says so.
    expect(report).toContain('本次导出未含主任控制台的记录');
    const signIn = flat(pdfText(out('2026-专家签到表.pdf')));
    expect(signIn).toContain('中国科学院合肥物质科学研究院');
    expect(signIn).toContain('孙立');
    expect(flat(pdfText(out('2026-专家组意见-HFA-001.pdf')))).toContain('专家组组长：王明');
  }, 240_000);

  it('without it: names, results and signature lines from the sheets alone', async () => {
    const dir = tempDir();
    const meeting = await writeChairMeeting(dir);
    const run = merge(dir, ['--packages', ...meeting.packages.map((p) => p.path), '--sheets', ...meeting.sheets, '--pdf', 'out']);
    expect(run.status, run.stderr).toBe(0);
    const report = flat(pdfText(join(dir, 'out', '2026-评审报告.pdf')));
    for (const [id, name] of CHAIR_EXPERTS) expect(report).toContain(`${name}（${id}）已签名`);
    expect(report).toContain('专家组组长：名册中未标明。');
    expect(report).not.toContain('未签名的成员');
    expect(report).toContain('合肥市智能语音产业技术创新战略联盟（HFA-001）');
  }, 240_000);

  it('refuses a meeting file that is not one, or --meeting-file without --pdf, writing nothing', async () => {
    const dir = tempDir();
    const meeting = await writeChairMeeting(dir);
    writeFileSync(join(dir, 'fake.meeting.zip'), 'not a zip');
    const args = ['--packages', ...meeting.packages.map((p) => p.path), '--sheets', ...meeting.sheets];
    const bad = merge(dir, [...args, '--pdf', 'out', '--meeting-file', 'fake.meeting.zip']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('错误 error [not-a-meeting-file] fake.meeting.zip：会议包 fake.meeting.zip 不能导入：这不是 zip 格式的会议包');
    expect(bad.stdout).toBe('');
    const usage = merge(dir, [...args, '--meeting-file', 'fake.meeting.zip']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--meeting-file 只用于生成 PDF');
  }, 240_000);

  it('prints each problem of a meeting file wrong in several places on its own line, with its code', async () => {
    const m = await meetingWithFile();
    const entries = await readZip(m.meetingFile);
    const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as { experts: { id: string }[]; settings: { method: string } };
    description.experts[1]!.id = '第二位';
    description.settings.method = 'median';
    entries.set(MEETING_JSON, Buffer.from(JSON.stringify(description, null, 2)));
    await packageFiles(entries).writeZip(join(m.dir, 'bad.meeting.zip'));
    const run = merge(m.dir, ['--packages', ...m.meeting.packages.map((p) => p.path), '--sheets', ...m.meeting.sheets, '--pdf', 'out', '--meeting-file', 'bad.meeting.zip']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('错误 error [meeting-file-damaged] bad.meeting.zip：会议包 bad.meeting.zip 不能导入：发现 2 处问题（见下）。可能是拷贝不完整或被改动过，请向会务人员重新拷贝会议包。本机数据没有改动。');
    expect(lines.slice(1).sort()).toEqual([
      '错误 error [meeting-file-damaged] bad.meeting.zip：会议说明（meeting.json）中专家名册第 2 行（李华）的编号不符合格式：写法不对',
      '错误 error [meeting-file-damaged] bad.meeting.zip：会议说明（meeting.json）中会议设置的汇总方法不符合格式：不是本程序认识的值',
    ].sort());
    expect(run.stdout).toBe('');
  }, 240_000);
});
