/**
 * The cross-check over packages described by their claims and their files' features
 * (shared/integrity/cross-check.ts): which findings each situation gives, and which it must
 * not (a compilation cited at different pages, a self-check report restating identifiers, an
 * OCR misreading), with an earlier year's package, in a stable order.
 */
import { describe, expect, it } from 'vitest';
import { crossCheck, type CheckedFile, type CheckedPackage, type FileFeatures, type PageFeatures } from '../../../shared/integrity/cross-check.ts';
import type { Finding } from '../../../shared/integrity/finding.ts';
import { extractIdentifiers } from '../../../shared/integrity/identifiers.ts';
import { pageFingerprint } from '../../../shared/integrity/page-fingerprint.ts';
import type { Claims } from '../../../shared/rubric/types.ts';

const none: FileFeatures = { pageCount: null, imageHash: null, photoDate: null, pages: [] };

function pdf(pageTexts: readonly string[], text: 'document' | 'ocr' = 'document'): FileFeatures {
  const pages: PageFeatures[] = pageTexts.map((t, i) => ({ page: i + 1, fingerprint: pageFingerprint(t), identifiers: extractIdentifiers(t), text }));
  return { pageCount: pageTexts.length, imageHash: null, photoDate: null, pages };
}

const photo = (imageHash: string, photoDate: string | null = null): FileFeatures => ({ pageCount: 1, imageHash, photoDate, pages: [] });

function pkg(allianceId: string, claims: Claims, files: Record<string, [sha: string, features: FileFeatures]>, options: { year?: number; earlier?: boolean; selfReport?: string } = {}): CheckedPackage {
  const list: CheckedFile[] = Object.entries(files).map(([path, [sha256, features]]) => ({ path, sha256, features }));
  return { allianceId, year: options.year ?? 2026, earlier: options.earlier ?? false, claims, selfReport: options.selfReport ?? null, files: list };
}

const item = (id: string, evidence: string[], extra: { title?: string; note?: string; date?: string } = {}) => ({ id, title: extra.title ?? id, evidence, ...(extra.note === undefined ? {} : { note: extra.note }), ...(extra.date === undefined ? {} : { date: extra.date }) });
const kinds = (findings: readonly Finding[]): string[] => findings.map((f) => f.kind);

const contractText = (n: number): string => `技术开发合同 第${n}号。甲方合肥某某科技有限公司委托乙方开展语音识别算法的研究开发工作，合同金额${n}万元，履行期限自二〇二六年三月至十二月，双方约定成果归属与保密条款，验收标准以技术指标为准，争议提交合肥仲裁委员会仲裁。`.repeat(2);

