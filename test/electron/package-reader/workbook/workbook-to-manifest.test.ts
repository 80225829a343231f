import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { buildTemplate } from '../../../../electron/package-reader/workbook/build-template.ts';
import { relocateProblems } from '../../../../electron/package-reader/workbook/relocate-problems.ts';
import { workbookToManifest } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';
import type { WorkbookConversion } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import type { Manifest } from '../../../../shared/package/manifest.ts';
import { validateParsedManifest } from '../../../../shared/package/validate-manifest.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { WorkbookFiller } from '../../../helpers/workbook-filler.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;

function filler(): WorkbookFiller {
  return new WorkbookFiller(buildTemplate(rubric));
}

function fillInfo(f: WorkbookFiller): void {
  f.info('year', 2026);
  f.info('alliance.id', 'HFA-031');
  f.info('alliance.name', '合肥市科技金融产业技术创新战略联盟');
  f.info('alliance.kind', '科技金融联盟 finance');
  f.info('alliance.leadOrganization', '合肥科创投资管理有限公司');
  f.info('alliance.contact.name', '周敏');
  f.info('alliance.contact.phone', 13905510000); // typed as a number, as Excel stores it
  f.info('selfReport', '自查报告.pdf');
}

async function convert(f: WorkbookFiller): Promise<WorkbookConversion> {
  return workbookToManifest(await f.bytes(), rubric);
}

function validate(manifest: unknown, files: readonly string[]) {
  return validateParsedManifest(
    { value: manifest, positions: new Map(), duplicateKeys: [] },
    { files, rubricFor: (id) => (id === rubric.id ? rubric : undefined) },
  );
}

