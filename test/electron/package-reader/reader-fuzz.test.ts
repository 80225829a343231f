/**
 * Fuzzing the package reader: thousands of mutated zips and manifests,
 * seeded so any failure replays. Every case must end, within a time bound, in a reading
 * whose failures are clear validation problems (a known code, a Chinese message), never an
 * exception or a hang; the reader hands bytes only to our sink and only under safe package
 * paths, and a sentinel folder beside the packages stays untouched.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackage } from '../../../electron/package-reader/check-package.ts';
import type { FileSink } from '../../../electron/package-reader/read-package.ts';
import { manifestErrorCodes, readerErrorCodes, warningCodes, workbookErrorCodes, workbookWarningCodes } from '../../../shared/package/problem.ts';
import { prng } from '../../helpers/prng.ts';
import { alliancePackage, manifest as packageManifest } from '../../helpers/package-builder.ts';
import { rawZip, unicodePathField, type RawEntry } from '../../helpers/raw-zip.ts';
import { checkEntryName } from '../../../electron/package-reader/check-entry-name.ts';

const knownCodes = new Set<string>([...readerErrorCodes, ...manifestErrorCodes, ...warningCodes, ...workbookErrorCodes, ...workbookWarningCodes]);
const perCaseLimitMs = 5000;

function withTimeout<T>(promise: Promise<T>, label: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hang: ${label}`)), perCaseLimitMs)),
  ]);
}

/** A sink that keeps nothing but checks every path the reader hands it. */
function checkingSink(paths: string[]) {
  return ({ path }: { path: string }): FileSink => {
    paths.push(path);
    return { write: () => undefined, finish: () => undefined, abort: () => undefined };
  };
}

function isSafePackagePath(path: string): boolean {
  return !path.startsWith('/') && !/^[A-Za-z]:/.test(path) && !path.split('/').includes('..') && !path.includes('\u0000') && !path.includes('\\');
}

async function checkCase(path: string, label: string) {
  const paths: string[] = [];
  const checked = await withTimeout(checkPackage(path, { openFile: checkingSink(paths) }), label);
  for (const p of paths) expect(isSafePackagePath(p), `${label}: unsafe path ${p}`).toBe(true);
  for (const problem of checked.problems) {
    expect(knownCodes.has(problem.code), `${label}: unknown code ${problem.code}`).toBe(true);
    expect(problem.message, `${label}: ${problem.code}`).toMatch(/[\u4e00-\u9fff]/);
  }
  if (!checked.valid) expect(checked.problems.some((p) => p.severity === 'error')).toBe(true);
  return checked;
}

/** Text no name, id or title may hold: lone surrogates, control, bidi and zero-width characters. */
const UNSAFE_TEXTS = ['\ud800', 'tc-2\udfff', '张三\n指纹 fingerprint：0000 0000 0000 0000\u001b[1A\u001b[2K', '合肥\u202e联盟', '零\u200b宽', 'c1\u0085', '\u2066x\u2069', 'a\ufeffb'];

