/**
 * The browser shell started on an expert laptop in the middle of a 补正: the year's meeting and
 * roster are here, expert E01 王明 signed in and scored HFA-001's first package completely
 * (its I10 scores too), and then the alliance's corrected package arrived as version 2, with
 * one contract's evidence changed. Everything is done through the app's own channels on the
 * data folder (as the expert's clicks and the clerk's import would), then the shell starts as
 * `npm run web` would. The zips are written under `E2E_WORK_DIR`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../../electron/app/context.ts';
import { call } from '../helpers/call.ts';
import { claimsOne, claimsOneCorrected, PASSPHRASE } from '../helpers/expert-work.ts';
import { importPackageZip } from '../helpers/import-package-zip.ts';
import { allianceManifest, alliancePackage, type PackageBuilder } from '../helpers/package-builder.ts';
import { pngDataUrl } from '../helpers/png.ts';
import type { ServiceContext } from '../../electron/app/context.ts';

const work = process.env['E2E_WORK_DIR'];
if (work === undefined) throw new Error('E2E_WORK_DIR names no folder');
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: false });
const dataDir = values['data-dir'];
if (typeof dataDir !== 'string') throw new Error('no --data-dir');

const importZip = (ctx: ServiceContext, pkg: PackageBuilder, name: string) => importPackageZip(ctx, pkg, work, name);

const ctx = createContext({ dataDir: resolve(dataDir), shell: 'browser', version: '0.0.0-test', now: () => new Date() });
try {
  const meeting = await call(ctx, 'meeting-create', { name: '2026 年度评审会', year: 2026 });
  await call(ctx, 'meeting-roster-save', {
    meetingId: meeting.id,
    actor: '会务 周敏',
    experts: [{ id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true }],
  });
  const v1 = await importZip(ctx, alliancePackage(allianceManifest('HFA-001', claimsOne, { name: '合肥智能语音产业技术创新战略联盟' })), 'v1');
  const expert = await call(ctx, 'expert-create', { meetingId: meeting.id, rosterId: 'E01', passphrase: PASSPHRASE });
  await call(ctx, 'expert-hand-signature-set', { expertId: expert.id, handSignature: pngDataUrl() });
  await call(ctx, 'sign-in-save', { expertId: expert.id, year: 2026, passphrase: PASSPHRASE, handSignature: pngDataUrl(), recusals: [] });
  const opened = await call(ctx, 'review-open', { expertId: expert.id, packageId: v1 });
  for (const u of opened.state.undecided) {
    const judged = u.criterionId.startsWith('I10.');
    await call(ctx, 'decision-set', {
      expertId: expert.id,
      packageId: v1,
      criterionId: u.criterionId,
      ...(u.itemId === null ? {} : { itemId: u.itemId }),
      decision: judged ? { value: u.criterionId === 'I10.status' ? 0.5 : 1 } : { accept: true },
    });
  }
  await importZip(
    ctx,
    alliancePackage(allianceManifest('HFA-001', claimsOne, { name: '合肥智能语音产业技术创新战略联盟' })).withManifest(
      allianceManifest('HFA-001', claimsOneCorrected, { name: '合肥智能语音产业技术创新战略联盟' }),
    ),
    'v2',
  );
} finally {
  ctx.close();
}

await import('../../electron/web/main.ts');