describe('crossCheck: the same file', () => {
  it('finds a file two alliances cite, with both places', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['合同.pdf'])] } }, { '合同.pdf': ['aaa', none] }),
      pkg('HFA-017', { 'I6.international': { items: [item('intl-2', ['附件/协议.pdf'])] } }, { '附件/协议.pdf': ['aaa', none] }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'same-file',
      identifier: null,
      places: [
        { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1', file: '合同.pdf', page: null },
        { allianceId: 'HFA-017', year: 2026, criterion: 'I6.international', itemId: 'intl-2', file: '附件/协议.pdf', page: null },
      ],
    });
    expect(found[0]?.detail).toContain('HFA-017 · I6.international 第“intl-2”项（附件/协议.pdf）');
  });

  it('finds two items of one alliance citing one page, not a compilation cited at different pages', () => {
    const compilation = pdf([contractText(1), contractText(2), contractText(3)]);
    const samePage = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['汇编.pdf#page=2']), item('tc-2', ['汇编.pdf#page=2'])] } }, { '汇编.pdf': ['ccc', compilation] }),
    ]);
    expect(kinds(samePage)).toEqual(['same-file']);
    expect(samePage[0]?.places.map((p) => p.page)).toEqual([2, 2]);
    const otherPages = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['汇编.pdf#page=1']), item('tc-2', ['汇编.pdf#page=2']), item('tc-3', ['汇编.pdf#page=3'])] } }, { '汇编.pdf': ['ccc', compilation] }),
    ]);
    expect(otherPages).toEqual([]);
  });

  it('finds one photo cited whole by two items, not a document of several pages cited whole by each item', () => {
    const twoEvents = crossCheck([
      pkg('HFA-012', { 'I9.organizedEvents': { items: [item('oe-1', ['照片.jpg']), item('oe-2', ['照片.jpg'])] } }, { '照片.jpg': ['ppp', photo('0123456789abcdef')] }),
    ]);
    expect(kinds(twoEvents)).toEqual(['same-file']);
    const membersList = crossCheck([
      pkg('HFA-012', { 'I11.newMembers': { items: [item('nm-1', ['名单.pdf']), item('nm-2', ['名单.pdf'])] } }, { '名单.pdf': ['lll', pdf(['成员', '名单'])] }),
    ]);
    expect(membersList).toEqual([]);
  });

  it('does not make a finding of flag and judged claims sharing a document (one white paper for the I10 claims)', () => {
    const paper: Record<string, [string, FileFeatures]> = { '白皮书.pdf': ['wp', photo('0000000000000000')] };
    const claims: Claims = { 'I10.status': { value: 2, evidence: ['白皮书.pdf'] }, 'I10.problems': { value: 1, evidence: ['白皮书.pdf'] }, 'I1.office': { claimed: true, evidence: ['白皮书.pdf'] } };
    expect(crossCheck([pkg('HFA-012', claims, paper)])).toEqual([]);
  });

  it('does not make a finding of files no claim cites', () => {
    expect(crossCheck([pkg('HFA-012', {}, { '通知.pdf': ['nnn', none] }), pkg('HFA-017', {}, { '通知.pdf': ['nnn', none] })])).toEqual([]);
  });
});

describe('crossCheck: similar images and pages', () => {
  it('groups near-duplicate photos of several alliances into one finding; a distant one stays out', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I1.office': { claimed: true, evidence: ['a.jpg'] } }, { 'a.jpg': ['i1', photo('ffff0000ffff0000')] }),
      pkg('HFA-017', { 'I1.office': { claimed: true, evidence: ['b.jpg'] } }, { 'b.jpg': ['i2', photo('ffff0000ffff000f')] }),
      pkg('HFA-020', { 'I1.office': { claimed: true, evidence: ['c.jpg'] } }, { 'c.jpg': ['i3', photo('ffff0000ffff00ff')] }),
      pkg('HFA-030', { 'I1.office': { claimed: true, evidence: ['d.jpg'] } }, { 'd.jpg': ['i4', photo('0000ffff0000ffff')] }),
    ]);
    expect(kinds(found)).toEqual(['similar-image']);
    expect(found[0]?.places.map((p) => p.allianceId)).toEqual(['HFA-012', 'HFA-017', 'HFA-020']);
  });

  it('leaves alone near-duplicate photos of one alliance', () => {
    expect(
      crossCheck([
        pkg('HFA-012', { 'I9.organizedEvents': { items: [item('oe-1', ['a.jpg']), item('oe-2', ['b.jpg'])] } }, { 'a.jpg': ['i1', photo('ffff0000ffff0000')], 'b.jpg': ['i2', photo('ffff0000ffff0001')] }),
      ]),
    ).toEqual([]);
  });

  it('keeps apart pictures of one template when OCR read different words on them', () => {
    const withText = (hash: string, text: string): FileFeatures => ({ ...photo(hash), pages: [{ page: 1, fingerprint: pageFingerprint(text), identifiers: [], text: 'ocr' }] });
    const certificate = (name: string): string => `荣誉证书 ${name} 在二〇二六年度合肥市产业技术创新工作中表现突出，被评为创新示范单位，特发此证，以资鼓励。合肥市科学技术局`.repeat(2);
    const packages = (second: string): CheckedPackage[] => [
      pkg('HFA-012', { 'I1.office': { claimed: true, evidence: ['a.jpg'] } }, { 'a.jpg': ['i1', withText('ffff0000ffff0000', certificate('合肥甲乙丙丁科技有限公司'))] }),
      pkg('HFA-017', { 'I1.office': { claimed: true, evidence: ['b.jpg'] } }, { 'b.jpg': ['i2', withText('ffff0000ffff0001', second)] }),
    ];
    expect(kinds(crossCheck(packages(certificate('合肥甲乙丙丁科技有限公司'))))).toEqual(['similar-image']);
    expect(crossCheck(packages('安徽某某新材料股份公司 产品质量检验报告 检验结论合格 检验日期 2026年5月 样品编号 0001 检验依据 企业标准 检验项目 十二项 全部符合要求'.repeat(2)))).toEqual([]);
  });

  it('finds a page of one alliance scanned again in another, and names the pages', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['汇编.pdf#page=2'])] } }, { '汇编.pdf': ['c1', pdf([contractText(1), contractText(7)])] }),
      pkg('HFA-017', { 'I4.techContracts': { items: [item('tc-9', ['扫描.pdf'])] } }, { '扫描.pdf': ['c2', pdf([contractText(7)], 'ocr')] }),
    ]);
    expect(kinds(found)).toEqual(['similar-page']);
    expect(found[0]?.places).toEqual([
      { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-1', file: '汇编.pdf', page: 2 },
      { allianceId: 'HFA-017', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-9', file: '扫描.pdf', page: 1 },
    ]);
  });
});

