/**
 * IPC fuzz: random and malformed payloads to every channel of the browser shell, over real
 * HTTP. Whatever arrives, the server answers with a structured error or a valid value,
 * never crashes, never hangs, and keeps serving afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/api/channels.ts';
import { tokenHeader } from '../../../shared/api/transport.ts';
import { startWebServer, type WebServer } from '../../../electron/web/web-server.ts';
import { testContext } from '../../helpers/context.ts';
import { prng } from '../../helpers/prng.ts';
import { rawZip, unicodePathField } from '../../helpers/raw-zip.ts';
import { bodyLimit, maxConcurrentBodies } from '../../../electron/web/request-body.ts';


/** Names no one may give: lone surrogates, control, bidi and zero-width characters. */
const UNSAFE_TEXTS = ['\ud800', '会议\udfff', '会议\n指纹 fingerprint：0000\u001b[1A\u001b[2K', '会议\u202e', '零\u200b宽', 'c1\u0085', '\u2066x\u2069'];

const nasty: unknown[] = [
  null, true, 0, -1, 1e308, -0, 2 ** 53 + 1, '', ' ', '../../etc/passwd', 'C:\\Windows', '\u0000', '🀄'.repeat(1000),
  'x'.repeat(70_000), [], [null], {}, { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } },
  { sources: [] }, { sources: [{ path: '/nonexistent/联盟.zip' }] }, { jobId: '../../x' }, { packageId: -5 }, { packageId: 1.5 },
  { name: '会议', year: 2026.5 }, { name: '<script>alert(1)</script>', year: 2026 }, { folders: 'yes' },
  { name: '../../alliance-review.sqlite' },
  ...UNSAFE_TEXTS,
  ...UNSAFE_TEXTS.map((name) => ({ name, year: 2026 })),
  { meetingId: 1, actor: '周\u202e敏', experts: [{ id: 'E01', name: '王\u0000明' }] },
  { meetingId: 1, actor: '周敏', experts: [{ id: 'E01', name: '王明\ud800' }] },
];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 9);
  switch (pick) {
    case 0:
      return nasty[Math.floor(rand() * nasty.length)];
    case 1:
      return Math.floor(rand() * 2 ** 32) - 2 ** 31;
    case 2:
      return rand() * 1e6;
    case 3:
      return String.fromCodePoint(...Array.from({ length: Math.floor(rand() * 20) }, () => Math.floor(rand() * 0x2ffff)));
    case 4:
      return rand() < 0.5;
    case 5:
      return null;
    case 6:
      return depth > 3 ? [] : Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      if (depth > 3) return {};
      const keys = ['name', 'year', 'sources', 'path', 'uploadId', 'jobId', 'packageId', 'folders', '__proto__', 'x'];
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 4); i > 0; i -= 1) object[keys[Math.floor(rand() * keys.length)]!] = randomValue(rand, depth + 1);
      return object;
    }
  }
}

