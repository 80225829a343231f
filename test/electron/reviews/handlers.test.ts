import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/ipc/handlers.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import { scoreReview } from '../../../shared/rubric/score-review.ts';
import type { Decisions } from '../../../shared/rubric/types.ts';
import { FINGERPRINT_PATTERN } from '../../../shared/sheet/fingerprint-text.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { claimsOne, claimsTwo, createTestExpert, importPackages } from '../../helpers/expert-work.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { join } from 'node:path';

const tempDir = useTempDir('expert-work-');

async function laptop() {
  const dataDir = tempDir();
  const ctx = testContext(dataDir);
  const [one, two] = await importPackages(ctx, tempDir(), [
    { allianceId: 'HFA-001', claims: claimsOne },
    { allianceId: 'HFA-002', claims: claimsTwo },
  ]);
  const expert = await createTestExpert(ctx);
  return { ctx, dataDir, one: one!, two: two!, expert };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('expert profiles', () => {
  it('creates a profile with a key made here and shows its fingerprint; one profile per roster id', async () => {
    const ctx = testContext(tempDir());
    const expert = await createTestExpert(ctx, 'E07', '李华');
    expect(expert).toMatchObject({ rosterId: 'E07', name: '李华', protection: 'passphrase', handSignature: null });
    expect(expert.fingerprint).toMatch(FINGERPRINT_PATTERN);
    await createTestExpert(ctx, 'E08', '张伟');
    expect((await call(ctx, 'expert-list', {})).map((e) => e.rosterId)).toEqual(['E07', 'E08']);
    expect(await refusal(createTestExpert(ctx, 'E07', '别人'))).toMatch(/^expert-exists: .*李华/);
  });

  it.each([
    ['a short passphrase', { rosterId: 'E01', name: '王明', passphrase: '1234567' }],
    ['a roster id with spaces', { rosterId: 'E 01', name: '王明', passphrase: '12345678' }],
    ['a blank name', { rosterId: 'E01', name: '  ', passphrase: '12345678' }],
  ])('refuses %s', async (_label, request) => {
    const result = await dispatch(testContext(tempDir()), 'expert-create', request);
    expect(result.ok).toBe(false);
  });

  it('keeps a drawn signature up to 200 KB and refuses a larger one', async () => {
    const ctx = testContext(tempDir());
    const expert = await createTestExpert(ctx);
    const signature = pngDataUrl();
    expect((await call(ctx, 'expert-hand-signature-set', { expertId: expert.id, handSignature: signature })).handSignature).toBe(signature);
    const tooLarge = pngDataUrl(155_000);
    expect(tooLarge.length).toBeGreaterThan(200 * 1024);
    expect(await refusal(call(ctx, 'expert-hand-signature-set', { expertId: expert.id, handSignature: tooLarge }))).toMatch(
      /hand-signature-too-large/,
    );
    expect((await call(ctx, 'expert-hand-signature-set', { expertId: expert.id, handSignature: null })).handSignature).toBeNull();
  });
});

describe('scoring', () => {
  it('lists every alliance, not started, with its self-score and what it needs', async () => {
    const { ctx, expert } = await laptop();
    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.year).toBe(2026);
    expect(workspace.alliances.map((a) => [a.allianceId, a.status, a.decided, a.undecided, a.total])).toEqual([
      // HFA-001: office, plans, 2 contracts, 3 patents, 4 judged = 11; HFA-002: office, 1 project, 4 judged = 6.
      ['HFA-001', 'not-started', 0, 11, '0'],
      ['HFA-002', 'not-started', 0, 6, '0'],
    ]);
    expect(workspace.blockers).toHaveLength(2);
    expect(workspace.alliances[0]?.firstUndecided).toEqual({ criterionId: 'I1.office', itemId: null });
  });

  it('stores each decision at once and scores exactly as the engine does on the same decisions', async () => {
    const { ctx, one, expert, dataDir } = await laptop();
    const who = { expertId: expert.id, packageId: one.packageId };
    await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
    await call(ctx, 'decision-set', { ...who, criterionId: 'I2.plans', decision: { accept: false, reason: '只有年度计划，无半年总结' } });
    await call(ctx, 'decision-set', { ...who, criterionId: 'I4.techContracts', itemId: 'tc-1', decision: { accept: true } });
    await call(ctx, 'decision-set', { ...who, criterionId: 'I4.techContracts', itemId: 'tc-2', decision: { accept: false, reason: '合同未登记' } });
    for (const id of ['p-1', 'p-2', 'p-3']) {
      await call(ctx, 'decision-set', { ...who, criterionId: 'I8.inventionPatents', itemId: id, decision: { accept: true } });
    }
    for (const [criterionId, value] of [['I10.status', 2.3], ['I10.problems', 2], ['I10.measures', 0.1]] as const) {
      await call(ctx, 'decision-set', { ...who, criterionId, decision: { value } });
    }
    const state = await call(ctx, 'decision-set', { ...who, criterionId: 'I10.outcomes', decision: { value: 0.2 } });

    const decisions: Decisions = {
      'I1.office': { accept: true },
      'I2.plans': { accept: false, reason: '只有年度计划，无半年总结' },
      'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未登记' } },
      'I8.inventionPatents': { accepted: ['p-1', 'p-2', 'p-3'], rejected: {} },
      'I10.status': { value: 2.3 },
      'I10.problems': { value: 2 },
      'I10.measures': { value: 0.1 },
      'I10.outcomes': { value: 0.2 },
    };
    const engine = scoreReview(hefei, claimsOne, { decisions });
    // 2 + 0 + 1 + floor(3/2) + 2.3 + 2 + 0.1 + 0.2 = 8.6, with no float noise.
    expect(state.score.total).toBe('8.6');
    expect(state.score.total).toBe(formatScore(engine.total));
    expect(state.score.indicators['I10']?.score).toBe('4.6');
    expect(state).toMatchObject({ status: 'complete', decided: 11, undecided: [], problems: [], canUndo: true });
    expect(state.decisions['I4.techContracts#tc-2']).toEqual({ accept: false, reason: '合同未登记' });

    // Acknowledged means stored: a second connection to the file sees every decision.
    const reader = openDatabase(join(dataDir, 'alliance-review.sqlite'));
    expect(reader.prepare('SELECT count(*) FROM decision').pluck().get()).toBe(11);
    reader.close();
  });

  it.each([
    ['a judged value above the maximum', { criterionId: 'I10.status', decision: { value: 2.6 } }, /0 到 2.5/],
    ['a judged value with two decimals', { criterionId: 'I10.status', decision: { value: 1.25 } }, /一位小数/],
    ['an item the package does not claim', { criterionId: 'I4.techContracts', itemId: 'tc-9', decision: { accept: true } }, /没有申报条目/],
    ['a flag claimed false', { criterionId: 'I1.council', decision: { accept: true } }, /没有申报此项/],
    ['a value for a flag', { criterionId: 'I1.office', decision: { value: 1 } }, /不是打分项/],
    ['a list decision without an item', { criterionId: 'I4.techContracts', decision: { accept: true } }, /逐条/],
    ['an unknown criterion', { criterionId: 'I99.x', decision: { accept: true } }, /没有评分项/],
  ] as const)('refuses %s', async (_label, change, message) => {
    const { ctx, one, expert } = await laptop();
    expect(await refusal(call(ctx, 'decision-set', { expertId: expert.id, packageId: one.packageId, ...change }))).toMatch(message);
  });

  it('refuses a rejection without a reason at the boundary', async () => {
    const { ctx, one, expert } = await laptop();
    const result = await dispatch(ctx, 'decision-set', {
      expertId: expert.id,
      packageId: one.packageId,
      criterionId: 'I1.office',
      decision: { accept: false, reason: '   ' },
    });
    expect(result.ok).toBe(false);
  });

  it('undoes changes one by one, newest first, and logs every change and undo', async () => {
    const { ctx, one, expert } = await laptop();
    const who = { expertId: expert.id, packageId: one.packageId };
    await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
    // The same decision again is no change: nothing more to undo.
    await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
    await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: false, reason: '照片不是办公室' } });
    await call(ctx, 'comment-set', { ...who, comment: '材料齐全' });
    await call(ctx, 'override-set', { ...who, indicatorId: 'I2', override: { score: 3, reason: '仅有年度计划' } });

    let state = await call(ctx, 'review-undo', who);
    expect(state.overrides).toEqual({});
    state = await call(ctx, 'review-undo', who);
    expect(state.comment).toBe('');
    state = await call(ctx, 'review-undo', who);
    expect(state.decisions['I1.office']).toEqual({ accept: true });
    state = await call(ctx, 'review-undo', who);
    expect(state.decisions['I1.office']).toBeUndefined();
    expect(state.canUndo).toBe(false);
    state = await call(ctx, 'review-undo', who);
    expect(state.status).toBe('not-started');
    const log = ctx.db.prepare('SELECT count(*) FROM work_change WHERE undoes IS NOT NULL').pluck().get();
    expect(log).toBe(4);
  });

  it('redoes what was undone, newest undo first, names each step, and a new change ends the redo', async () => {
    const { ctx, one, expert } = await laptop();
    const who = { expertId: expert.id, packageId: one.packageId };
    await call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } });
    let state = await call(ctx, 'decision-set', { ...who, criterionId: 'I4.techContracts', itemId: 'tc-2', decision: { accept: false, reason: '合同未登记' } });
    expect(state.nextUndo).toEqual({ subject: { kind: 'decision', criterionId: 'I4.techContracts', itemId: 'tc-2', decision: { accept: false, reason: '合同未登记' } }, count: 1 });
    expect(state.nextRedo).toBeNull();

    await call(ctx, 'review-undo', who);
    state = await call(ctx, 'review-undo', who);
    expect(state.decisions).toEqual({});
    expect(state.nextRedo).toEqual({ subject: { kind: 'decision', criterionId: 'I1.office', itemId: null, decision: { accept: true } }, count: 1 });
    state = await call(ctx, 'review-redo', who);
    expect(state.decisions).toEqual({ 'I1.office': { accept: true } });
    expect(state.nextRedo?.subject).toMatchObject({ criterionId: 'I4.techContracts', itemId: 'tc-2' });
    state = await call(ctx, 'review-redo', who);
    expect(state.decisions['I4.techContracts#tc-2']).toEqual({ accept: false, reason: '合同未登记' });
    expect(state.nextRedo).toBeNull();
    // Redone is undone like any change; redoing again puts it back.
    state = await call(ctx, 'review-undo', who);
    expect(state.decisions['I4.techContracts#tc-2']).toBeUndefined();
    state = await call(ctx, 'review-redo', who);
    expect(state.decisions['I4.techContracts#tc-2']).toEqual({ accept: false, reason: '合同未登记' });

    // After an undo, a new change: nothing to redo any more, and a redo changes nothing.
    await call(ctx, 'review-undo', who);
    state = await call(ctx, 'decision-set', { ...who, criterionId: 'I2.plans', decision: { accept: true } });
    expect(state.nextRedo).toBeNull();
    state = await call(ctx, 'review-redo', who);
    expect(state.decisions).toEqual({ 'I1.office': { accept: true }, 'I2.plans': { accept: true } });
  });

  it('accepts the undecided claims of an indicator as one step, leaving decided ones as they are', async () => {
    const { ctx, one, expert } = await laptop();
    const who = { expertId: expert.id, packageId: one.packageId };
    await call(ctx, 'decision-set', { ...who, criterionId: 'I8.inventionPatents', itemId: 'p-2', decision: { accept: false, reason: '专利已失效' } });
    const claims = ['p-1', 'p-2', 'p-3'].map((itemId) => ({ criterionId: 'I8.inventionPatents', itemId }));
    let state = await call(ctx, 'decisions-accept', { ...who, claims });
    expect(state.decisions).toEqual({
      'I8.inventionPatents#p-1': { accept: true },
      'I8.inventionPatents#p-2': { accept: false, reason: '专利已失效' },
      'I8.inventionPatents#p-3': { accept: true },
    });
    expect(state.nextUndo).toMatchObject({ subject: { kind: 'decision', criterionId: 'I8.inventionPatents' }, count: 2 });
    // Again (a double click): nothing more is logged, one undo still takes back both.
    await call(ctx, 'decisions-accept', { ...who, claims });
    state = await call(ctx, 'review-undo', who);
    expect(state.decisions).toEqual({ 'I8.inventionPatents#p-2': { accept: false, reason: '专利已失效' } });
    expect(state.nextRedo?.count).toBe(2);
    state = await call(ctx, 'review-redo', who);
    expect(Object.keys(state.decisions)).toHaveLength(3);
    state = await call(ctx, 'review-undo', who);
    expect(Object.keys(state.decisions)).toHaveLength(1);
    // A claim the package does not have is refused, and nothing is stored.
    expect(await refusal(call(ctx, 'decisions-accept', { ...who, claims: [...claims, { criterionId: 'I8.inventionPatents', itemId: 'p-9' }] }))).toMatch(/没有申报条目/);
    expect(Object.keys((await call(ctx, 'review-open', who)).state.decisions)).toHaveLength(1);
  });

  it('applies an override with its reason, within the indicator cap', async () => {
    const { ctx, one, expert } = await laptop();
    const who = { expertId: expert.id, packageId: one.packageId };
    await call(ctx, 'decision-set', { ...who, criterionId: 'I2.plans', decision: { accept: true } });
    const state = await call(ctx, 'override-set', { ...who, indicatorId: 'I2', override: { score: 3.5, reason: '缺半年总结' } });
    expect(state.score.indicators['I2']).toEqual({ criteriaSum: '5', computed: '5', score: '3.5', overridden: true });
    expect(state.overrides['I2']).toEqual({ score: '3.5', reason: '缺半年总结' });
    expect(await refusal(call(ctx, 'override-set', { ...who, indicatorId: 'I2', override: { score: 5.5, reason: 'x' } }))).toMatch(/上限 5/);
    expect(await refusal(call(ctx, 'override-set', { ...who, indicatorId: 'B2', override: { score: 1.005, reason: 'x' } }))).toMatch(
      /两位小数/,
    );
  });

  it('records a recusal with its reason, refuses scoring while recused, and reverses it', async () => {
    const { ctx, two, expert } = await laptop();
    const who = { expertId: expert.id, packageId: two.packageId };
    const recused = await call(ctx, 'recusal-set', { ...who, reason: '本人任职于牵头单位' });
    expect(recused).toMatchObject({ status: 'recused', recusalReason: '本人任职于牵头单位' });
    expect(await refusal(call(ctx, 'decision-set', { ...who, criterionId: 'I1.office', decision: { accept: true } }))).toMatch(/^recused/);
    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.alliances.find((a) => a.allianceId === 'HFA-002')?.status).toBe('recused');
    expect(workspace.blockers.some((b) => b.includes('HFA-002'))).toBe(false);
    expect((await call(ctx, 'recusal-clear', who)).status).toBe('not-started');
  });

  it('shows each expert only their own work', async () => {
    const { ctx, one, expert } = await laptop();
    const other = await createTestExpert(ctx, 'E02', '李华');
    await call(ctx, 'decision-set', { expertId: expert.id, packageId: one.packageId, criterionId: 'I1.office', decision: { accept: true } });
    const theirs = await call(ctx, 'review-open', { expertId: other.id, packageId: one.packageId });
    expect(theirs.state.decisions).toEqual({});
    expect(theirs.state.status).toBe('not-started');
  });

  it('scores the latest version of a package; an older one can be read but not changed', async () => {
    const { ctx, one, expert } = await laptop();
    await importPackages(ctx, tempDir(), [{ allianceId: 'HFA-001', claims: claimsOne, versionNote: '第二版' }]);
    const workspace = await call(ctx, 'expert-workspace', { expertId: expert.id });
    expect(workspace.alliances.find((a) => a.allianceId === 'HFA-001')?.version).toBe(2);
    expect(
      await refusal(call(ctx, 'decision-set', { expertId: expert.id, packageId: one.packageId, criterionId: 'I1.office', decision: { accept: true } })),
    ).toMatch(/^package-superseded/);
  });

  it('opens a review with the rubric, claims, files, self-score and state', async () => {
    const { ctx, one, expert } = await laptop();
    const open = await call(ctx, 'review-open', { expertId: expert.id, packageId: one.packageId });
    expect(open.rubric.id).toBe('hefei-2017');
    expect(open.claims).toEqual(claimsOne);
    expect(open.files.map((f) => f.path)).toContain('成果转化/合同1.pdf');
    // Self-score: 2 + 5 + 2 + 1 (3 patents → one pair) + 2.5 = 12.5.
    expect(open.self.total).toBe('12.5');
    expect(open.selfReport).toBe('自查报告.pdf');
  });
});
