/**
 * `alliance-review cross-check` reading scans with OCR, as the app does: the real CLI in a
 * child process on real zips whose evidence is scanned pages with no text layer (ImageMagick
 * and img2pdf, test/fixtures/evidence/ocr/make-fixtures.sh): one patent certificate scanned by
 * two alliances (other bytes, nearly the same text), and by an earlier year's package as a
 * 1-bit TIFF; a licence contract whose scan names a patent number with a wrong check
 * character. The app's check of the same packages, imported into a real store and read by its
 * real OCR queue, finds exactly the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossCheckCommand, crossCheckJson } from '../../../electron/cli/commands/cross-check.ts';
import { createContext } from '../../../electron/app/context.ts';
import { closeFileFeatures } from '../../../electron/integrity/file-features.ts';
import { crossCheckMeeting } from '../../../electron/integrity/meeting-cross-check.ts';
import { createMeeting, replacePackages } from '../../../electron/meeting/meeting-store.ts';
import { importPackage } from '../../../electron/package-store/import-packages.ts';
import { allianceManifest, alliancePackage, manifest } from '../../helpers/package-builder.ts';
import { runCli, type CliRun } from '../../helpers/run-cli.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('cli-cross-check-ocr-');
const scan = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/ocr', name));
// Each run is the real CLI starting, reading the packages and loading the OCR models: seconds
// each, and seconds a page on a busy two-core machine.
const OCR_TIMEOUT = 240_000;

// The packages and the CLI's run with OCR serve every test of the file: OCR is the slow part.
const packagesDir = mkdtempSync(join(tmpdir(), 'cli-cross-check-ocr-packages-'));

afterAll(async () => {
  rmSync(packagesDir, { recursive: true, force: true });
  await closeFileFeatures();
});

interface Finding {
  kind: string;
  identifier: string | null;
  places: { allianceId: string; year: number; criterion: string | null; itemId: string | null; file: string | null; page: number | null }[];
  detail: string;
}

const summary = (findings: readonly Finding[]): (string | null | string[])[][] =>
  findings.map((f) => [
    f.kind,
    f.identifier,
    f.places.map((p) => `${p.year} ${p.allianceId} ${p.criterion ?? '-'} ${p.itemId ?? '-'} ${p.file ?? '-'}${p.page === null ? '' : `#${p.page}`}`),
  ]);

const wrongPatent = 'ZL201810123456.0';

interface Packages {
  readonly hfa012: string;
  readonly hfa017: string;
  readonly earlier: string;
}

let written: Promise<Packages> | null = null;

/** The three packages, written once for the whole file. */
function packages(): Promise<Packages> {
  written ??= (async () => {
    const dir = packagesDir;
    const hfa012 = alliancePackage(
      allianceManifest('HFA-012', {
        'I8.inventionPatents': { items: [{ id: 'pat-1', title: '一种语音端点检测方法', date: '2026-03-18', evidence: ['证明材料/专利证书.pdf'] }] },
        // The alliance writes the licensed patent's number itself: its wrong check character is the alliance's.
        'I4.techContracts': { items: [{ id: 'tc-7', title: `专利实施许可合同（许可专利 ${wrongPatent}）`, date: '2026-05-12', evidence: [] }] },
      }),
    ).with('证明材料/专利证书.pdf', scan('patent-scan.pdf'));
    const hfa017 = alliancePackage(
      allianceManifest('HFA-017', {
        'I8.inventionPatents': { items: [{ id: 'p-3', title: '语音端点检测', date: '2026-03-18', evidence: ['材料/专利证书复印件.pdf'] }] },
        'I4.techContracts': { items: [{ id: 'tc-1', title: '专利实施许可合同', date: '2026-05-12', evidence: ['材料/许可合同.pdf'] }] },
      }),
    )
      .with('材料/专利证书复印件.pdf', scan('patent-scan-copy.pdf'))
      .with('材料/许可合同.pdf', scan('licence-scan.pdf'));
    // The earlier year's package holds the certificate as a TIFF, and the same licence scan.
    const earlier = alliancePackage(
      manifest({
        year: 2025,
        alliance: { id: 'HFA-017', name: '合肥市HFA-017产业技术创新战略联盟' },
        claims: {
          'I8.inventionPatents': { items: [{ id: 'p-1', title: '一种语音端点检测方法', date: '2025-09-01', evidence: ['专利证书.tiff'] }] },
          'I4.techContracts': { items: [{ id: 'tc-2', title: '专利实施许可合同', date: '2025-05-12', evidence: ['许可合同.pdf'] }] },
        },
      }),
    )
      .with('专利证书.tiff', scan('patent-scan.tiff'))
      .with('许可合同.pdf', scan('licence-scan.pdf'));
    return {
      hfa012: (await hfa012.write(join(dir, 'HFA-012.zip'))).path,
      hfa017: (await hfa017.write(join(dir, 'HFA-017.zip'))).path,
      earlier: (await earlier.write(join(dir, 'HFA-017-2025.zip'))).path,
    };
  })();
  return written;
}

