/**
 * A hostile meeting file: its description (meeting.json) is rewritten with its hash, so it is
 * self-consistent, but what it declares unpacks to far more than the file holds. It must be
 * refused from the declared sizes and the zip's layout before anything is written to the
 * expert laptop's disk, with its own code rather than a later package refusal.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { packageDigest } from '../../../electron/package-reader/digest.ts';
import { MEETING_JSON, meetingHashText, type MeetingDescription } from '../../../shared/meeting/meeting-file-format.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { rawZip, type RawEntry } from '../../helpers/raw-zip.ts';
import { readZip } from '../../helpers/read-zip.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('meeting-limits-');
const MiB = 1024 * 1024;

const zeros = Buffer.alloc(MiB - 1);
const zerosPacked = deflateRawSync(zeros);
const zerosCrc = crc32(zeros);
const zerosSha = createHash('sha256').update(zeros).digest('hex');

/**
 * The clerk's real meeting file with `count` files of zeros (each just under 1 MiB, so no one
 * file reaches the per-file ratio floor) added to HFA-001, its description rewritten to list
 * them and its hash recomputed.
 */
async function hostileMeetingFile(count: number, options: { shareData?: boolean } = {}): Promise<string> {
  const meeting = await writeChairMeeting(tempDir());
  const clerk = testContext(tempDir());
  const meetingId = await prepareChairMeeting(clerk, meeting, '会务 周敏');
  const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: tempDir() });
  const entries = await readZip(exported.path);
  const description = JSON.parse(entries.get(MEETING_JSON)!.toString('utf8')) as { -readonly [K in keyof MeetingDescription]: MeetingDescription[K] };
  const pkg = description.packages.find((p) => p.allianceId === 'HFA-001')!;
  const added = Array.from({ length: count }, (_, i) => ({ path: `证明材料/z${String(i).padStart(4, '0')}.pdf`, sha256: zerosSha, size: zeros.length }));
  const files = [...pkg.files, ...added];
  const rewritten = description.packages.map((p) => (p === pkg ? { ...p, files, digest: packageDigest(files) } : p));
  const withoutHash = { ...description, packages: rewritten };
  const contentSha256 = createHash('sha256').update(meetingHashText(withoutHash)).digest('hex');
  const raw: RawEntry[] = [{ name: MEETING_JSON, data: JSON.stringify({ ...withoutHash, contentSha256 }), flags: 0x800 }];
  for (const [name, data] of entries) if (name !== MEETING_JSON) raw.push({ name, data, flags: 0x800 });
  const first = raw.length;
  for (const [i, file] of added.entries()) {
    raw.push({
      name: `packages/HFA-001/${file.path}`,
      data: '',
      declaredSize: zeros.length,
      declaredCrc32: zerosCrc,
      packedData: zerosPacked,
      flags: 0x800,
      ...(options.shareData === true && i > 0 ? { sameDataAs: first } : {}),
    });
  }
  const path = join(tempDir(), 'hostile.meeting.zip');
  writeFileSync(path, rawZip(raw));
  return path;
}

async function importWatched(ctx: ServiceContext, path: string) {
  const incoming = join(ctx.dataDir, 'incoming');
  const written: string[] = [];
  // Every file the import creates under incoming/ is seen here, even if it is removed again.
  mkdirSync(incoming, { recursive: true });
  const watcher = watch(incoming, { recursive: true }, (_event, name) => {
    if (name !== null && name.endsWith('.pdf')) written.push(name);
  });
  try {
    const started = await call(ctx, 'meeting-file-import', { actor: '专家 王明', source: { path } });
    await ctx.jobs.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { status: await call(ctx, 'job-status', { jobId: started.jobId }), written };
  } finally {
    watcher.close();
  }
}

// Each case builds the clerk's whole meeting (six packages, signed sheets), slow on a busy machine.
describe('meeting file limits: refused before anything is written', { timeout: 120_000 }, () => {
  it('refuses 190 MiB of zeros declared by a file of well under 1 MiB, writing no file', async () => {
    const path = await hostileMeetingFile(190);
    const expert = testContext(tempDir());
    const { status, written } = await importWatched(expert, path);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('meeting-file-too-large');
    expect(status.error?.message).toMatch(/^会议包 hostile\.meeting\.zip 不能导入：.*整体压缩比超过了 100:1.*未解开任何文件/);
    expect(written).toEqual([]);
    expect(existsSync(join(expert.dataDir, 'incoming')) ? readdirSync(join(expert.dataDir, 'incoming')) : []).toEqual([]);
  });

  it('refuses entries that share one compressed entry', async () => {
    const path = await hostileMeetingFile(20, { shareData: true });
    const expert = testContext(tempDir());
    const { status, written } = await importWatched(expert, path);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('meeting-file-altered');
    expect(status.error?.message).toMatch(/不一致|同一段压缩数据/);
    expect(written).toEqual([]);
  });

  it('still imports a file whose added zeros keep within the limits', async () => {
    const path = await hostileMeetingFile(2);
    const expert = testContext(tempDir());
    const { status } = await importWatched(expert, path);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
  });
});
