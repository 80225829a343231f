import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { dispatch } from '../../../electron/ipc/handlers.ts';
import { evidenceDir } from '../../../electron/evidence/evidence-path.ts';
import { stagingRoot } from '../../../electron/evidence/evidence-staging.ts';
import { incomingDir } from '../../../electron/package-store/incoming.ts';
import { packageDigest } from '../../../electron/package-reader/digest.ts';
import type { MeetingDescription } from '../../../shared/meeting/meeting-file-format.ts';
import { CROSS_CHECK_JSON, MEETING_JSON, meetingHashText } from '../../../shared/meeting/meeting-file-format.ts';
import { backupReasonsIn, readNewestBackup } from '../../helpers/backup-copy.ts';
import { call } from '../../helpers/call.ts';
import type { ChairMeeting } from '../../helpers/chair-meeting.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { packageFiles } from '../../helpers/package-builder.ts';

const tempDir = useTempDir('meeting-file-');
const CLERK = '会务 周敏';

async function clerkExport(): Promise<{ meeting: ChairMeeting; clerk: ServiceContext; meetingId: number; path: string; fingerprint: string }> {
  const meeting = await writeChairMeeting(tempDir());
  const clerk = testContext(tempDir());
  const meetingId = await prepareChairMeeting(clerk, meeting, CLERK);
  const folder = tempDir();
  const exported = await call(clerk, 'meeting-file-export', { meetingId, folder });
  return { meeting, clerk, meetingId, path: exported.path, fingerprint: exported.fingerprint };
}

async function importOn(ctx: ServiceContext, path: string) {
  const started = await call(ctx, 'meeting-file-import', { actor: '专家 王明', source: { path } });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId: started.jobId });
  const outcome = await dispatch(ctx, 'meeting-file-import-outcome', { jobId: started.jobId });
  return { status, outcome };
}

function storeIsEmpty(ctx: ServiceContext): boolean {
  const count = (table: string) => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return count('meeting') === 0 && count('package') === 0 && count('meeting_settings') === 0;
}