let withOcr: Promise<CliRun> | null = null;

/** `cross-check --json` of the three packages with OCR (the default), run once for the whole file. */
async function checkedWithOcr(): Promise<CliRun> {
  const { hfa012, hfa017, earlier } = await packages();
  withOcr ??= Promise.resolve(runCli(['cross-check', hfa012, hfa017, '--earlier', earlier, '--json']));
  return withOcr;
}

const findingsOf = (run: CliRun): Finding[] => {
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
};

describe('alliance-review cross-check with OCR', () => {
  it('compares scanned pages by the text OCR reads: similar-page and same-identifier, also against an earlier year; not with --no-ocr', async () => {
    const run = await checkedWithOcr();
    // stderr is no terminal here: no progress line, nothing else to say.
    expect(run.stderr).toBe('');
    const findings = findingsOf(run);
    const certificates = ['2026 HFA-012 I8.inventionPatents pat-1 证明材料/专利证书.pdf#1', '2026 HFA-017 I8.inventionPatents p-3 材料/专利证书复印件.pdf#1'];
    const withEarlier = [certificates[0], '2025 HFA-017 I8.inventionPatents p-1 专利证书.tiff#1', certificates[1]];
    const sameLicence = ['reused-from-earlier-year', null, ['2025 HFA-017 I4.techContracts tc-2 许可合同.pdf', '2026 HFA-017 I4.techContracts tc-1 材料/许可合同.pdf']];
    const fieldOnly = ['identifier-check-digit', '201810123456.0', ['2026 HFA-012 I4.techContracts tc-7 -']];
    expect(summary(findings)).toEqual([
      ['similar-page', null, certificates],
      // What OCR read on HFA-017's licence scan: the number HFA-012 wrote in its claim.
      ['same-identifier', '201810123456.0', ['2026 HFA-012 I4.techContracts tc-7 -', '2026 HFA-017 I4.techContracts tc-1 材料/许可合同.pdf#1']],
      ['same-identifier', '201710601862.3', certificates],
      fieldOnly,
      ['reused-from-earlier-year', '201810123456.0', ['2026 HFA-012 I4.techContracts tc-7 -', '2025 HFA-017 I4.techContracts tc-2 许可合同.pdf#1', '2026 HFA-017 I4.techContracts tc-1 材料/许可合同.pdf#1']],
      ['reused-from-earlier-year', null, withEarlier],
      ['reused-from-earlier-year', '201710601862.3', withEarlier],
      sameLicence,
    ]);
    expect(findings[0]?.detail).toMatch(/页的文字几乎一样（两两至少约 \d+% 相同）/);

    const { hfa012, hfa017, earlier } = await packages();
    const without = runCli(['cross-check', hfa012, hfa017, '--earlier', earlier, '--json', '--no-ocr']);
    expect(without.stderr).toBe('');
    // Without OCR the scans have no text: only the claim's own field and the same file are left.
    expect(summary(findingsOf(without))).toEqual([fieldOnly, sameLicence]);
  }, OCR_TIMEOUT);

  it('takes no check-character finding from what OCR read: a misread character is not the alliance’s error', async () => {
    const findings = findingsOf(await checkedWithOcr());
    const licence = findings.find((f) => f.kind === 'same-identifier' && f.identifier === '201810123456.0');
    // OCR did read the wrong number on the scan (the same identifier says so) …
    expect(licence?.places.map((p) => p.file)).toContain('材料/许可合同.pdf');
    // … and the only check-character finding is the claim field HFA-012 wrote itself.
    const checks = findings.filter((f) => f.kind === 'identifier-check-digit');
    expect(checks.flatMap((f) => f.places)).toEqual([{ allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-7', file: null, page: null }]);
  }, OCR_TIMEOUT);

  it('finds exactly what the app finds for the same packages once its OCR queue has read them', async () => {
    const { hfa012, hfa017, earlier } = await packages();
    const dataDir = tempDir();
    const clock = new Date('2027-01-10T01:00:00Z');
    // The app's own wiring: the background OCR queue reads the stored scans with the real engine.
    const ctx = createContext({ dataDir, shell: 'browser', version: '0.0.0-test', now: () => clock, backgroundOcr: true });
    try {
      const stored: { allianceId: string; digest: string }[] = [];
      for (const [path, allianceId] of [[hfa012, 'HFA-012'], [hfa017, 'HFA-017'], [earlier, 'HFA-017']] as const) {
        const report = await importPackage(ctx, { path, name: path, uploadId: null });
        if (report.outcome !== 'imported' || report.digest === null) throw new Error(`not imported: ${JSON.stringify(report)}`);
        stored.push({ allianceId, digest: report.digest });
      }
      ctx.ocr.wake();
      await ctx.ocr.idle();
      const meeting = createMeeting(ctx.db, { name: '2026 年度考核', year: 2026 }, clock);
      replacePackages(ctx.db, meeting.id, stored.slice(0, 2));
      const app = await crossCheckMeeting(ctx.db, dataDir, meeting.id, { now: () => clock });
      expect(app).toMatchObject({ packages: 2, earlierPackages: 1 });
      const cli = await checkedWithOcr();
      expect(findingsOf(cli).length).toBeGreaterThan(0);
      // As whole JSON: the same findings in the same order, with the same details.
      expect(`${JSON.stringify(crossCheckJson(app.findings), null, 2)}\n`).toBe(cli.stdout);
    } finally {
      await ctx.ocr.stop();
      ctx.close();
    }
  }, OCR_TIMEOUT);

  it('on a terminal shows the page being read, each file once though two packages hold it, and prints the same findings', async () => {
    const { hfa012, hfa017, earlier } = await packages();
    const out: string[] = [];
    const err: string[] = [];
    const progress: (string | null)[] = [];
    // The command as main.ts runs it when stderr is a terminal: with a progress line.
    const status = await crossCheckCommand.run([hfa012, hfa017, '--earlier', earlier, '--json'], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      cwd: packagesDir,
      progress: (text) => progress.push(text),
    });
    expect(status).toBe(0);
    expect(err).toEqual([]);
    // Every PDF page without a text layer and every picture goes to the OCR worker (the small
    // self-reports draw nothing: the worker finds no picture on them). The licence scan and
    // HFA-017's self-report, in both of its packages, are read once.
    expect(progress).toEqual([
      '文字识别：第 1/1 页（HFA-012 · 自查报告.pdf）',
      '文字识别：第 1/1 页（HFA-012 · 证明材料/专利证书.pdf）',
      '文字识别：第 1/1 页（HFA-017 · 材料/专利证书复印件.pdf）',
      '文字识别：第 1/1 页（HFA-017 · 材料/许可合同.pdf）',
      '文字识别：第 1/1 页（HFA-017 · 自查报告.pdf）',
      '文字识别：第 1/1 页（HFA-017 2025年 · 专利证书.tiff）',
      null,
    ]);
    expect(out.join('')).toBe((await checkedWithOcr()).stdout);
  }, OCR_TIMEOUT);
});