describe('crossCheck: identifiers', () => {
  const patent = 'ZL201710601862.3';

  it('finds one patent claimed by two alliances, from a claim field and from evidence text', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', [], { title: `一种语音识别方法 ${patent}` })] } }, {}),
      pkg('HFA-017', { 'I8.inventionPatents': { items: [item('p2', ['证书.pdf'])] } }, { '证书.pdf': ['cert', pdf([`发明专利证书 专利号 ${patent} ${'专利权人 合肥某某有限公司 '.repeat(5)}`])] }),
    ]);
    expect(kinds(found)).toEqual(['same-identifier']);
    expect(found[0]?.identifier).toBe('201710601862.3');
    expect(found[0]?.places.map((p) => [p.allianceId, p.itemId, p.file])).toEqual([
      ['HFA-012', 'pat-1', null],
      ['HFA-017', 'p2', '证书.pdf'],
    ]);
  });

  it('finds one patent claimed twice by one alliance, but not an item and its own evidence', () => {
    const twice = crossCheck([pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', [], { note: patent }), item('pat-2', [], { note: patent })] } }, {})]);
    expect(kinds(twice)).toEqual(['same-identifier']);
    const own = crossCheck([
      pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', ['证书.pdf'], { note: patent })] } }, { '证书.pdf': ['cert', pdf([`专利号 ${patent}`])] }),
    ]);
    expect(own).toEqual([]);
  });

  it('does not count identifiers of the self-check report, which restates the claims', () => {
    const found = crossCheck([
      pkg(
        'HFA-012',
        { 'I3.report': { claimed: true, evidence: ['自查报告.pdf'] }, 'I8.inventionPatents': { items: [item('pat-1', [], { note: patent })] } },
        { '自查报告.pdf': ['self', pdf([`本年度取得发明专利 ${patent}`])] },
        { selfReport: '自查报告.pdf' },
      ),
    ]);
    expect(found).toEqual([]);
  });

  it('reports a wrong check character from a claim field and from a text layer, never from OCR', () => {
    const wrong = 'ZL201710601862.4';
    const fromField = crossCheck([pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', [], { note: `专利号 ${wrong}` })] } }, {})]);
    expect(kinds(fromField)).toEqual(['identifier-check-digit']);
    expect(fromField[0]?.detail).toContain('校验位写的是 4，按前面各位算应为 3');
    const fromText = crossCheck([pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', ['证书.pdf'])] } }, { '证书.pdf': ['t', pdf([`专利号 ${wrong}`])] })]);
    expect(kinds(fromText)).toEqual(['identifier-check-digit']);
    const fromOcr = crossCheck([pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', ['扫描.pdf'])] } }, { '扫描.pdf': ['o', pdf([`专利号 ${wrong}`], 'ocr')] })]);
    expect(fromOcr).toEqual([]);
  });

  it('still counts an identifier OCR read for the same identifier claimed twice', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I8.inventionPatents': { items: [item('pat-1', [], { note: patent })] } }, {}),
      pkg('HFA-017', { 'I8.inventionPatents': { items: [item('p2', ['扫描.pdf'])] } }, { '扫描.pdf': ['o', pdf([`专利号 ${patent}`], 'ocr')] }),
    ]);
    expect(kinds(found)).toEqual(['same-identifier']);
  });
});

describe('crossCheck: earlier years', () => {
  it('calls a file, a patent and a photo found again in an earlier year reused, and says where only new items count', () => {
    const earlier = pkg(
      'HFA-012',
      { 'I8.inventionPatents': { items: [item('pat-1', ['证书.pdf'], { note: 'ZL201710601862.3' })] }, 'I1.office': { claimed: true, evidence: ['办公室.jpg'] } },
      { '证书.pdf': ['cert', none], '办公室.jpg': ['old-photo', photo('ffff0000ffff0000')] },
      { year: 2025, earlier: true },
    );
    const now = pkg(
      'HFA-012',
      { 'I8.inventionPatents': { items: [item('pat-7', ['证书.pdf'], { note: '专利号 ZL201710601862.3' })] }, 'I1.office': { claimed: true, evidence: ['办公室.jpg'] } },
      { '证书.pdf': ['cert', none], '办公室.jpg': ['new-photo', photo('ffff0000ffff0003')] },
    );
    const found = crossCheck([now, earlier]);
    expect(kinds(found)).toEqual(['reused-from-earlier-year', 'reused-from-earlier-year', 'reused-from-earlier-year']);
    expect(found.map((f) => f.identifier)).toContain('201710601862.3');
    for (const f of found) expect(f.places.map((p) => p.year).sort()).toEqual([2025, 2026]);
    const patentReuse = found.find((f) => f.identifier !== null);
    expect(patentReuse?.detail).toContain('I8.inventionPatents 只计当年新增的项');
  });

  const certificateText = '合肥市科学技术局 技术合同登记证明。经审查，该合同符合技术合同认定规则，准予登记。登记机构盖章，登记日期二〇二五年六月十八日，卖方合肥语音产业技术研究院，买方安徽某某电子科技股份有限公司，成交额叁拾伍万元整。'.repeat(2);

  it('calls a page scanned again from an earlier year’s package reused, with both years’ pages, and one of this meeting similar', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-3', ['今年扫描.pdf'])] } }, { '今年扫描.pdf': ['n1', pdf([contractText(2), certificateText], 'ocr')] }),
      pkg('HFA-017', { 'I4.techContracts': { items: [item('tc-8', ['合同.pdf'])] } }, { '合同.pdf': ['n2', pdf([contractText(2)])] }),
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['去年证书.pdf'])] } }, { '去年证书.pdf': ['o1', pdf([certificateText])] }, { year: 2025, earlier: true }),
    ]);
    expect(kinds(found)).toEqual(['similar-page', 'reused-from-earlier-year']);
    const reused = found.find((f) => f.kind === 'reused-from-earlier-year');
    expect(reused?.places).toEqual([
      { allianceId: 'HFA-012', year: 2025, criterion: 'I4.techContracts', itemId: 'tc-1', file: '去年证书.pdf', page: 1 },
      { allianceId: 'HFA-012', year: 2026, criterion: 'I4.techContracts', itemId: 'tc-3', file: '今年扫描.pdf', page: 2 },
    ]);
    expect(reused?.detail).toContain('2025');
    // The meeting's own pair is similar-page, not reused: page 1 of this year's scan and HFA-017's contract.
    expect(found.find((f) => f.kind === 'similar-page')?.places.map((p) => [p.allianceId, p.year, p.file, p.page])).toEqual([
      ['HFA-012', 2026, '今年扫描.pdf', 1],
      ['HFA-017', 2026, '合同.pdf', 1],
    ]);
  });

  it('counts in each finding’s words the pages it lists: the reuse all three, the meeting’s finding this year’s two', () => {
    const found = crossCheck([
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['合同.pdf'])] } }, { '合同.pdf': ['a', pdf([contractText(3)])] }),
      pkg('HFA-017', { 'I4.techContracts': { items: [item('tc-2', ['扫描.pdf'])] } }, { '扫描.pdf': ['b', pdf([contractText(3)], 'ocr')] }),
      pkg('HFA-020', { 'I4.techContracts': { items: [item('tc-9', ['旧合同.pdf'])] } }, { '旧合同.pdf': ['c', pdf([contractText(3)])] }, { year: 2025, earlier: true }),
    ]);
    expect(kinds(found).sort()).toEqual(['reused-from-earlier-year', 'similar-page']);
    const reused = found.find((f) => f.kind === 'reused-from-earlier-year');
    const similar = found.find((f) => f.kind === 'similar-page');
    expect(reused?.places).toHaveLength(3);
    expect(reused?.detail).toMatch(/^3 页的文字几乎一样/u);
    expect(similar?.places).toHaveLength(2);
    expect(similar?.detail).toMatch(/^2 页的文字几乎一样/u);
  });

  it('makes no finding among earlier packages alone', () => {
    const a = pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-1', ['x.pdf'])] } }, { 'x.pdf': ['same', none] }, { year: 2025, earlier: true });
    const b = pkg('HFA-017', { 'I4.techContracts': { items: [item('tc-1', ['x.pdf'])] } }, { 'x.pdf': ['same', none] }, { year: 2025, earlier: true });
    expect(crossCheck([a, b, pkg('HFA-030', {}, {})])).toEqual([]);
  });
});