describe('meeting file: export on the clerk’s laptop, import on an expert’s', () => {
  it('carries year, rubric, settings, roster and every package, so both laptops hold the same meeting', async () => {
    const { clerk, meetingId, path, fingerprint } = await clerkExport();
    expect(path.endsWith('2026 年度合肥市产业技术创新战略联盟考核评审会.meeting.zip')).toBe(true);
    const expert = testContext(tempDir());
    const { status, outcome } = await importOn(expert, path);
    expect(status.state).toBe('done');
    expect(status.results.map((r) => r.outcome)).toEqual(Array(6).fill('imported'));
    expect(outcome).toMatchObject({ ok: true, value: { outcome: 'created', year: 2026, fingerprint } });
    const importedId = (outcome as { value: { meetingId: number } }).value.meetingId;

    const there = await call(expert, 'meeting-setup', { meetingId: importedId });
    const here = await call(clerk, 'meeting-setup', { meetingId });
    expect(there.settings).toEqual({ method: 'trimmed', deviationThreshold: '10', budgetYuan: '1000000' });
    expect(there.experts).toEqual(here.experts);
    expect(there.packages.map((p) => [p.allianceId, p.digest])).toEqual(here.packages.map((p) => [p.allianceId, p.digest]));
    expect(there.packages.every((p) => p.packageId !== null)).toBe(true);
    expect(there.files[0]).toMatchObject({ direction: 'import', fingerprint });
    const audit = await call(expert, 'audit-log', { meetingId: importedId });
    expect(audit.entries.map((e) => [e.action, e.actor])).toEqual([['meeting-file-import', '专家 王明']]);
  });

  it('is a zip any tool opens: meeting.json first, then packages/<alliance>/<path>, each file as imported', async () => {
    const { meeting, path } = await clerkExport();
    const entries = await readZip(path);
    const names = [...entries.keys()];
    expect(names[0]).toBe(MEETING_JSON);
    const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as { format: string; version: number; packages: { allianceId: string; files: { path: string }[] }[] };
    expect(description).toMatchObject({ format: 'alliance-review/meeting', version: 1 });
    // Besides the packages' files: the cross-check findings when the clerk's check found some.
    const carried = names.filter((n) => n === CROSS_CHECK_JSON).length;
    expect(names).toHaveLength(1 + carried + description.packages.reduce((n, p) => n + p.files.length, 0));
    const original = await readZip(meeting.packages[0]!.path);
    for (const [name, bytes] of original) expect(entries.get(`packages/HFA-001/${name}`)?.equals(bytes)).toBe(true);
  });

  it('changes nothing when imported again, and updates the same meeting from a newer file', async () => {
    const { clerk, meetingId, path } = await clerkExport();
    const expert = testContext(tempDir());
    await importOn(expert, path);
    const again = await importOn(expert, path);
    expect(again.outcome).toMatchObject({ ok: true, value: { outcome: 'unchanged' } });
    expect(expert.db.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(1);

    await call(clerk, 'meeting-roster-save', {
      meetingId,
      actor: CLERK,
      experts: [
        { id: 'E01', name: '王明' },
        { id: 'E02', name: '李华' },
      ],
    });
    const newer = await call(clerk, 'meeting-file-export', { meetingId, folder: tempDir() });
    const updated = await importOn(expert, newer.path);
    expect(updated.outcome).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    const id = (updated.outcome as { value: { meetingId: number } }).value.meetingId;
    expect((await call(expert, 'meeting-setup', { meetingId: id })).experts.map((e) => e.id)).toEqual(['E01', 'E02']);
  });

  it('carries each roster entry’s title, specialty, employer and 组长 mark, writing only those given', async () => {
    const { clerk, meetingId } = await clerkExport();
    const roster = [
      { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true },
      { id: 'E02', name: '李华', title: '', specialty: '', employer: '', leader: false },
    ];
    await call(clerk, 'meeting-roster-save', { meetingId, actor: CLERK, experts: roster });
    const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: tempDir() });
    const description = JSON.parse((await readZip(exported.path)).get(MEETING_JSON)!.toString('utf8')) as MeetingDescription;
    // An entry without details is written exactly as before these fields existed.
    expect(description.experts).toEqual([
      { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true },
      { id: 'E02', name: '李华' },
    ]);
    const expert = testContext(tempDir());
    const { outcome } = await importOn(expert, exported.path);
    const id = (outcome as { value: { meetingId: number } }).value.meetingId;
    expect((await call(expert, 'meeting-setup', { meetingId: id })).experts).toEqual(roster);
  });

  it('refuses a roster with two 组长 or with one id twice, naming the lines, and keeps the saved one', async () => {
    const { clerk, meetingId } = await clerkExport();
    const before = (await call(clerk, 'meeting-setup', { meetingId })).experts;
    await expect(
      call(clerk, 'meeting-roster-save', {
        meetingId,
        actor: CLERK,
        experts: [
          { id: 'E01', name: '王明', leader: true },
          { id: 'E02', name: '李华', leader: true },
        ],
      }),
    ).rejects.toThrow('roster-invalid: 名册未保存：专家名册中有 2 位组长（第 1 行（王明）、第 2 行（李华）），只能有一位组长；请只在一行标“组长”。');
    await expect(
      call(clerk, 'meeting-roster-save', { meetingId, actor: CLERK, experts: [{ id: 'E01', name: '王明' }, { id: 'E01', name: '李华' }] }),
    ).rejects.toThrow(/第 2 行（李华）的编号 E01 与第 1 行（王明）重复/);
    expect((await call(clerk, 'meeting-setup', { meetingId })).experts).toEqual(before);
  });

  it('backs up the store after an import that stored the meeting, not after one that changed nothing', async () => {
    const { path } = await clerkExport();
    const expert = testContext(tempDir());
    const { outcome } = await importOn(expert, path);
    const meetingId = (outcome as { value: { meetingId: number } }).value.meetingId;
    expect(backupReasonsIn(expert.dataDir)).toEqual(['import']);
    const inBackup = readNewestBackup(expert.dataDir, 'import', (db) => ({
      meetings: db.prepare('SELECT id, name FROM meeting').all(),
      packages: db.prepare('SELECT count(*) FROM meeting_package WHERE meeting_id = ?').pluck().get(meetingId),
      files: db.prepare('SELECT direction FROM meeting_file WHERE meeting_id = ?').pluck().all(meetingId),
    }));
    expect(inBackup).toEqual({
      meetings: [{ id: meetingId, name: '2026 年度合肥市产业技术创新战略联盟考核评审会' }],
      packages: 6,
      files: ['import'],
    });

    await importOn(expert, path);
    expect(backupReasonsIn(expert.dataDir)).toEqual(['import']);
  });

  it('refuses to overwrite an earlier meeting file, and writes nothing when the store is damaged', async () => {
    const { clerk, meetingId, path } = await clerkExport();
    const folder = join(path, '..');
    await expect(call(clerk, 'meeting-file-export', { meetingId, folder })).rejects.toThrow(/^file-exists/);
    const hash = clerk.db.prepare('SELECT sha256 FROM package_file ORDER BY path LIMIT 1').pluck().get() as string;
    writeFileSync(join(clerk.dataDir, 'evidence', hash.slice(0, 2), hash), 'damaged');
    const other = tempDir();
    await expect(call(clerk, 'meeting-file-export', { meetingId, folder: other })).rejects.toThrow(/^store-damaged/);
    expect(readdirSync(other)).toEqual([]);
  });
});

