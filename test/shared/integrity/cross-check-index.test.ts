/**
 * The cross-check's index kept between checks (shared/integrity/cross-check.ts): after any
 * sequence of packages added and removed, its findings equal, as whole JSON, those of a check
 * from scratch of the packages then in it. The cases written out are those where a change
 * reaches past the package changed: an image that joins two others into one group (and so
 * makes the pages of those pictures one finding, not two), and taking it out again.
 */
import { describe, expect, it } from 'vitest';
import { crossCheck, CrossCheckIndex, type CheckedPackage, type FileFeatures, type PageFeatures } from '../../../shared/integrity/cross-check.ts';
import { extractIdentifiers } from '../../../shared/integrity/identifiers.ts';
import { pageFingerprint } from '../../../shared/integrity/page-fingerprint.ts';
import { preparePackage } from '../../../shared/integrity/prepared-package.ts';
import { prng } from '../../helpers/prng.ts';

const page = (n: number, text: string, source: 'document' | 'ocr' = 'document'): PageFeatures => ({ page: n, fingerprint: pageFingerprint(text), identifiers: extractIdentifiers(text), text: source });

/** A photo whose OCR text is `text` (or none). */
const photo = (imageHash: string, text: string | null, photoDate: string | null = null): FileFeatures => ({ pageCount: 1, imageHash, photoDate, pages: text === null ? [] : [page(1, text, 'ocr')] });
const pdf = (...texts: string[]): FileFeatures => ({ pageCount: texts.length, imageHash: null, photoDate: null, pages: texts.map((t, i) => page(i + 1, t)) });

const certificate = '荣誉证书 合肥某某科技有限公司 在二〇二六年度产业技术创新工作中成绩突出 特发此证 专利号 ZL201710601862.3 合肥市科学技术局 二〇二六年十二月'.repeat(2);
const contract = (n: number): string => `技术开发合同 第${n}号 合同登记号：2026340104${String(n).padStart(6, '0')} 甲方合肥某某科技有限公司委托乙方开展电池安全检测技术的研究开发工作，合同金额${n}万元。`.repeat(2);

function pkg(allianceId: string, year: number, earlier: boolean, items: { id: string; file: string; sha: string; features: FileFeatures; title?: string; date?: string }[]): CheckedPackage {
  return {
    allianceId,
    year,
    earlier,
    claims: { 'I9.organizedEvents': { items: items.map((i) => ({ id: i.id, title: i.title ?? i.id, evidence: [i.file], ...(i.date === undefined ? {} : { date: i.date }) })) } },
    selfReport: null,
    files: items.map((i) => ({ path: i.file, sha256: i.sha, features: i.features })),
  };
}

/** Adds and removes by key, checking every state against a check from scratch. */
function follow(packages: ReadonlyMap<string, CheckedPackage>, steps: readonly string[]): string[] {
  const index = new CrossCheckIndex();
  const inside = new Set<string>();
  const seen: string[] = [];
  for (const key of steps) {
    const p = packages.get(key) as CheckedPackage;
    if (inside.has(key)) {
      index.remove(key);
      inside.delete(key);
    } else {
      index.add(key, preparePackage(p), p.earlier);
      inside.add(key);
    }
    const kept = JSON.stringify(index.findings());
    expect(kept).toBe(JSON.stringify(crossCheck([...inside].map((k) => packages.get(k) as CheckedPackage))));
    seen.push(kept);
  }
  return seen;
}

describe('CrossCheckIndex', () => {
  // x and y are 12 bits apart (not alike), z 6 from each: z joins them into one group.
  const x = '0000000000000000';
  const z = '000000000000003f';
  const y = '0000000000000fff';
  const packages = new Map<string, CheckedPackage>([
    ['a', pkg('HFA-012', 2026, false, [{ id: 'oe-1', file: '证书.jpg', sha: 'x'.repeat(64), features: photo(x, certificate) }])],
    ['b', pkg('HFA-017', 2026, false, [{ id: 'oe-2', file: '证书.jpg', sha: 'y'.repeat(64), features: photo(y, certificate) }])],
    ['c', pkg('HFA-020', 2026, false, [{ id: 'oe-3', file: '照片.jpg', sha: 'z'.repeat(64), features: photo(z, null) }])],
  ]);

  it('keeps its groups when an image joins two pictures into one and when it leaves', () => {
    const states = follow(packages, ['a', 'b', 'c', 'c', 'a', 'a', 'b']).map((s) => (JSON.parse(s) as { kind: string }[]).map((f) => f.kind));
    // The two certificates' texts alike: a similar page; with z between them, one similar-image finding instead.
    expect(states[1]).toEqual(['similar-page', 'same-identifier']);
    expect(states[2]).toEqual(['similar-image', 'same-identifier']);
    expect(states[3]).toEqual(['similar-page', 'same-identifier']);
  });

  it('ends any random sequence of additions and removals with the findings of a check from scratch', () => {
    const random = prng(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const hashes = [x, y, z, '00000000000001ff', 'ffffffff00000000', 'fffffffff0000000'];
    const files = [
      ...hashes.map((h, i) => ({ sha: String(i).repeat(64), features: photo(h, pick([certificate, null, contract(i)])) })),
      ...[1, 2, 3].map((n) => ({ sha: `c${n}`.repeat(32), features: pdf(contract(n), contract(n + 1)) })),
    ];
    const all = new Map<string, CheckedPackage>();
    for (let n = 0; n < 24; n += 1) {
      const year = n % 4 === 3 ? 2025 : 2026;
      const items = [0, 1, 2].map((i) => {
        const file = pick(files);
        return { id: `it-${i}`, file: `证明/${i}.${file.features.imageHash === null ? 'pdf' : 'jpg'}`, sha: file.sha, features: file.features, title: pick(['对接会', '专利 ZL201710601862.8', '合同 GB/T 1.1-2020']), date: pick(['2026-03-01', '2025-11-30']) };
      });
      all.set(`p${n}`, pkg(`HFA-${String(n % 8).padStart(3, '0')}`, year, year === 2025, items));
    }
    const keys = [...all.keys()].filter((k, i) => i < 8 || (all.get(k) as CheckedPackage).year === 2025);
    const steps = Array.from({ length: 80 }, () => pick(keys));
    const states = follow(all, steps);
    expect(new Set(states).size).toBeGreaterThan(10);
  });
});
