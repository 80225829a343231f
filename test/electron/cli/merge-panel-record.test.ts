/**
 * `merge --panel-record FILE`, the real CLI as a child process: the signed panel record of the
 * same result is verified and summed up on stderr, stdout staying the result; one of another
 * year or result, or with a changed byte, is refused with a Chinese message and exit 1. Records
 * of version 1 (before 补正 requests were kept) and 2 (before the experts' decisions, outliers and
 * paper pledges were) still verify and read, and the summary says what they do not keep.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultSha256Of, signPanelRecord } from '../../../electron/chair/panel-record-file.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import { panelRecordText, type UnsignedPanelRecord } from '../../../shared/record/panel-record.ts';
import { makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { allianceManifest, alliancePackage } from '../../helpers/package-builder.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('merge-panel-record-');

async function meeting() {
  const dir = tempDir();
  const rich = await alliancePackage(allianceManifest('HFA-001', richClaims, { name: '合肥市智能语音产业技术创新战略联盟' })).write(join(dir, 'HFA-001.zip'));
  const small = await alliancePackage(allianceManifest('HFA-002', smallClaims, { name: '合肥市新材料产业技术创新战略联盟' })).write(join(dir, 'HFA-002'));
  const experts = [makeExpert('E01', '王明'), makeExpert('E02', '李华'), makeExpert('E03', '张伟')];
  const values = [2.5, 2, 1.5];
  const sheets = await Promise.all(experts.map((expert, i) => writeSignedSheet(dir, hefei, expert, [{ package: rich }, { package: small, decisions: smallDecisions(values[i] ?? 0) }])));
  return { dir, args: ['merge', '--packages', rich.path, small.path, '--sheets', ...sheets] };
}

function record(year: number, sha256: string): UnsignedPanelRecord {
  return {
    format: 'alliance-review/panel-record',
    version: 3,
    year,
    meeting: `${year} 年度评审会`,
    result: { sha256, lockedAt: '2027-01-20T08:00:00.000Z', lockedBy: '主任 孙立' },
    exportedAt: '2027-01-20T09:00:00.000Z',
    flagNotes: [],
    differences: [
      {
        allianceId: 'HFA-002',
        allianceName: '合肥市新材料产业技术创新战略联盟',
        criterionId: 'I2.plans',
        criterionLabel: '年度计划',
        itemId: null,
        itemTitle: null,
        decisions: [
          { expertId: 'E01', expertName: '王明', decision: 'accept', value: null, reason: null },
          { expertId: 'E02', expertName: '李华', decision: 'reject', value: null, reason: '计划未经理事会审议' },
        ],
        outcome: 'recorded',
        reason: '经合议维持',
        by: '主任 孙立',
        at: '2027-01-20T07:00:00.000Z',
      },
    ],
    outliers: [],
    paperPledges: [],
    observerNotes: [{ name: '纪检 刘芳', text: '评审过程符合规定。', at: '2027-01-20T07:30:00.000Z' }],
    conclusions: { 'HFA-001': { allianceName: '合肥市智能语音产业技术创新战略联盟', text: '运行良好。', by: '主任 孙立', at: '2027-01-20T07:40:00.000Z' } },
    reopenings: [],
    clarifications: [
      { allianceId: 'HFA-002', allianceName: '合肥市新材料产业技术创新战略联盟', missing: 'I4 技术合同缺登记证明', dueOn: '2027-01-21', requestedBy: '主任 孙立', requestedAt: '2027-01-20T01:30:00.000Z', answeredVersion: 2, answeredAt: '2027-01-20T05:10:00.000Z' },
      { allianceId: 'HFA-001', allianceName: '合肥市智能语音产业技术创新战略联盟', missing: '审计报告缺公章页', dueOn: '2027-01-22', requestedBy: '主任 孙立', requestedAt: '2027-01-20T01:45:00.000Z', answeredVersion: null, answeredAt: null },
    ],
  };
}

/** The same record as version 2 wrote it: no decisions on a difference, no outliers, no paper pledges. */
function recordV2(year: number, sha256: string): UnsignedPanelRecord {
  const { outliers: _o, paperPledges: _p, differences, ...rest } = record(year, sha256);
  // Signed as it is: signPanelRecord signs whatever object it is given.
  return { ...rest, version: 2, differences: differences.map(({ decisions: _d, ...d }) => d) } as unknown as UnsignedPanelRecord;
}

/** The same record as version 1 wrote it: no 补正 requests either. */
function recordV1(year: number, sha256: string): UnsignedPanelRecord {
  const { clarifications: _none, ...rest } = recordV2(year, sha256);
  return { ...rest, version: 1 } as unknown as UnsignedPanelRecord;
}