describe('IPC fuzz over the browser shell', () => {
  // One server for all three tests: the folders live until afterAll, so jobs the fuzzer
  // started (imports of paths that do not exist) can finish against them.
  let server: WebServer;
  let ctx: ReturnType<typeof testContext>;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'alliance-review-fuzz-'));
    const rendererDir = join(root, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head></html>');
    ctx = testContext(join(root, 'data'));
    server = await startWebServer({ ctx, rendererDir });
  });
  afterAll(async () => {
    await server.close();
    await ctx.jobs.idle();
    ctx.close();
    rmSync(root, { recursive: true, force: true });
  });

  const post = async (channel: string, body: string) => {
    // Lone surrogates cannot be percent-encoded; the server sees U+FFFD for them instead.
    const safeChannel = channel.replace(/[\ud800-\udfff]/g, '\ufffd');
    const response = await fetch(`${server.url}api/${encodeURIComponent(safeChannel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: server.token },
      body,
    });
    const text = await response.text();
    // Node's HTTP parser itself refuses a request line over its 16 KB header limit.
    if (response.status === 431) return { status: 200, json: { ok: false, error: { code: 'header-too-large', message: '请求头过大' } } };
    let json: { ok: boolean; error?: { code: string; message: string } };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new Error(`not JSON (${response.status}) for channel ${JSON.stringify(channel).slice(0, 100)}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, json };
  };

  it('answers 3000 random payloads across every channel with a value or a structured error', async () => {
    const rand = prng(20261126);
    const codes = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1) {
      const channel = rand() < 0.05 ? String(randomValue(rand)) : channelNames[Math.floor(rand() * channelNames.length)]!;
      // Never ask the fuzzer to restore: it would need a real backup; a random name is refused anyway.
      const payload = randomValue(rand);
      const { status, json } = await post(channel, JSON.stringify(payload) ?? 'null');
      expect(status, `${channel} ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(200);
      expect(typeof json.ok).toBe('boolean');
      if (!json.ok) {
        expect(json.error?.code).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
        expect(json.error?.code).not.toBe('internal');
        codes.set(json.error!.code, (codes.get(json.error!.code) ?? 0) + 1);
      }
    }
    expect(codes.get('invalid-request')).toBeGreaterThan(100);
  });

  it('refuses every unsafe meeting name as an invalid request, and creates nothing', async () => {
    const before = (await post('meeting-list', '{}')).json as unknown as { value: unknown[] };
    for (const name of UNSAFE_TEXTS) {
      const { status, json } = await post('meeting-create', JSON.stringify({ name, year: 2026 }));
      expect(status).toBe(200);
      expect(json, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const after = (await post('meeting-list', '{}')).json as unknown as { value: unknown[] };
    expect(after.value).toEqual(before.value);
  });

  it('answers malformed bodies with 400 and keeps serving', async () => {
    for (const body of ['{', '[1,', '\u0000', 'undefined', '{"a":}', '"\\ud800"', '{'.repeat(10_000)]) {
      const { status, json } = await post('meeting-list', body);
      expect([200, 400]).toContain(status);
      if (status === 200) expect(json.ok).toBe(false);
    }
    const { json } = await post('meeting-list', '{}');
    expect(json).toMatchObject({ ok: true });
  });

  it('answers oversized bodies, bursts of concurrent bodies and hostile package paths with structured errors', async () => {
    const rand = prng(20261201);
    const answered = (status: number, json: { ok: boolean; error?: { code: string; message: string } }, what: string) => {
      expect([200, 413, 503], what).toContain(status);
      if (status === 413) expect(json.error?.code, what).toBe('request-too-large');
      if (status === 503) expect(json.error?.code, what).toBe('server-busy');
      if (!json.ok) {
        expect(json.error?.message, what).toMatch(/[\u4e00-\u9fff]/);
        expect(json.error?.code, what).not.toBe('internal');
      }
    };
    // Bodies just past their channel's limit, and just within it.
    for (const channel of ['app-info', 'meeting-list', 'paper-entry-save', 'package-import', 'comment-set']) {
      const limit = bodyLimit(channel);
      const over = await post(channel, JSON.stringify({ x: 'y'.repeat(limit) }));
      expect(over.status, channel).toBe(413);
      answered(over.status, over.json, channel);
      const within = await post(channel, JSON.stringify({ x: 'y'.repeat(limit - 100) }));
      expect(within.status, channel).toBe(200);
      answered(within.status, within.json, channel);
    }
    // Bursts of 3 × the concurrency bound: each answered, some perhaps refused as busy.
    for (let burst = 0; burst < 5; burst += 1) {
      const calls = Array.from({ length: maxConcurrentBodies * 3 }, () => {
        const channel = channelNames[Math.floor(rand() * channelNames.length)]!;
        const payload = randomValue(rand);
        return post(channel, JSON.stringify(payload) ?? 'null').then((r) => answered(r.status, r.json, channel));
      });
      await Promise.all(calls);
    }
    // Package and meeting-file imports of the reader's hostile zips: refused, never internal.
    const hostile = join(root, 'hostile');
    mkdirSync(hostile, { recursive: true });
    const raw = Buffer.from('../../evil.pdf');
    const zips: Record<string, Buffer> = {
      'local-header.zip': rawZip([{ name: 'manifest.json', data: '{}' }, { name: 'a.pdf', data: 'x', local: { name: '../../a.pdf' } }]),
      'unicode-path.zip': rawZip([{ name: raw, data: 'x', extraFields: [unicodePathField(raw, 'a.pdf')] }]),
      'bidi.zip': rawZip([{ name: '合同\u202Efdp.exe', data: 'x', flags: 0x800 }]),
      'windows.zip': rawZip([{ name: 'CON', data: 'x' }, { name: 'a?b.pdf', data: 'x' }]),
      'twins.zip': rawZip([{ name: 'A.pdf', data: 'x' }, { name: 'a.pdf', data: 'y' }]),
      'overlap.zip': rawZip([{ name: 'a.pdf', data: 'x'.repeat(1000) }, { name: 'a.pdf', data: 'x'.repeat(1000), sameDataAs: 0 }]),
    };
    for (const [name, bytes] of Object.entries(zips)) writeFileSync(join(hostile, name), bytes);
    const packageJobs: string[] = [];
    for (const name of Object.keys(zips)) {
      for (const channel of ['package-import', 'meeting-file-import']) {
        const payload = channel === 'meeting-file-import' ? { actor: '会务 周敏', source: { path: join(hostile, name) } } : { sources: [{ path: join(hostile, name) }] };
        const { status, json } = await post(channel, JSON.stringify(payload));
        answered(status, json, `${channel} ${name}`);
        expect(json.ok, `${channel} ${name}`).toBe(true);
        if (channel === 'package-import') packageJobs.push((json as unknown as { value: { jobId: string } }).value.jobId);
      }
    }
    await ctx.jobs.idle();
    for (const jobId of packageJobs) {
      const { json: status } = await post('job-status', JSON.stringify({ jobId }));
      const value = (status as unknown as { value: { results: { outcome: string; problems: { code: string }[] }[] } }).value;
      expect(value.results.map((r) => r.outcome)).toEqual(['refused']);
      expect(value.results[0]?.problems.some((p) => /^(entry|limit)-/.test(p.code))).toBe(true);
    }
    const { json } = await post('meeting-list', '{}');
    expect(json).toMatchObject({ ok: true });
  });

  it('did not let any payload pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