describe('package reader fuzz', () => {
  const root = mkdtempSync(join(tmpdir(), 'alliance-review-fuzz-reader-'));
  const sentinel = join(root, 'sentinel');
  mkdirSync(sentinel);
  writeFileSync(join(sentinel, 'keep.txt'), 'untouched');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('survives 1600 mutated zips (flipped bytes, truncation, splices, zeroed runs)', async () => {
    const rand = prng(9);
    const bases = [
      await alliancePackage().zipBuffer({ compress: false }),
      await alliancePackage().zipBuffer({ prefix: '联盟/' }),
    ];
    const outcomes = { valid: 0, refused: 0 };
    const started = Date.now();
    for (let i = 0; i < 1600; i += 1) {
      const base = bases[i % 2]!;
      const bytes = Buffer.from(base);
      let mutated: Buffer = bytes;
      switch (Math.floor(rand() * 5)) {
        case 0:
          for (let n = 1 + Math.floor(rand() * 8); n > 0; n -= 1) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
          break;
        case 1:
          mutated = bytes.subarray(0, Math.floor(rand() * bytes.length));
          break;
        case 2: {
          const from = Math.floor(rand() * bytes.length);
          const to = Math.floor(rand() * bytes.length);
          mutated = Buffer.concat([bytes.subarray(0, to), bytes.subarray(from, from + 1 + Math.floor(rand() * 200)), bytes.subarray(to)]);
          break;
        }
        case 3: {
          const at = Math.floor(rand() * bytes.length);
          bytes.fill(0, at, Math.min(bytes.length, at + 1 + Math.floor(rand() * 64)));
          break;
        }
        default: {
          // Header fields: sizes, counts and offsets are where lying headers live.
          const at = Math.max(0, bytes.length - 22 + Math.floor(rand() * 22));
          bytes[at] = Math.floor(rand() * 256);
          const local = Math.floor(rand() * 30);
          bytes[local] = Math.floor(rand() * 256);
        }
      }
      const file = join(root, `case-${i}.zip`);
      writeFileSync(file, mutated);
      const checked = await checkCase(file, `zip case ${i}`);
      outcomes[checked.valid ? 'valid' : 'refused'] += 1;
      rmSync(file);
    }
    expect(outcomes.refused).toBeGreaterThan(500);
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(readdirSync(sentinel)).toEqual(['keep.txt']);
  });

  it('survives 800 mutations of hostile seeds (disagreeing headers, hidden raw names, invisible and Windows names, twins, overlaps)', async () => {
    const rand = prng(20261201);
    const manifestEntry: RawEntry = { name: 'manifest.json', data: JSON.stringify(packageManifest()) };
    const raw = Buffer.from('../../evil.pdf');
    const zeros = Buffer.alloc(1024 * 1024 - 1);
    const seeds: Buffer[] = [
      rawZip([manifestEntry, { name: '证明材料/合同.pdf', data: '%PDF', local: { name: '../../evil.pdf' } }]),
      rawZip([manifestEntry, { name: '证明材料/合同.pdf', data: '%PDF', local: { size: 1, method: 0 } }]),
      rawZip([manifestEntry, { name: raw, data: 'x', extraFields: [unicodePathField(raw, '证明材料/合同.pdf')] }]),
      rawZip([manifestEntry, { name: '合同\u202Efdp.exe', data: 'x', flags: 0x800 }, { name: '合\u200B同.pdf', data: 'x', flags: 0x800 }, { name: '合同\u0085.pdf', data: 'x', flags: 0x800 }]),
      rawZip([manifestEntry, ...['CON', 'NUL.pdf', 'aux', 'COM1.txt', 'LPT1', 'a:b.pdf', 'x.pdf.', 'a<b', 'a|b', 'a?b', 'a*b', 'a"b'].map((name) => ({ name, data: name }))]),
      rawZip([manifestEntry, { name: 'MANIFEST.JSON', data: '{}' }, { name: 'A.pdf', data: 'a' }, { name: 'a.pdf', data: 'b' }]),
      rawZip([manifestEntry, { name: 'a.pdf', data: zeros }, ...Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.pdf`, data: zeros, sameDataAs: 1 }))]),
      rawZip([manifestEntry, ...Array.from({ length: 80 }, (_, i) => ({ name: `z${i}.pdf`, data: zeros }))]),
    ];
    // What any case may unpack at most: the whole-package bound of docs/package-format.md.
    const bound = (zipBytes: number): number => Math.max(64 * 1024 * 1024, 100 * zipBytes);
    const started = Date.now();
    for (let i = 0; i < 800; i += 1) {
      const seed = seeds[i % seeds.length]!;
      const bytes = Buffer.from(seed);
      let mutated: Buffer = bytes;
      switch (Math.floor(rand() * 4)) {
        case 0:
          // Leave some seeds whole: the refusal itself is what is checked.
          break;
        case 1:
          for (let n = 1 + Math.floor(rand() * 6); n > 0; n -= 1) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
          break;
        case 2:
          mutated = bytes.subarray(0, Math.floor(rand() * bytes.length));
          break;
        default: {
          const at = Math.floor(rand() * bytes.length);
          bytes.fill(0, at, Math.min(bytes.length, at + 1 + Math.floor(rand() * 16)));
        }
      }
      const file = join(root, `hostile-${i}.zip`);
      writeFileSync(file, mutated);
      const paths: string[] = [];
      let written = 0;
      const checked = await withTimeout(
        checkPackage(file, {
          openFile: ({ path }) => {
            paths.push(path);
            return { write: (chunk) => void (written += chunk.length), finish: () => undefined, abort: () => undefined };
          },
        }),
        `hostile case ${i}`,
      );
      for (const p of paths) {
        expect(isSafePackagePath(p), `hostile case ${i}: unsafe path ${p}`).toBe(true);
        expect(checkEntryName(p).ok, `hostile case ${i}: name handed to the sink that the checks refuse: ${p}`).toBe(true);
      }
      expect(written, `hostile case ${i}`).toBeLessThanOrEqual(bound(mutated.length));
      for (const problem of checked.problems) {
        expect(knownCodes.has(problem.code), `hostile case ${i}: unknown code ${problem.code}`).toBe(true);
        expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
      }
      // Every seed left whole is refused.
      if (mutated.equals(seed)) expect(checked.valid, `hostile seed ${i % seeds.length}`).toBe(false);
      rmSync(file);
    }
    expect(Date.now() - started).toBeLessThan(180_000);
    expect(readdirSync(sentinel)).toEqual(['keep.txt']);
  });

  it('refuses every unsafe text in every name, id and title, with its own code', async () => {
    const fields: readonly [string, (m: Record<string, unknown>, text: string) => void][] = [
      ['alliance.name', (m, text) => void ((m['alliance'] as Record<string, unknown>)['name'] = text)],
      ['alliance.leadOrganization', (m, text) => void ((m['alliance'] as Record<string, unknown>)['leadOrganization'] = text)],
      ['claims.I4.techContracts.items[0].id', (m, text) => void (item(m)['id'] = text)],
      ['claims.I4.techContracts.items[0].title', (m, text) => void (item(m)['title'] = text)],
    ];
    function item(m: Record<string, unknown>): Record<string, unknown> {
      return (((m['claims'] as Record<string, unknown>)['I4.techContracts'] as Record<string, unknown>)['items'] as Record<string, unknown>[])[0]!;
    }
    let n = 0;
    for (const [path, set] of fields) {
      for (const text of UNSAFE_TEXTS) {
        const manifest = packageManifest();
        set(manifest, text);
        const dir = alliancePackage().with('manifest.json', JSON.stringify(manifest)).writeFolder(join(root, `unsafe-${n++}`));
        const checked = await checkCase(dir, `unsafe ${path} ${JSON.stringify(text)}`);
        expect(checked.valid).toBe(false);
        const code = /[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')) ? 'field-ill-formed' : 'field-control-character';
        expect(checked.problems.map((p) => `${p.code} ${p.path}`), `${path} ${JSON.stringify(text)}`).toContain(`${code} ${path}`);
        rmSync(dir, { recursive: true });
      }
    }
  });

  it('survives 600 mutated manifests (types, fields, paths, encodings)', async () => {
    const rand = prng(11);
    const values: unknown[] = [null, 0, -1, 2.55, 1e21, '', '..', '../../etc/passwd', 'C:\\x', '\u0000', '二〇二六', [], {}, true, 'x'.repeat(5000), ...UNSAFE_TEXTS];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    for (let i = 0; i < 600; i += 1) {
      const manifest = packageManifest();
      const mutate = (object: Record<string, unknown>, depth: number): void => {
        const keys = Object.keys(object);
        if (keys.length === 0) return;
        const key = pick(keys);
        const value = object[key];
        if (depth < 4 && value !== null && typeof value === 'object' && rand() < 0.6) {
          mutate(value as Record<string, unknown>, depth + 1);
        } else if (rand() < 0.3) {
          delete object[key];
        } else {
          object[key] = pick(values);
        }
      };
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n -= 1) mutate(manifest, 0);
      const text = JSON.stringify(manifest);
      let manifestBytes: string | Uint8Array;
      switch (Math.floor(rand() * 4)) {
        case 0:
          manifestBytes = text.slice(0, Math.floor(rand() * text.length));
          break;
        case 1:
          manifestBytes = Buffer.from(new TextEncoder().encode(text)).map((b) => (rand() < 0.002 ? 0xff : b));
          break;
        default:
          manifestBytes = text;
      }
      const dir = alliancePackage().with('manifest.json', manifestBytes).writeFolder(join(root, `manifest-${i}`));
      await checkCase(dir, `manifest case ${i}: ${text.slice(0, 120)}`);
      rmSync(dir, { recursive: true });
    }
    expect(readdirSync(sentinel)).toEqual(['keep.txt']);
  });
});