describe('merge --panel-record', () => {
  it('verifies the record of this result and keeps stdout the result; refuses another year, another result, a changed byte', async () => {
    const m = await meeting();
    const plain = runCli([...m.args, '--json']);
    expect(plain.status).toBe(0);
    const signer = await localSigner(tempDir(), { now: new Date() });
    const path = join(m.dir, '2026-专家组记录.panel.json');
    writeFileSync(path, panelRecordText(signPanelRecord(record(2026, resultSha256Of(plain.stdout)), signer)));

    const ok = runCli([...m.args, '--json', '--panel-record', path]);
    expect(ok.stderr).toContain('签名有效 (signature verified)');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(plain.stdout);
    expect(ok.stderr).toContain('  标记说明 0 条 · 客观分歧 1 项 · 畸高畸低 0 项 · 纸质承诺书 0 份 · 补正要求 2 项 · 监督意见 1 条 · 专家组结论 1 个 · 重新开启 0 次\n');

    // Records of earlier versions: what they do not keep is said so, not counted as none.
    for (const [version, make, counts] of [
      [2, recordV2, '畸高畸低 未记录（第 2 版） · 纸质承诺书 未记录（第 2 版） · 补正要求 2 项'],
      [1, recordV1, '畸高畸低 未记录（第 1 版） · 纸质承诺书 未记录（第 1 版） · 补正要求 未记录（第 1 版）'],
    ] as const) {
      const older = join(m.dir, `2026-专家组记录-第${version}版.panel.json`);
      writeFileSync(older, panelRecordText(signPanelRecord(make(2026, resultSha256Of(plain.stdout)), signer)));
      const run = runCli([...m.args, '--json', '--panel-record', older]);
      expect(run.stderr).toContain('签名有效 (signature verified)');
      expect(run.stderr).toContain(`客观分歧 1 项 · ${counts} · 监督意见 1 条`);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(plain.stdout);
    }

    const refused = (file: string, ...expected: string[]) => {
      const before = readdirSync(m.dir).sort();
      const run = runCli([...m.args, '--json', '--panel-record', file]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(readdirSync(m.dir).sort()).toEqual(before);
      for (const text of expected) expect(run.stderr).toContain(text);
    };
    const otherYear = join(m.dir, '2025-专家组记录.panel.json');
    writeFileSync(otherYear, panelRecordText(signPanelRecord(record(2025, resultSha256Of(plain.stdout)), signer)));
    refused(otherYear, '专家组记录 2025-专家组记录.panel.json 是 2025 年度的，而本次汇总的是 2026 年度的结果', '✗ 未汇总 merge refused');
    const otherResult = join(m.dir, 'other.panel.json');
    writeFileSync(otherResult, panelRecordText(signPanelRecord(record(2026, 'b'.repeat(64)), signer)));
    refused(otherResult, '属于另一份结果');
    const flipped = join(m.dir, 'flipped.panel.json');
    writeFileSync(flipped, readFileSync(path, 'utf8').replace('运行良好', '运行不良'));
    refused(flipped, '签名验证失败');
    refused(join(m.dir, 'missing.panel.json'), '无法读取专家组记录 missing.panel.json');
    // Eight runs of the CLI, each a fresh Node that loads the TypeScript sources.
  }, 240_000);

  it('prints the record\'s observer note, conclusions and standing differences in the documents --pdf writes', async () => {
    const m = await meeting();
    const plain = runCli([...m.args, '--json']);
    expect(plain.status).toBe(0);
    const signer = await localSigner(tempDir(), { now: new Date() });
    const path = join(m.dir, '2026-专家组记录.panel.json');
    writeFileSync(path, panelRecordText(signPanelRecord(record(2026, resultSha256Of(plain.stdout)), signer)));
    const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

    const withRecord = join(m.dir, 'with-record');
    expect(runCli([...m.args, '--json', '--panel-record', path, '--pdf', withRecord]).status).toBe(0);
    const report = text(join(withRecord, '2026-评审报告.pdf'));
    expect(report).toContain('评审过程符合规定。');
    expect(report).toContain('纪检刘芳');
    expect(report).toContain('经合议维持');
    // Each expert's decision on the difference, from the record (the sheets alone do not say how a settled one stood).
    expect(report).toContain('I2年度计划：E01王明认可、E02李华不认可');
    // Each 补正 request as the chair's console export prints it (review-report-document.ts); the
    // layout text interleaves a row's wrapped cells, so each cell is looked for on its own.
    for (const cell of ['六、材料补正', 'I4技术合同缺登记证明2027-01-21主任孙立', '已补正（第2版）', '2027-01-2009:30导入于2027-01-2013:10', '审计报告缺公章页2027-01-22主任孙立未补正', '2027-01-2009:45']) {
      expect(report).toContain(cell);
    }
    expect(text(join(withRecord, '2026-专家组意见-HFA-001.pdf'))).toContain('运行良好。');

    // A record of version 2 prints its differences without the decisions, and says the outliers were not part of it.
    const v2 = join(m.dir, '2026-专家组记录-第2版.panel.json');
    writeFileSync(v2, panelRecordText(signPanelRecord(recordV2(2026, resultSha256Of(plain.stdout)), signer)));
    const withV2 = join(m.dir, 'with-v2');
    expect(runCli([...m.args, '--json', '--panel-record', v2, '--pdf', withV2]).status).toBe(0);
    const reportV2 = text(join(withV2, '2026-评审报告.pdf'));
    expect(reportV2).toContain('经合议维持');
    expect(reportV2).not.toContain('E01王明认可');
    expect(reportV2).toContain('未含畸高畸低评分的处理');

    // Without the record the same documents say the chair's records were not part of this export.
    const without = join(m.dir, 'without');
    expect(runCli([...m.args, '--json', '--pdf', without]).status).toBe(0);
    expect(text(join(without, '2026-评审报告.pdf'))).not.toContain('评审过程符合规定');
    expect(text(join(without, '2026-专家组意见-HFA-001.pdf'))).not.toContain('运行良好');
  }, 240_000);
});
