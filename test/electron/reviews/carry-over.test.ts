import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { claimsOne, claimsOneCorrected, createTestExpert } from '../../helpers/expert-work.ts';
import { importPackageZip } from '../../helpers/import-package-zip.ts';
import { allianceManifest, alliancePackage, type PackageBuilder } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';

const tempDir = useTempDir('carry-over-');

const importZip = (ctx: ServiceContext, pkg: PackageBuilder, name: string) => importPackageZip(ctx, pkg, tempDir(), name);

/** The corrected package (claimsOneCorrected); the tests replace the patents' file too. */
function correctedBase(): PackageBuilder {
  return alliancePackage(allianceManifest('HFA-001', claimsOne)).withManifest(allianceManifest('HFA-001', claimsOneCorrected));
}

async function scoredLaptop() {
  const ctx = testContext(tempDir());
  const v1 = await importZip(ctx, alliancePackage(allianceManifest('HFA-001', claimsOne)), 'v1');
  const expert = await createTestExpert(ctx);
  const who = { expertId: expert.id, packageId: v1 };
  await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
  await call(ctx, 'decision-set', { ...who, criterionId: 'I2.plans', decision: { accept: false, reason: '只有年度计划，无半年总结' } });
  await call(ctx, 'decision-set', { ...who, criterionId: 'I4.techContracts', itemId: 'tc-1', decision: { accept: true } });
  await call(ctx, 'decision-set', { ...who, criterionId: 'I8.inventionPatents', itemId: 'p-1', decision: { accept: true } });
  await call(ctx, 'decision-set', { ...who, criterionId: 'I10.status', decision: { value: 2.3 } });
  // Claimed in neither version: unchanged, carried.
  await call(ctx, 'decision-set', { ...who, criterionId: 'I10.problems', decision: { value: 1 } });
  await call(ctx, 'explanation-set', { ...who, criterionId: 'I10.status', explanation: '白皮书只覆盖上半年' });
  await call(ctx, 'comment-set', { ...who, comment: '材料齐全' });
  const base = correctedBase();
  const patents = Buffer.from(`${base.get('标准化/专利.pdf')?.toString('latin1') ?? ''}% 补正后的专利证书\n`, 'latin1');
  const v2 = await importZip(ctx, base.with('标准化/专利.pdf', patents), 'v2');
  return { ctx, expert, v1, v2 };
}

describe('carry-over of an expert\'s work to a corrected package (补正)', () => {
  it('carries decisions on unchanged claims for the expert to confirm and reopens changed ones', async () => {
    const { ctx, expert, v1, v2 } = await scoredLaptop();
    expect(v2).not.toBe(v1);
    const open = await call(ctx, 'review-open', { expertId: expert.id, packageId: v2 });
    expect(open.package.version).toBe(2);
    const state = open.state;
    // Same claim, same file bytes: carried, waiting for confirmation.
    expect(state.decisions).toMatchObject({ 'I1.office': { accept: true }, 'I2.plans': { accept: false, reason: '只有年度计划，无半年总结' }, 'I10.status': { value: '2.3' } });
    expect([...state.carried].sort()).toEqual(['I1.office', 'I10.problems', 'I10.status', 'I2.plans']);
    // A page changed in one item (I4) and a file's content changed (I8): the whole criterion reopens.
    expect(state.amended).toEqual(['I4.techContracts', 'I8.inventionPatents']);
    expect(Object.keys(state.decisions).filter((k) => k.startsWith('I4.') || k.startsWith('I8.'))).toEqual([]);
    expect(state.comment).toBe('材料齐全');
    expect(state.explanations).toEqual({ 'I10.status': '白皮书只覆盖上半年' });
    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.alliances[0]?.carried).toBe(4);
    expect(workspace.blockers.join('')).toContain('4 项沿用原来的评定待您确认');
    // The first version keeps what the expert decided on it.
    const first = await call(ctx, 'review-open', { expertId: expert.id, packageId: v1 });
    expect(Object.keys(first.state.decisions)).toHaveLength(6);
  });

  it('one confirmation confirms every carried decision, twice is the same; deciding a carried claim anew makes it the expert\'s', async () => {
    const { ctx, expert, v2 } = await scoredLaptop();
    const who = { expertId: expert.id, packageId: v2 };
    const changed = await call(ctx, 'decision-set', { ...who, criterionId: 'I2.plans', decision: { accept: true } });
    expect([...changed.carried].sort()).toEqual(['I1.office', 'I10.problems', 'I10.status']);
    expect((await call(ctx, 'carried-confirm', who)).carried).toEqual([]);
    const again = await call(ctx, 'carried-confirm', who);
    expect(again.carried).toEqual([]);
    expect(again.decisions['I1.office']).toEqual({ accept: true });
    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.alliances[0]?.carried).toBe(0);
  });

  it('importing the same corrected package again carries nothing twice', async () => {
    const { ctx, expert, v2 } = await scoredLaptop();
    const base = correctedBase();
    const patents = Buffer.from(`${base.get('标准化/专利.pdf')?.toString('latin1') ?? ''}% 补正后的专利证书\n`, 'latin1');
    expect(await importZip(ctx, base.with('标准化/专利.pdf', patents), 'v2-again')).toBe(v2);
    expect((await call(ctx, 'review-open', { expertId: expert.id, packageId: v2 })).state.carried).toHaveLength(4);
  });
});

describe('written explanations (说明理由)', () => {
  it('are kept for a judged score only, and removed when emptied', async () => {
    const ctx = testContext(tempDir());
    const v1 = await importZip(ctx, alliancePackage(allianceManifest('HFA-001', claimsOne)), 'v1');
    const expert = await createTestExpert(ctx);
    const who = { expertId: expert.id, packageId: v1 };
    expect((await call(ctx, 'explanation-set', { ...who, criterionId: 'I10.status', explanation: '理由一\n理由二' })).explanations).toEqual({
      'I10.status': '理由一\n理由二',
    });
    await expect(call(ctx, 'explanation-set', { ...who, criterionId: 'I1.office', explanation: '不适用' })).rejects.toThrow(/只有专家打分的评分项/);
    expect((await call(ctx, 'explanation-set', { ...who, criterionId: 'I10.status', explanation: '  ' })).explanations).toEqual({});
  });
});
