import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, everyShapeClaims, manifest as packageManifest, type Json } from '../../helpers/package-builder.ts';

/** The manifest with `claims` (default: one claim of every shape, each with its evidence). */
const baseManifest = (claims: Json = everyShapeClaims()): Json => packageManifest({ claims });

const tempDir = useTempDir('cli-self-score-');

function items(prefix: string, count: number, amounts: number[] = []): Json[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    title: `${prefix} ${i + 1}`,
    ...(amounts[i] === undefined ? {} : { amountWan: amounts[i] }),
    evidence: [`证明材料/${prefix}-${i + 1}.pdf`],
  }));
}

const flag = (name: string): Json => ({ claimed: true, evidence: [`证明材料/${name}.pdf`] });

/** The worked example of rubric.md: 90.5, 优秀. */
function workedExample(): Json {
  return baseManifest({
    'I1.office': flag('office'),
    'I1.council': flag('council'),
    'I1.platform': flag('platform'),
    'I2.plans': flag('plans'),
    'I3.policy': flag('policy'),
    'I3.report': flag('report'),
    'I3.audit': flag('audit'),
    'I4.techContracts': { items: items('tc', 7) },
    'I4.achievements': { items: items('ach', 2) },
    'I4.projects': { items: items('proj', 3) },
    'I5.breakthroughs': { items: items('bt', 1) },
    'I6.international': { items: items('int', 12) },
    'I7.services': { items: items('svc', 3) },
    'I8.leadStandards': { items: items('ls', 1) },
    'I8.inventionPatents': { items: items('pat', 5) },
    'I9.organizedEvents': { items: items('org', 1) },
    'I9.joinedEvents': { items: items('join', 2) },
    'I10.status': { value: 2.5, evidence: ['白皮书.pdf'] },
    'I10.problems': { value: 2 },
    'I10.measures': { value: 2 },
    'I10.outcomes': { value: 1.5 },
    'I11.newMembers': { items: items('mem', 7) },
    'I11.monthlyReports': flag('monthly'),
    'I11.bureauEvents': { items: items('bur', 4) },
    'B2.majorProjects': { items: items('mp', 3, [50000, 9999, 10000]) },
  });
}

describe('alliance-review self-score', () => {
  it('--json prints exactly the self-score of the worked example (rubric.md): 90.5, excellent', async () => {
    const path = join(tempDir(), 'HFA-012.zip');
    await alliancePackage(workedExample()).writeZip(path);
    const run = runCli(['self-score', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(Object.keys(json)).toEqual(['allianceId', 'year', 'criteria', 'indicators', 'groups', 'total', 'grade', 'warnings']);
    expect(json).toMatchObject({
      allianceId: 'HFA-012',
      year: 2026,
      indicators: { I1: 7, I2: 5, I3: 10, I4: 10, I5: 5, I6: 10, I7: 6, I8: 7, I9: 7, I10: 8, I11: 7, B1: 0, B2: 8.5 },
      groups: { system: 22, tasks: 60, bonus: 8.5 },
      total: 90.5,
      grade: 'excellent',
    });
    expect(json['criteria']).toMatchObject({
      'I4.techContracts': 7,
      'I6.international': 12,
      'I8.inventionPatents': 2,
      'I10.outcomes': 1.5,
      'I11.bureauEvents': 3,
      'B2.majorProjects': 8.5,
      'I7.listings': 0,
    });
    expect(Object.keys(json['criteria'] as Json)).toHaveLength(32);
    expect((json['warnings'] as Json[]).map((w) => `${String(w['code'])} ${String(w['path'])}`)).toEqual([
      'indicator-over-cap I4',
      'indicator-over-cap I6',
    ]);
    expect(run.stdout).toContain('"total": 90.5,');
  });

  it('prints numbers without binary noise (0.1-style decimals add exactly)', async () => {
    const manifest = baseManifest({
      'I10.status': { value: 0.1, evidence: ['白皮书.pdf'] },
      'I10.problems': { value: 0.2 },
    });
    const root = join(tempDir(), 'p');
    alliancePackage(manifest).writeFolder(root);
    const run = runCli(['self-score', root, '--json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"I10": 0.3,');
    expect(run.stdout).not.toMatch(/\d\.\d{3,}/);
  });

  it('prints a Chinese table without --json', async () => {
    const root = join(tempDir(), 'HFA-012');
    alliancePackage(workedExample()).writeFolder(root);
    const run = runCli(['self-score', root]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('HFA-012 合肥市智能语音产业技术创新战略联盟');
    expect(run.stdout).toMatch(/I4 成果转化\s+10\s+10\n/);
    expect(run.stdout).toMatch(/制度建设 system\s+22\s+22\n/);
    expect(run.stdout).toMatch(/总分 total\s+90\.5\n/);
    expect(run.stdout).toMatch(/等级 grade\s+优秀 excellent\n/);
    expect(run.stdout).toMatch(/警告 warning \[indicator-over-cap\] I4：/);
  });

  it('exits 1 and scores nothing for an invalid package, errors on stderr', async () => {
    const manifest = workedExample();
    (manifest['alliance'] as Json)['kind'] = 'university';
    const path = join(tempDir(), 'bad.zip');
    await alliancePackage(manifest).writeZip(path);
    const json = runCli(['self-score', path, '--json']);
    expect(json.status).toBe(1);
    expect(json.stderr).toMatch(/^错误 error \[field-invalid\] alliance\.kind（第 \d+ 行第 \d+ 列）：[^\n]+\n$/);
    expect(json.stdout).toBe('');
    const table = runCli(['self-score', path]);
    expect(table.status).toBe(1);
    expect(table.stderr).toBe(json.stderr);
    expect(table.stdout).toContain('不能计算自评分');
    expect(table.stdout).not.toContain('总分');
  });

  it.each([
    ['no package', ['self-score']],
    ['an unknown option', ['self-score', 'p.zip', '--csv']],
    ['two packages', ['self-score', 'a.zip', 'b.zip', '--json']],
  ])('exits 2 (usage) for %s', (_what, args) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('alliance-review self-score <package.zip|文件夹> [--json]');
  });
});