describe('crossCheck: dates', () => {
  it('finds an item dated outside the year and a photo taken more than 30 days from its item', () => {
    const found = crossCheck([
      pkg(
        'HFA-012',
        {
          'I9.organizedEvents': {
            items: [item('oe-1', ['a.jpg'], { date: '2026-05-12' }), item('oe-2', ['b.jpg'], { date: '2026-05-12' }), item('oe-3', [], { date: '2025-12-30' })],
          },
        },
        { 'a.jpg': ['a', photo('0000000000000000', '2026-06-11')], 'b.jpg': ['b', photo('ffffffffffffffff', '2026-06-12')] },
      ),
    ]);
    expect(kinds(found)).toEqual(['date-outside-year', 'exif-date']);
    expect(found[1]?.places[0]).toMatchObject({ itemId: 'oe-2', file: 'b.jpg' });
    expect(found[1]?.detail).toContain('相差 31 天');
  });
});

describe('crossCheck: order', () => {
  it('gives the same findings in the same order whatever the order of packages and files', () => {
    const packages = [
      pkg('HFA-030', { 'I4.techContracts': { items: [item('tc-1', ['x.pdf'], { date: '2024-01-01' })] } }, { 'x.pdf': ['same', none], 'y.pdf': ['y', none] }),
      pkg('HFA-012', { 'I4.techContracts': { items: [item('tc-2', ['x.pdf'], { note: 'ZL201710601862.4' })] } }, { 'x.pdf': ['same', none] }),
      pkg('HFA-017', { 'I4.techContracts': { items: [item('tc-3', ['z.pdf'], { note: 'ZL201710601862.4' })] } }, { 'z.pdf': ['same', none] }),
    ];
    const forward = crossCheck(packages);
    expect(kinds(forward)).toEqual(['same-file', 'same-identifier', 'identifier-check-digit', 'identifier-check-digit', 'date-outside-year']);
    expect(crossCheck([...packages].reverse())).toEqual(forward);
  });
});