/** Every table an import writes, with its row count; and the files under evidence/ and incoming/. */
function storeState(ctx: ServiceContext): { rows: Record<string, unknown>; evidence: string[]; incoming: string[] } {
  const tables = ['package', 'package_file', 'claim', 'package_problem', 'evidence_file', 'meeting', 'meeting_settings', 'meeting_expert', 'meeting_package', 'meeting_file', 'audit_entry'];
  const rows = Object.fromEntries(tables.map((t) => [t, ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
  const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);
  // The staging folder itself may stay (empty); anything in it would be listed.
  return { rows, evidence: list(evidenceDir(ctx.dataDir)).filter((f) => f !== '.staging'), incoming: list(incomingDir(ctx.dataDir)) };
}

/**
 * The clerk's real meeting file with one package's manifest.json replaced, and meeting.json
 * re-listed to match (file hash, size, package digest, contentSha256), as a tool that knows
 * the format would write it: the file passes the meeting-level checks and only the package
 * check refuses it.
 */
async function withPackageManifest(path: string, allianceId: string, manifestText: string): Promise<string> {
  const entries = await readZip(path);
  const bytes = Buffer.from(manifestText);
  entries.set(`packages/${allianceId}/manifest.json`, bytes);
  const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as Omit<MeetingDescription, 'packages' | 'contentSha256'> & {
    packages: { allianceId: string; allianceName: string; digest: string; files: { path: string; sha256: string; size: number }[] }[];
    contentSha256: string;
  };
  const pkg = description.packages.find((p) => p.allianceId === allianceId)!;
  const file = pkg.files.find((f) => f.path === 'manifest.json')!;
  file.sha256 = createHash('sha256').update(bytes).digest('hex');
  file.size = bytes.length;
  pkg.digest = packageDigest(pkg.files);
  description.contentSha256 = createHash('sha256').update(meetingHashText(description)).digest('hex');
  entries.set(MEETING_JSON, Buffer.from(JSON.stringify(description, null, 2)));
  const altered = join(tempDir(), 'altered.meeting.zip');
  await packageFiles(entries).writeZip(altered);
  return altered;
}

describe('meeting file: imported as one transaction', () => {
  it('a file refused for its second package stores nothing, not even the first package', async () => {
    const { path } = await clerkExport();
    const entries = await readZip(path);
    const second = JSON.parse(entries.get('packages/HFA-002/manifest.json')!.toString('utf8')) as Record<string, unknown>;
    const altered = await withPackageManifest(path, 'HFA-002', JSON.stringify({ ...second, year: '二〇二六' }, null, 2));
    const expert = testContext(tempDir());
    const before = storeState(expert);
    const { status } = await importOn(expert, altered);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('package-invalid');
    expect(status.error?.message).toMatch(/^会议包 altered\.meeting\.zip 不能导入：联盟 HFA-002（[^）]+）的材料包未通过检查：/);
    expect(storeState(expert)).toEqual(before);
    expect(before.rows['package']).toBe(0);
    expect(existsSync(stagingRoot(expert.dataDir)) ? readdirSync(stagingRoot(expert.dataDir)) : []).toEqual([]);
  });

  it('a file refused for its last package leaves a laptop that already holds a package exactly as it was', async () => {
    const { meeting, path } = await clerkExport();
    const expert = testContext(tempDir());
    const started = await call(expert, 'package-import', { sources: [{ path: meeting.packages[0]!.path }] });
    await expert.jobs.idle();
    expect((await call(expert, 'job-status', { jobId: started.jobId })).results.map((r) => r.outcome)).toEqual(['imported']);
    const altered = await withPackageManifest(path, 'HFA-006', '{"format": ');
    const before = storeState(expert);
    const { status } = await importOn(expert, altered);
    expect(status.error?.code).toBe('package-invalid');
    expect(status.error?.message).toContain('联盟 HFA-006（合肥市光伏产业技术创新战略联盟）的材料包未通过检查：manifest.json 不是有效的 JSON');
    expect(status.error?.message).toContain('请把这些问题告诉会务人员');
    expect(status.error?.message).not.toContain('重新打包');
    expect(storeState(expert)).toEqual(before);
    expect(before.rows['package']).toBe(1);
  });

  it('a failure while storing (the meeting row refused by SQLite) rolls back every package and removes their evidence', async () => {
    const { path } = await clerkExport();
    const expert = testContext(tempDir());
    const before = storeState(expert);
    // A real constraint failure inside the transaction, after every package row is written.
    expert.db.exec("CREATE TRIGGER refuse_meeting BEFORE INSERT ON meeting BEGIN SELECT RAISE(ABORT, '磁盘已满'); END");
    const { status } = await importOn(expert, path);
    expect(status.state).toBe('failed');
    expect(storeState(expert)).toEqual(before);
    expect(before.evidence).toEqual([]);
  });
});

describe('meeting file: a file wrong in several ways is refused with every problem, each in the importing person’s words', () => {
  const edit = (entries: Map<string, Buffer>) => JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as MeetingDescription & Record<string, unknown>;
  async function importAltered(path: string, alter: (entries: Map<string, Buffer>) => void) {
    const entries = await readZip(path);
    alter(entries);
    const altered = join(tempDir(), 'altered.meeting.zip');
    await packageFiles(entries).writeZip(altered);
    const expert = testContext(tempDir());
    const { status } = await importOn(expert, altered);
    expect(status.state).toBe('failed');
    expect(storeIsEmpty(expert)).toBe(true);
    return status.error!;
  }

  it('files changed, missing and slipped in: every one listed by alliance and file, with what to do once', async () => {
    const { path } = await clerkExport();
    const error = await importAltered(path, (entries) => {
      const evidence = (alliance: string) => [...entries.keys()].filter((n) => n.startsWith(`packages/${alliance}/`) && !n.endsWith('manifest.json'));
      const changed = evidence('HFA-001')[0]!;
      entries.set(changed, Buffer.alloc(entries.get(changed)!.length, 0x20));
      entries.set(evidence('HFA-002')[0]!, Buffer.from('短了'));
      entries.delete(evidence('HFA-003')[0]!);
      entries.set('packages/HFA-004/多出来的.pdf', Buffer.from('%PDF'));
    });
    expect(error.message).toBe('会议包 altered.meeting.zip 不能导入：发现 4 处问题（见下）。可能是拷贝不完整或被改动过，请向会务人员重新拷贝会议包。本机数据没有改动。');
    const problems = error.problems ?? [];
    expect(problems.map((p) => p.code).sort()).toEqual(['meeting-file-altered', 'meeting-file-altered', 'meeting-file-damaged', 'meeting-file-damaged']);
    const said = problems.map((p) => p.message);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^联盟 HFA-004（[^）]+）材料包中的文件“多出来的\.pdf”不在会议包的清单上/),
        expect.stringMatching(/^联盟 HFA-001（[^）]+）材料包中的文件“[^”]+”的内容与清单不符：已损坏或被改动过$/),
        expect.stringMatching(/^联盟 HFA-002（[^）]+）材料包中的文件“[^”]+”的大小（6 字节）与清单（\d+ 字节）不符$/),
        expect.stringMatching(/^缺少联盟 HFA-003（[^）]+）材料包中的文件“[^”]+”$/),
      ]),
    );
    // Codes and zip entry names are for logs and programs, not for the person reading.
    for (const text of [error.message, ...said.filter((m) => !m.includes('不在会议包的清单上'))]) expect(text).not.toMatch(/packages\/|meeting-file-|[a-f0-9]{12}/);
  });

  it('meeting.json wrong in three places: the roster line, the setting and the package file each named', async () => {
    const { path } = await clerkExport();
    const error = await importAltered(path, (entries) => {
      const d = edit(entries) as unknown as { experts: { id: string }[]; settings: { method: string }; packages: { files: { sha256: string }[] }[] };
      d.experts[2]!.id = '第三位';
      d.settings.method = 'median';
      d.packages[1]!.files[0]!.sha256 = 'xyz';
      entries.set(MEETING_JSON, Buffer.from(JSON.stringify(d, null, 2)));
    });
    expect(error.code).toBe('meeting-file-damaged');
    expect(error.message).toMatch(/^会议包 altered\.meeting\.zip 不能导入：发现 3 处问题（见下）。/);
    const said = (error.problems ?? []).map((p) => p.message);
    expect(said).toHaveLength(3);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^会议说明（meeting\.json）中专家名册第 3 行（[^）]+）的编号不符合格式：写法不对$/),
        '会议说明（meeting.json）中会议设置的汇总方法不符合格式：不是本程序认识的值',
        expect.stringMatching(/^会议说明（meeting\.json）中联盟 HFA-002（[^）]+）的材料包的文件清单第 1 项（[^）]+）的 SHA-256 不符合格式：写法不对$/),
      ]),
    );
  });

  it('two packages that fail the package check: each package’s errors, and the clerk’s next step instead of the package author’s', async () => {
    const { path } = await clerkExport();
    const once = await withPackageManifest(path, 'HFA-002', '{"format": ');
    const twice = await withPackageManifest(once, 'HFA-005', '[]');
    const expert = testContext(tempDir());
    const { status } = await importOn(expert, twice);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('package-invalid');
    expect(status.error?.message).toMatch(/发现 \d+ 处问题（见下）。请把这些问题告诉会务人员：在会务电脑的“材料包”页核对这些联盟的材料包/);
    const said = (status.error?.problems ?? []).map((p) => p.message);
    expect(said.some((m) => /^联盟 HFA-002（[^）]+）的材料包未通过检查：manifest\.json 不是有效的 JSON/.test(m))).toBe(true);
    expect(said.some((m) => /^联盟 HFA-005（[^）]+）的材料包未通过检查：/.test(m))).toBe(true);
    for (const m of said) expect(m).not.toContain('重新打包');
    expect(storeIsEmpty(expert)).toBe(true);
  });
});