describe('workbookToManifest: round trip through a filled template', () => {
  it('gives exactly the manifest the workbook stands for: dates, amounts, judged values, evidence lists, empty rows skipped', async () => {
    const f = filler();
    fillInfo(f);
    f.claim('I1.office', { claimed: '是', note: '办公室位于高新区创新大道 2800 号', evidence: '证明材料/制度建设/办公室.jpg' });
    f.claim('I1.council', { claimed: '是', evidence: '证明材料/制度建设/理事会纪要.pdf；证明材料/制度建设/签到表.pdf' });
    f.claim('I1.platform', { claimed: '否' });
    f.claim('I2.plans', { claimed: '是', evidence: '证明材料/制度建设/年度计划.pdf\n证明材料/制度建设/半年总结.pdf\n' });
    f.claim('I3.policy', { claimed: '是', evidence: '证明材料/制度建设/经费管理办法.pdf' });
    f.claim('I3.audit', { claimed: '是', evidence: ' 证明材料/制度建设/审计报告.pdf ; ' });
    const contracts = f.items('I4.techContracts', [
      { itemId: 'tc-1', title: '科技型企业知识产权质押评估技术合同', date: new Date(Date.UTC(2026, 4, 12)), note: '登记号 2026340100000123', evidence: '证明材料/成果转化/技术合同.pdf' },
      null,
      { title: '投贷联动风控模型技术服务合同', date: '2026/6/30', evidence: '证明材料/成果转化/技术合同.pdf' },
      { title: '科创企业信用评价系统开发合同', date: '2026年9月1日', evidence: '证明材料/成果转化/技术合同.pdf' },
    ]);
    f.items('I4.projects', [{ itemId: 'p-1' }]); // an item number alone is an empty row
    f.items('I7.listings', [{ title: '合肥某半导体公司转板新三板挂牌', date: '2026-08-18', evidence: '证明材料/领域服务/挂牌公告.pdf' }]);
    f.items('I7.financialProducts', [
      { title: '“科创贷”信用贷款产品', date: '2026-03-15', evidence: '证明材料/领域服务/金融产品.pdf' },
      { title: '“人才贷”产品', date: 46125, evidence: '证明材料/领域服务/金融产品.pdf' }, // an Excel serial number: 2026-04-13
    ]);
    const joined = f.items(
      'I9.joinedEvents',
      Array.from({ length: 14 }, (_, i) => ({ title: `参加路演活动第 ${i + 1} 场`, date: `2026-${String(i % 12 + 1).padStart(2, '0')}-10`, evidence: '证明材料/品牌建设/活动照片.pdf' })),
    );
    f.claim('I10.status', { value: 2.5, evidence: '证明材料/白皮书/合肥科技金融发展白皮书.pdf' });
    f.claim('I10.problems', { value: 2 });
    f.claim('I10.measures', { value: '1.5' });
    f.claim('I10.outcomes', { evidence: '证明材料/白皮书/合肥科技金融发展白皮书.pdf' });
    f.claim('I11.monthlyReports', { claimed: '是', evidence: '证明材料/影响力/信息报送.pdf' });
    const projects = f.items('B2.majorProjects', [
      { itemId: 'mp-1', title: '新能源汽车零部件产业基金落地', amountWan: 52000, date: '2026-10-20', evidence: '证明材料/加分项/招商协议1.pdf' },
      { itemId: 'mp-2', title: '智能制造产业园项目', amountWan: '12,000', evidence: '证明材料/加分项/招商协议2.pdf' },
      { itemId: 'mp-3', title: '检测中心项目', amountWan: 800.5, evidence: '证明材料/加分项/招商协议3.pdf' },
    ]);

    const expected: Manifest = {
      format: 'alliance-review/package',
      version: 1,
      year: 2026,
      rubric: 'hefei-2017',
      alliance: {
        id: 'HFA-031',
        name: '合肥市科技金融产业技术创新战略联盟',
        kind: 'finance',
        leadOrganization: '合肥科创投资管理有限公司',
        contact: { name: '周敏', phone: '13905510000' },
      },
      selfReport: '自查报告.pdf',
      claims: {
        'I1.office': { claimed: true, note: '办公室位于高新区创新大道 2800 号', evidence: ['证明材料/制度建设/办公室.jpg'] },
        'I1.council': { claimed: true, evidence: ['证明材料/制度建设/理事会纪要.pdf', '证明材料/制度建设/签到表.pdf'] },
        'I1.platform': { claimed: false, evidence: [] },
        'I2.plans': { claimed: true, evidence: ['证明材料/制度建设/年度计划.pdf', '证明材料/制度建设/半年总结.pdf'] },
        'I3.policy': { claimed: true, evidence: ['证明材料/制度建设/经费管理办法.pdf'] },
        'I3.audit': { claimed: true, evidence: ['证明材料/制度建设/审计报告.pdf'] },
        'I4.techContracts': {
          items: [
            { id: 'tc-1', title: '科技型企业知识产权质押评估技术合同', date: '2026-05-12', note: '登记号 2026340100000123', evidence: ['证明材料/成果转化/技术合同.pdf'] },
            { id: `row-${contracts[2]}`, title: '投贷联动风控模型技术服务合同', date: '2026-06-30', evidence: ['证明材料/成果转化/技术合同.pdf'] },
            { id: `row-${contracts[3]}`, title: '科创企业信用评价系统开发合同', date: '2026-09-01', evidence: ['证明材料/成果转化/技术合同.pdf'] },
          ],
        },
        'I7.listings': {
          items: [{ id: `row-${f.block('I7.listings').rows[1]}`, title: '合肥某半导体公司转板新三板挂牌', date: '2026-08-18', evidence: ['证明材料/领域服务/挂牌公告.pdf'] }],
        },
        'I7.financialProducts': {
          items: [
            { id: `row-${f.block('I7.financialProducts').rows[1]}`, title: '“科创贷”信用贷款产品', date: '2026-03-15', evidence: ['证明材料/领域服务/金融产品.pdf'] },
            { id: `row-${f.block('I7.financialProducts').rows[2]}`, title: '“人才贷”产品', date: '2026-04-13', evidence: ['证明材料/领域服务/金融产品.pdf'] },
          ],
        },
        'I9.joinedEvents': {
          items: joined.map((row, i) => ({
            id: `row-${row}`,
            title: `参加路演活动第 ${i + 1} 场`,
            date: `2026-${String(i % 12 + 1).padStart(2, '0')}-10`,
            evidence: ['证明材料/品牌建设/活动照片.pdf'],
          })),
        },
        'I10.status': { value: 2.5, evidence: ['证明材料/白皮书/合肥科技金融发展白皮书.pdf'] },
        'I10.problems': { value: 2 },
        'I10.measures': { value: 1.5 },
        'I10.outcomes': { evidence: ['证明材料/白皮书/合肥科技金融发展白皮书.pdf'] },
        'I11.monthlyReports': { claimed: true, evidence: ['证明材料/影响力/信息报送.pdf'] },
        'B2.majorProjects': {
          items: [
            { id: 'mp-1', title: '新能源汽车零部件产业基金落地', date: '2026-10-20', amountWan: 52000, evidence: ['证明材料/加分项/招商协议1.pdf'] },
            { id: 'mp-2', title: '智能制造产业园项目', amountWan: 12000, evidence: ['证明材料/加分项/招商协议2.pdf'] },
            { id: 'mp-3', title: '检测中心项目', amountWan: 800.5, evidence: ['证明材料/加分项/招商协议3.pdf'] },
          ],
        },
      },
    };

    const conversion = await convert(f);
    expect(conversion.problems).toEqual([]);
    expect(conversion.manifest).toStrictEqual(expected);
    // The same key order as a manifest.json written by hand, so the two serialise alike.
    expect(JSON.stringify(conversion.manifest)).toBe(JSON.stringify(expected));
    expect(projects).toHaveLength(3);

    // Rows inserted past the block (empty criterion cell) belong to the criterion above.
    expect(joined.slice(-2).every((row) => row > (f.block('I9.joinedEvents').rows.at(-1) ?? 0))).toBe(true);

    // And the manifest validator accepts it as it would the same manifest.json.
    const files = [...new Set(JSON.stringify(expected).match(/证明材料\/[^"]+/g) ?? []), '自查报告.pdf'];
    const validation = validate(conversion.manifest, files);
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validation.manifest).not.toBeNull();
  });

  it('converts an untouched template to a manifest with no claims, and every field left for the validator to name at its cell', async () => {
    const conversion = await convert(filler());
    expect(conversion.problems).toEqual([]);
    expect(conversion.manifest).toStrictEqual({ format: 'alliance-review/package', version: 1, rubric: 'hefei-2017', alliance: {}, claims: {} });
    const validation = validate(conversion.manifest, []);
    const relocated = relocateProblems(conversion, validation.problems);
    const paths = relocated.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^联盟信息!C2（year）$/), expect.stringMatching(/^联盟信息!C5（alliance\.name）$/)]));
  });
});

describe('workbookToManifest: line breaks and control characters in cells', () => {
  it('reads a line break typed inside a cell as a space, and still splits evidence on line breaks', async () => {
    const f = filler();
    fillInfo(f);
    f.info('alliance.name', '合肥市科技金融\n产业技术创新战略联盟');
    f.items('I4.techContracts', [{ title: '科技型企业\r\n知识产权质押评估合同', note: '第一行\n第二行', evidence: '证明材料/a.pdf\n证明材料/b.pdf' }]);
    const conversion = await convert(f);
    expect(conversion.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(conversion.manifest?.alliance.name).toBe('合肥市科技金融 产业技术创新战略联盟');
    expect(conversion.manifest?.claims['I4.techContracts']).toMatchObject({
      items: [{ title: '科技型企业 知识产权质押评估合同', note: '第一行 第二行', evidence: ['证明材料/a.pdf', '证明材料/b.pdf'] }],
    });
  });

  it('refuses any other control, bidi or zero-width character, naming the sheet and cell, and only once', async () => {
    const f = filler();
    fillInfo(f);
    // OOXML writes a control character as `_x001B_`, which is how Excel stores one (exceljs
    // would drop a raw one on writing, so the escape is typed here as a file holds it).
    f.info('alliance.name', '合肥联盟_x001B_[2K');
    const [row] = f.items('I4.techContracts', [{ title: { richText: [{ text: '合同' }, { text: '\u202egpj.exe' }] }, evidence: '证明材料/a.pdf' }]);
    const { sheet } = f.block('I4.techContracts');
    const titleColumn = String.fromCharCode(64 + f.column(sheet, 'title'));
    const conversion = await convert(f);
    const errors = conversion.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.path}`);
    expect(errors).toEqual(['workbook-cell-invalid 联盟信息!C5', `workbook-cell-invalid ${sheet.name}!${titleColumn}${row}`]);
    expect(conversion.problems[0]?.message).toContain('终端控制符 ESC（\\u{1b}）');
    expect(conversion.problems[1]?.message).toContain('改变文字方向的控制符（\\u{202e}）');
    // The character is dropped, so the validator has nothing more to say about these fields.
    const validation = validate(conversion.manifest, ['自查报告.pdf', '证明材料/a.pdf']);
    expect(validation.problems.filter((p) => p.code === 'field-control-character')).toEqual([]);
  });
});

describe('workbookToManifest: problems at their cells', () => {
  it('reports a date, amount, judged value or kind it cannot read, at the cell, and leaves the field out', async () => {
    const f = filler();
    fillInfo(f);
    f.info('alliance.kind', '产业联盟');
    f.info('year', '二〇二六');
    const [row] = f.items('I4.achievements', [{ title: '成果登记', date: '2026-02-30' }]);
    const [tier] = f.items('B2.majorProjects', [{ title: '项目', amountWan: '5亿' }]);
    const judged = f.claim('I10.status', { value: '很好' });
    const conversion = await convert(f);
    const byPath = Object.fromEntries(conversion.problems.map((p) => [p.path, p]));
    expect(byPath[`联盟工作任务!H${row}`]).toMatchObject({ severity: 'error', code: 'workbook-cell-invalid', field: 'claims.I4.achievements.items[0].date' });
    expect(byPath[`加分项!I${tier}`]).toMatchObject({ code: 'workbook-cell-invalid', field: 'claims.B2.majorProjects.items[0].amountWan' });
    expect(byPath[`联盟工作任务!E${judged}`]).toMatchObject({ code: 'workbook-cell-invalid', field: 'claims.I10.status.value' });
    expect(byPath['联盟信息!C6']).toMatchObject({ code: 'workbook-cell-invalid', field: 'alliance.kind' });
    expect(byPath['联盟信息!C2']).toMatchObject({ code: 'workbook-cell-invalid', field: 'year' });
    expect(byPath['联盟信息!C6']?.message).toContain('科技金融联盟 finance');
    const manifest = conversion.manifest;
    expect(manifest?.claims['I4.achievements']).toEqual({ items: [{ id: `row-${row}`, title: '成果登记', evidence: [] }] });
    expect(manifest?.alliance.kind).toBeUndefined();

    // The validator's "missing" for the same fields is dropped; its other problems move to cells.
    const validation = validate(manifest, ['自查报告.pdf']);
    const relocated = relocateProblems(conversion, validation.problems);
    expect(relocated.some((p) => p.path.includes('alliance.kind'))).toBe(false);
    expect(relocated.some((p) => p.path === '加分项!I' + String(tier) + '（claims.B2.majorProjects.items[0].amountWan）')).toBe(false);
    expect(relocated.find((p) => p.code === 'item-no-evidence')?.path).toMatch(/^联盟工作任务!K\d+（claims\.I4\.achievements\.items\[0\]\.evidence）$/);
  });

  it('reads 联盟类型 typed as its key or its Chinese name alone', async () => {
    for (const [typed, kind] of [['incubator', 'incubator'], ['一般联盟', 'general'], [' 科技金融联盟   finance ', 'finance']] as const) {
      const f = filler();
      f.info('alliance.kind', typed);
      expect((await convert(f)).manifest?.alliance.kind).toBe(kind);
    }
  });

  it('refuses a flag with evidence but no 是/否, a second row for the same criterion, an unknown criterion id, and an orphan row', async () => {
    const f = filler();
    const flag = f.claim('I3.report', { evidence: '证明材料/经费.pdf' });
    const system = f.sheet('制度建设');
    // A copy of I2.plans pasted at the end of the sheet, and an unknown id.
    system.addRow(['I2.plans', '', '', '是']);
    const duplicate = system.rowCount;
    f.claim('I2.plans', { claimed: '是' });
    system.addRow(['I2.plan', '', '', '是']);
    const unknown = system.rowCount;
    system.addRow(['', '', '', '', '', '', '', '', '', '', 'x.pdf']); // under the unknown id: not reported twice
    const tasks = f.sheet('联盟工作任务');
    tasks.getRow(3).getCell(7).value = '写在指标标题行上'; // row 3 is the heading of indicator I4
    const conversion = await convert(f);
    const codes = conversion.problems.map((p) => [p.code, p.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['workbook-flag-unanswered', `制度建设!D${flag}`],
        ['workbook-claim-duplicate', `制度建设!D${duplicate}`],
        ['workbook-criterion-unknown', `制度建设!A${unknown}`],
        ['workbook-row-orphan', '联盟工作任务!G3'],
      ]),
    );
    expect(conversion.problems).toHaveLength(4);
    expect(conversion.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(conversion.manifest?.claims['I3.report']).toBeUndefined();
  });

  it('warns about, and ignores, input in a column the criterion does not use', async () => {
    const f = filler();
    const row = f.claim('I1.office', { claimed: '是', title: '办公室', amountWan: 3, evidence: 'a.jpg' });
    const conversion = await convert(f);
    expect(conversion.problems.map((p) => [p.severity, p.code, p.path])).toEqual([
      ['warning', 'workbook-cell-ignored', `制度建设!G${row}`],
      ['warning', 'workbook-cell-ignored', `制度建设!I${row}`],
    ]);
    expect(conversion.manifest?.claims['I1.office']).toEqual({ claimed: true, evidence: ['a.jpg'] });
  });

  it('refuses a workbook of another rubric, and one missing a group sheet', async () => {
    const f = filler();
    f.info('rubric', 'hefei-2030');
    f.workbook.removeWorksheet(f.sheet('加分项').id);
    const conversion = await convert(f);
    expect(conversion.problems.map((p) => [p.code, p.path])).toEqual([
      ['workbook-rubric-mismatch', '联盟信息!C3'],
      ['workbook-sheet-missing', '自查表.xlsx'],
    ]);
  });

  it('finds columns by their English key, so a column inserted by hand does not shift them', async () => {
    const f = filler();
    for (const sheet of f.workbook.worksheets) if (sheet.getRow(2).getCell(1).value === 'criterion') sheet.spliceColumns(4, 0, []);
    const row = f.claim('I1.office', { claimed: '是', evidence: 'a.jpg' });
    const conversion = await convert(f);
    expect(conversion.problems).toEqual([]);
    expect(conversion.manifest?.claims['I1.office']).toEqual({ claimed: true, evidence: ['a.jpg'] });
    expect(conversion.cells['claims.I1.office.evidence[0]']).toBe(`制度建设!L${row}`);
  });

  it('refuses a file that is not an .xlsx workbook, saying what to do', async () => {
    const text = await workbookToManifest(new TextEncoder().encode('not a workbook'), rubric);
    expect(text).toMatchObject({ manifest: null, problems: [{ severity: 'error', code: 'workbook-unreadable', path: '自查表.xlsx' }] });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const legacy = await workbookToManifest(ole, rubric, { fileName: '联盟自查表.xlsx' });
    expect(legacy.problems[0]).toMatchObject({ code: 'workbook-unreadable', path: '联盟自查表.xlsx' });
    expect(legacy.problems[0]?.message).toContain('.xls');
  });

  it('refuses a workbook whose marker says it is another format or a later version', async () => {
    const workbook = buildTemplate(rubric);
    const meta = workbook.getWorksheet('_meta');
    if (meta === undefined) throw new Error('no _meta sheet');
    meta.getRow(2).getCell(2).value = 2;
    const conversion = await workbookToManifest(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), rubric);
    expect(conversion.problems.map((p) => p.code)).toEqual(['workbook-wrong-format']);
  });

  it('reads a workbook without the hidden marker sheet, as another program may save it', async () => {
    const f = filler();
    f.workbook.removeWorksheet(f.sheet('_meta').id);
    f.claim('I2.plans', { claimed: '是', evidence: 'p.pdf' });
    const conversion = await convert(f);
    expect(conversion.problems).toEqual([]);
    expect(conversion.manifest?.claims).toEqual({ 'I2.plans': { claimed: true, evidence: ['p.pdf'] } });
  });

  it('reads a workbook that went through another save (exceljs load and write again)', async () => {
    const f = filler();
    f.claim('I1.office', { claimed: '是', evidence: 'a.jpg' });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await f.bytes()) as unknown as ArrayBuffer);
    const bytes = new Uint8Array((await again.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await workbookToManifest(bytes, rubric)).manifest?.claims).toEqual({ 'I1.office': { claimed: true, evidence: ['a.jpg'] } });
  });
});