describe('meeting file: a damaged or altered file is refused, and nothing is stored', () => {
  async function refused(alter: (entries: Map<string, Buffer>) => void | Promise<void>, code: RegExp, message: RegExp) {
    const { path } = await clerkExport();
    const entries = await readZip(path);
    await alter(entries);
    const altered = join(tempDir(), 'altered.meeting.zip');
    await packageFiles(entries).writeZip(altered);
    const expert = testContext(tempDir());
    const { status } = await importOn(expert, altered);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toMatch(code);
    expect(status.error?.message).toMatch(/^会议包 altered\.meeting\.zip 不能导入：/);
    expect(status.error?.message).toMatch(message);
    expect(storeIsEmpty(expert)).toBe(true);
  }

  const description = (entries: Map<string, Buffer>) => JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as Record<string, unknown> & {
    settings: { deviationThreshold: number };
    packages: { allianceId: string; files: { path: string; sha256: string }[] }[];
  };

  it('an evidence file changed inside the zip', async () => {
    await refused(
      (entries) => {
        const name = [...entries.keys()].find((n) => n.startsWith('packages/HFA-002/') && n !== 'packages/HFA-002/manifest.json')!;
        entries.set(name, Buffer.from('改过的证明材料'));
      },
      /meeting-file-(altered|damaged)/,
      /联盟 HFA-002（[^）]+）材料包中的文件“[^”]+”的(内容与清单不符|大小（\d+ 字节）与清单（\d+ 字节）不符)/,
    );
  });

  it('meeting.json changed without its hash (the threshold lowered)', async () => {
    await refused(
      (entries) => {
        const d = description(entries);
        d.settings.deviationThreshold = 5;
        entries.set(MEETING_JSON, Buffer.from(JSON.stringify(d, null, 2)));
      },
      /meeting-file-altered/,
      /校验值.*不符/,
    );
  });

  it('a roster name holding a line break and ESC', async () => {
    await refused(
      (entries) => {
        const d = description(entries) as unknown as { experts: { name: string }[] };
        d.experts[0]!.name = '王明\n\u001b[2K';
        entries.set(MEETING_JSON, Buffer.from(JSON.stringify(d, null, 2)));
      },
      /meeting-file-damaged/,
      /会议说明（meeting\.json）中专家名册第 1 行（E01）的姓名不符合格式：不能有换行、控制字符/,
    );
  });

  it('a meeting name with a lone surrogate', async () => {
    await refused(
      (entries) => {
        const d = description(entries) as unknown as { name: string };
        d.name = 'PLACEHOLDER';
        entries.set(MEETING_JSON, Buffer.from(JSON.stringify(d, null, 2).replace('"PLACEHOLDER"', '"会议\\ud800"')));
      },
      /meeting-file-damaged/,
      /“name”的文字含有无法显示的字符/,
    );
  });

  it('a file slipped in that the description does not list', async () => {
    await refused((entries) => void entries.set('packages/HFA-001/多出来的.pdf', Buffer.from('%PDF')), /meeting-file-altered/, /联盟 HFA-001（[^）]+）材料包中的文件“多出来的\.pdf”不在会议包的清单上/);
  });

  it('a listed file missing', async () => {
    await refused(
      (entries) => {
        const name = [...entries.keys()].find((n) => n.startsWith('packages/HFA-003/证明材料'))!;
        entries.delete(name);
      },
      /meeting-file-damaged/,
      /缺少联盟 HFA-003（[^）]+）材料包中的文件“证明材料/,
    );
  });

  it('no meeting.json: not a meeting file', async () => {
    await refused((entries) => void entries.delete(MEETING_JSON), /not-a-meeting-file/, /没有 meeting\.json/);
  });

  it('a file that is cut short or is no zip at all', async () => {
    const { path } = await clerkExport();
    const bytes = readFileSync(path);
    for (const [name, content] of [
      ['cut.meeting.zip', bytes.subarray(0, Math.floor(bytes.length / 2))],
      ['photo.meeting.zip', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
    ] as const) {
      const file = join(tempDir(), name);
      writeFileSync(file, content);
      const expert = testContext(tempDir());
      const { status } = await importOn(expert, file);
      expect(status.state).toBe('failed');
      expect(status.error?.code).toBe('not-a-meeting-file');
      expect(status.error?.message).toContain(`会议包 ${name} 不能导入`);
      expect(storeIsEmpty(expert)).toBe(true);
    }
  });

  it('a byte flipped in the middle of the file', async () => {
    const { path } = await clerkExport();
    const bytes = Buffer.from(readFileSync(path));
    // Inside a file's stored bytes, at or after a third of the way: a byte of a data descriptor
    // (CRC and sizes after the data) is never read, each file's SHA-256 is checked instead, so a
    // flip there rightly changes nothing, and a fixed offset would land there by chance.
    const stored = [...(await readZip(path)).values()].filter((b) => b.length > 64).map((b) => ({ b, at: bytes.indexOf(b) }));
    const inside = stored.filter((s) => s.at + s.b.length > bytes.length / 3).sort((x, y) => x.at - y.at)[0]!;
    const at = Math.max(inside.at, Math.floor(bytes.length / 3));
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const file = join(tempDir(), 'flipped.meeting.zip');
    writeFileSync(file, bytes);
    const expert = testContext(tempDir());
    const { status } = await importOn(expert, file);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toMatch(/meeting-file-(altered|damaged)|not-a-meeting-file/);
    expect(storeIsEmpty(expert)).toBe(true);
  });

  it('is refused on a laptop where the same meeting is already locked', async () => {
    const { path } = await clerkExport();
    const expert = testContext(tempDir());
    const first = await importOn(expert, path);
    const meetingId = (first.outcome as { value: { meetingId: number } }).value.meetingId;
    // Lock without sheets is refused by the app; make the lock row as a locked store would hold it.
    const db = new Database(join(expert.dataDir, 'alliance-review.sqlite'));
    const seq = (db.prepare('SELECT max(seq) FROM audit_entry').pluck().get() as number) + 1;
    const prev = db.prepare('SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    db.prepare("INSERT INTO audit_entry VALUES (?, ?, 't', '主任', 'lock', '{}', ?, ?)").run(seq, meetingId, prev, 'f'.repeat(64));
    db.prepare("INSERT INTO panel_lock (meeting_id, result_text, result_sha256, findings_json, settings_json, locked_at, locked_by, audit_seq) VALUES (?, '{}', ?, '[]', '{}', 't', '主任', ?)").run(meetingId, 'e'.repeat(64), seq);
    db.close();
    const { status } = await importOn(expert, path);
    expect(status.error?.code).toBe('result-locked');
  });
});
