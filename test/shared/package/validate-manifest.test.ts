import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackageProblem } from '../../../shared/package/problem.ts';
import { validateManifest, type ManifestValidation } from '../../../shared/package/validate-manifest.ts';
import { parseRubricOrThrow } from '../../../shared/rubric/parse-rubric.ts';
import { alliancePackage, everyShapeClaims, manifest as packageManifest, type Json } from '../../helpers/package-builder.ts';

/** The manifest with one claim of every shape, each with its evidence. */
const baseManifest = (): Json => packageManifest({ claims: everyShapeClaims() });

const rubric = parseRubricOrThrow(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../resources/rubrics/hefei-2017.json'), 'utf8')),
);

function validateText(text: string, files: readonly string[] = ['manifest.json']): ManifestValidation {
  return validateManifest(text, {
    files,
    rubricFor: (id) => (id === rubric.id ? rubric : undefined),
    knownRubricIds: [rubric.id],
  });
}

/** Validates `manifest` in a package holding it and every file it names (plus `extraFiles`). */
function validate(manifest: Json, options: { extraFiles?: string[]; withoutFiles?: string[] } = {}): ManifestValidation {
  const files = [...alliancePackage(manifest).paths, ...(options.extraFiles ?? [])].filter(
    (f) => !(options.withoutFiles ?? []).includes(f),
  );
  return validateText(JSON.stringify(manifest, null, 2), files);
}

function changed(change: (m: Json) => void): Json {
  const manifest = baseManifest();
  change(manifest);
  return manifest;
}

const claimsOf = (m: Json): Json => m['claims'] as Json;
const allianceOf = (m: Json): Json => m['alliance'] as Json;
const summary = (problems: readonly PackageProblem[]): string[] => problems.map((p) => `${p.code} ${p.path}`);
const errors = (v: ManifestValidation): string[] => summary(v.problems.filter((p) => p.severity === 'error'));
const warnings = (v: ManifestValidation): string[] => summary(v.problems.filter((p) => p.severity === 'warning'));

describe('validateManifest: a valid manifest', () => {
  it('has no problem and gives the manifest back', () => {
    const result = validate(baseManifest());
    expect(result.problems).toEqual([]);
    expect(result.manifest?.alliance).toEqual(allianceOf(baseManifest()));
    expect(result.manifest?.claims['I4.techContracts']).toEqual(claimsOf(baseManifest())['I4.techContracts']);
    expect(result.rubric).toBe(rubric);
  });

  it('matches evidence paths after NFC and with \\ read as /, and keeps them normalised', () => {
    const manifest = changed((m) => {
      claimsOf(m)['I1.office'] = { claimed: true, evidence: ['制度建设\\办公室照片.jpg', 'cafe\u0301.jpg'] };
    });
    const result = validateText(JSON.stringify(manifest), ['manifest.json', '自查报告.pdf', '制度建设/办公室照片.jpg', 'caf\u00e9.jpg', '成果转化/技术合同1.pdf', '白皮书.pdf', '招商/mp1.pdf']);
    expect(result.problems).toEqual([]);
    expect(result.manifest?.claims['I1.office']).toEqual({ claimed: true, evidence: ['制度建设/办公室照片.jpg', 'caf\u00e9.jpg'] });
  });

  it('tolerates a BOM', () => {
    const manifest = baseManifest();
    const files = [...alliancePackage(manifest).paths];
    expect(validateText(`\ufeff${JSON.stringify(manifest)}`, files).problems).toEqual([]);
  });
});

describe('validateManifest: errors (the package is refused)', () => {
  it('manifest-not-json, with line and column', () => {
    const result = validateText('{\n  "format": "alliance-review/package",\n  "year": 2026,\n}');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', code: 'manifest-not-json', path: 'manifest.json', line: 3, column: 15 });
    expect(result.problems[0]?.message).toContain('第 3 行第 15 列');
    expect(result.manifest).toBeNull();
  });

  it('manifest-duplicate-key', () => {
    const text = JSON.stringify(baseManifest()).replace('"year":2026', '"year":2025,"year":2026');
    const result = validateText(text, [...alliancePackage(baseManifest()).paths]);
    expect(errors(result)).toEqual(['manifest-duplicate-key year']);
  });

  it('manifest-not-object', () => {
    expect(errors(validateText('[1, 2]'))).toEqual(['manifest-not-object manifest.json']);
  });

  it('manifest-wrong-format stops there (the rest would be noise)', () => {
    const result = validate(changed((m) => {
      m['format'] = 'something-else';
      m['year'] = 'x';
    }));
    expect(errors(result)).toEqual(['manifest-wrong-format format']);
  });

  it('manifest-wrong-version', () => {
    expect(errors(validate(changed((m) => (m['version'] = 2))))).toEqual(['manifest-wrong-version version']);
    expect(errors(validate(changed((m) => delete m['version'])))).toEqual(['manifest-wrong-version version']);
  });

  it.each([
    ['year', (m: Json) => delete m['year']],
    ['rubric', (m: Json) => delete m['rubric']],
    ['alliance', (m: Json) => delete m['alliance']],
    ['alliance.id', (m: Json) => delete allianceOf(m)['id']],
    ['alliance.name', (m: Json) => delete allianceOf(m)['name']],
    ['alliance.kind', (m: Json) => delete allianceOf(m)['kind']],
    ['selfReport', (m: Json) => delete m['selfReport']],
    ['claims', (m: Json) => delete m['claims']],
    ['claims.I1.office.claimed', (m: Json) => delete (claimsOf(m)['I1.office'] as Json)['claimed']],
    ['claims.I1.office.evidence', (m: Json) => delete (claimsOf(m)['I1.office'] as Json)['evidence']],
    ['claims.I4.techContracts.items[0].id', (m: Json) => delete itemOf(m, 'I4.techContracts')['id']],
    ['claims.I4.techContracts.items[0].title', (m: Json) => delete itemOf(m, 'I4.techContracts')['title']],
    ['claims.I4.techContracts.items[0].evidence', (m: Json) => delete itemOf(m, 'I4.techContracts')['evidence']],
    ['claims.B2.majorProjects.items[0].amountWan', (m: Json) => delete itemOf(m, 'B2.majorProjects')['amountWan']],
  ])('field-missing: %s', (path, change) => {
    const result = validate(changed(change));
    expect(errors(result)).toContain(`field-missing ${path}`);
    const found = result.problems.find((p) => p.path === path);
    expect(found?.message).toMatch(/^缺少“/);
    expect(found?.line).toBeGreaterThan(0);
    expect(result.manifest).toBeNull();
  });

  it.each([
    ['year', (m: Json) => (m['year'] = 2026.5)],
    ['year', (m: Json) => (m['year'] = '2026')],
    ['rubric', (m: Json) => (m['rubric'] = 17)],
    ['alliance.id', (m: Json) => (allianceOf(m)['id'] = 'HFA 012')],
    ['alliance.id', (m: Json) => (allianceOf(m)['id'] = 'A'.repeat(65))],
    ['alliance.id', (m: Json) => (allianceOf(m)['id'] = '')],
    ['alliance.name', (m: Json) => (allianceOf(m)['name'] = '   ')],
    ['alliance.kind', (m: Json) => (allianceOf(m)['kind'] = 'university')],
    ['alliance.contact.phone', (m: Json) => ((allianceOf(m)['contact'] as Json)['phone'] = 55100000000)],
    ['selfReport', (m: Json) => (m['selfReport'] = '')],
    ['claims', (m: Json) => (m['claims'] = [])],
    ['claims.I1.office.claimed', (m: Json) => ((claimsOf(m)['I1.office'] as Json)['claimed'] = 'yes')],
    ['claims.I1.office.evidence', (m: Json) => ((claimsOf(m)['I1.office'] as Json)['evidence'] = '制度建设/办公室照片.jpg')],
    ['claims.I1.office.evidence[1]', (m: Json) => ((claimsOf(m)['I1.office'] as Json)['evidence'] = ['制度建设/办公室照片.jpg', 3])],
    ['claims.I4.techContracts.items[0].date', (m: Json) => (itemOf(m, 'I4.techContracts')['date'] = '2026/05/12')],
    ['claims.I4.techContracts.items[0].date', (m: Json) => (itemOf(m, 'I4.techContracts')['date'] = '2026-02-30')],
    ['claims.I4.techContracts.items[0].title', (m: Json) => (itemOf(m, 'I4.techContracts')['title'] = '')],
    ['claims.B2.majorProjects.items[0].amountWan', (m: Json) => (itemOf(m, 'B2.majorProjects')['amountWan'] = 0)],
    ['claims.B2.majorProjects.items[0].amountWan', (m: Json) => (itemOf(m, 'B2.majorProjects')['amountWan'] = '52000')],
    ['claims.I10.status.value', (m: Json) => ((claimsOf(m)['I10.status'] as Json)['value'] = 3)],
    ['claims.I10.status.value', (m: Json) => ((claimsOf(m)['I10.status'] as Json)['value'] = -0.5)],
    ['claims.I10.status.value', (m: Json) => ((claimsOf(m)['I10.status'] as Json)['value'] = 2.25)],
  ])('field-invalid: %s', (path, change) => {
    const result = validate(changed(change));
    expect(errors(result)).toContain(`field-invalid ${path}`);
    expect(result.problems.find((p) => p.path === path)?.message).toContain('写得不对');
  });

  it('field-unknown, suggesting the key meant', () => {
    const result = validate(
      changed((m) => {
        m['extra'] = 1;
        const office = claimsOf(m)['I1.office'] as Json;
        office['evidance'] = office['evidence'];
        allianceOf(m)['website'] = 'https://example.org';
      }),
    );
    expect(errors(result).sort()).toEqual([
      'field-unknown alliance.website',
      'field-unknown claims.I1.office.evidance',
      'field-unknown extra',
    ]);
    expect(result.problems.find((p) => p.path === 'claims.I1.office.evidance')?.message).toContain('是不是“evidence”');
  });

  it('field-unknown: an amount on an item of a criterion that is not a tier', () => {
    const result = validate(changed((m) => (itemOf(m, 'I4.techContracts')['amountWan'] = 100)));
    expect(errors(result)).toEqual(['field-unknown claims.I4.techContracts.items[0].amountWan']);
    expect(result.problems[0]?.message).toContain('tier');
  });

  it('rubric-unknown, naming the rubrics the program knows', () => {
    const result = validate(changed((m) => (m['rubric'] = 'hefei-2099')));
    expect(errors(result)).toEqual(['rubric-unknown rubric']);
    expect(result.problems[0]?.message).toContain('hefei-2017');
  });

  it.each([
    ['I4.techContract', '是不是“I4.techContracts”'],
    ['i4.techcontracts', '是不是“I4.techContracts”'],
    ['I4', 'I4.techContracts、I4.achievements'],
    ['X9.unheardOf', '没有评分项“X9.unheardOf”'],
  ])('criterion-unknown: %s', (id, words) => {
    const result = validate(changed((m) => (claimsOf(m)[id] = { items: [] })));
    expect(errors(result)).toEqual([`criterion-unknown claims.${id}`]);
    expect(result.problems[0]?.message).toContain(words);
  });

  it.each([
    ['a flag written as a list', 'I1.council', { items: [] }],
    ['a list written as a flag', 'I5.breakthroughs', { claimed: true, evidence: [] }],
    ['a judged criterion written as a flag', 'I10.problems', { claimed: true }],
    ['a bare true', 'I2.plans', true],
    ['a list without its object', 'I6.international', [{ id: 'a', title: 'b', evidence: [] }]],
  ])('claim-wrong-shape: %s', (_what, id, claim) => {
    const result = validate(changed((m) => (claimsOf(m)[id] = claim)));
    expect(errors(result)).toEqual([`claim-wrong-shape claims.${id}`]);
    expect(result.problems[0]?.message).toContain('应写成');
  });

  it('item-id-duplicate, at the second item', () => {
    const result = validate(
      changed((m) => {
        const list = claimsOf(m)['I4.techContracts'] as { items: Json[] };
        list.items.push({ ...list.items[0], title: '另一份合同' });
      }),
    );
    expect(errors(result)).toEqual(['item-id-duplicate claims.I4.techContracts.items[1].id']);
  });

  it.each([
    ['no such file', '成果转化/技术合同9.pdf', ''],
    ['a different case', '成果转化/技术合同1.PDF', '大小写不同'],
    ['a folder', '成果转化', '是一个文件夹'],
    ['an absolute path', '/成果转化/技术合同1.pdf', '不能以“/”'],
    ['the wrong folder', '合同/技术合同1.pdf', '是不是文件夹写错了'],
  ])('evidence-not-found: %s', (_what, path, hint) => {
    const manifest = changed((m) => {
      (claimsOf(m)['I1.office'] as Json)['evidence'] = [path];
    });
    const files = [...alliancePackage(baseManifest()).paths];
    const result = validateText(JSON.stringify(manifest, null, 2), files);
    expect(errors(result)).toEqual(['evidence-not-found claims.I1.office.evidence[0]']);
    expect(result.problems[0]?.message).toContain(hint);
    expect(result.problems[0]?.line).toBeGreaterThan(0);
  });

  it('self-report-not-found', () => {
    const result = validate(baseManifest(), { withoutFiles: ['自查报告.pdf'] });
    expect(errors(result)).toEqual(['self-report-not-found selfReport']);
  });

  it('reports every problem at once', () => {
    const manifest = changed((m) => {
      m['year'] = '2026';
      allianceOf(m)['kind'] = 'university';
      claimsOf(m)['I4.techContract'] = { items: [] };
      itemOf(m, 'I4.techContracts')['evidence'] = ['nowhere.pdf'];
    });
    const result = validateText(JSON.stringify(manifest), [...alliancePackage(baseManifest()).paths]);
    expect(errors(result)).toEqual([
      'field-invalid year',
      'field-invalid alliance.kind',
      'criterion-unknown claims.I4.techContract',
      'evidence-not-found claims.I4.techContracts.items[0].evidence[0]',
    ]);
  });
});

function itemOf(m: Json, id: string, index = 0): Json {
  const items = (claimsOf(m)[id] as { items: Json[] }).items;
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index} in ${id}`);
  return item;
}

function items(prefix: string, count: number, extra: Json = {}): Json[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    title: `${prefix} ${i + 1}`,
    date: '2026-03-01',
    evidence: ['白皮书.pdf'],
    ...extra,
  }));
}

describe('validateManifest: warnings (the package is imported)', () => {
  it('criterion-not-for-kind: a kind-specific criterion claimed by another kind', () => {
    const claims = (m: Json): void => {
      claimsOf(m)['I7.listings'] = { items: items('l', 1) };
      claimsOf(m)['I7.nationalIncubators'] = { items: [] };
    };
    const general = validate(changed(claims));
    expect(warnings(general)).toEqual(['criterion-not-for-kind claims.I7.listings']);
    expect(general.manifest).not.toBeNull();
    const finance = validate(changed((m) => (claims(m), (allianceOf(m)['kind'] = 'finance'))));
    expect(warnings(finance)).toEqual([]);
  });

  it('item-no-evidence: a claimed flag, an item, a judged value with no document in its indicator', () => {
    const result = validate(
      changed((m) => {
        claimsOf(m)['I1.council'] = { claimed: true, evidence: [] };
        claimsOf(m)['I1.platform'] = { claimed: false, evidence: [] };
        itemOf(m, 'I4.techContracts')['evidence'] = [];
        claimsOf(m)['I10.status'] = { value: 2 };
        claimsOf(m)['I10.problems'] = { value: 2, evidence: [] };
      }),
    );
    expect(warnings(result)).toEqual([
      'item-no-evidence claims.I1.council.evidence',
      'item-no-evidence claims.I4.techContracts.items[0].evidence',
      'item-no-evidence claims.I10.status',
      'item-no-evidence claims.I10.problems',
    ]);
  });

  it('item-no-evidence: one judged claim of I10 may carry the document for all four', () => {
    const result = validate(changed((m) => (claimsOf(m)['I10.problems'] = { value: 2 })));
    expect(warnings(result)).toEqual([]);
  });

  it('file-not-referenced: a file no claim names (selfReport and manifest.json count as named)', () => {
    const result = validate(baseManifest(), { extraFiles: ['证明材料/旧照片.jpg'] });
    expect(warnings(result)).toEqual(['file-not-referenced 证明材料/旧照片.jpg']);
    expect(result.manifest).not.toBeNull();
  });

  it('item-date-outside-year', () => {
    const result = validate(
      changed((m) => {
        const list = claimsOf(m)['I4.techContracts'] as { items: Json[] };
        list.items.push({ id: 'tc-2', title: '去年的合同', date: '2025-12-31', evidence: ['成果转化/技术合同1.pdf'] });
        list.items.push({ id: 'tc-3', title: '元旦的合同', date: '2026-01-01', evidence: ['成果转化/技术合同1.pdf'] });
      }),
    );
    expect(warnings(result)).toEqual(['item-date-outside-year claims.I4.techContracts.items[1].date']);
  });

  it('indicator-over-cap: claims worth more than the cap, after criterion caps', () => {
    const result = validate(
      changed((m) => {
        claimsOf(m)['I4.techContracts'] = { items: items('tc', 7) };
        claimsOf(m)['I4.projects'] = { items: items('p', 5) };
        // I11: 7 members (2) + monthly reports (2) + 4 bureau events (criterion cap 3) = 7 ≤ 8.
        claimsOf(m)['I11.newMembers'] = { items: items('n', 7) };
        claimsOf(m)['I11.monthlyReports'] = { claimed: true, evidence: ['白皮书.pdf'] };
        claimsOf(m)['I11.bureauEvents'] = { items: items('b', 4) };
        // The bonus group has no cap.
        claimsOf(m)['B1.hostedEvents'] = { items: items('h', 5) };
      }),
    );
    expect(warnings(result)).toEqual(['indicator-over-cap I4']);
    expect(result.problems[0]?.message).toContain('12 分');
    expect(result.problems[0]?.message).toContain('上限 10 分');
  });

  it('every problem has a Chinese message', () => {
    const result = validate(
      changed((m) => {
        m['extra'] = true;
        claimsOf(m)['I1.council'] = { claimed: true, evidence: [] };
      }),
      { extraFiles: ['x.pdf'] },
    );
    expect(result.problems.length).toBeGreaterThan(2);
    for (const p of result.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('validateManifest: a number too large to represent', () => {
  it('is named as such, with its field, not shown as null', () => {
    const text = JSON.stringify(baseManifest(), null, 2).replace('"year": 2026', '"year": 1e309');
    const result = validateText(text, alliancePackage(baseManifest()).paths);
    expect(summary(result.problems)).toEqual(['manifest-not-json manifest.json']);
    expect(result.problems[0]?.message).toContain('year 的数字 1e309 太大');
    expect(result.problems[0]?.message).not.toContain('null');
  });
});

describe('validateManifest: a very large manifest', () => {
  it('reports every problem of 200 000 items without exhausting the stack', () => {
    const manifest = changed((m) => {
      claimsOf(m)['I4.techContracts'] = { items: Array.from({ length: 200_000 }, (_, i) => ({ id: `t${i}`, evidence: ['成果转化/技术合同1.pdf'] })) };
    });
    const result = validate(manifest);
    const missing = result.problems.filter((p) => p.code === 'field-missing');
    expect(missing).toHaveLength(200_000);
    expect(missing[199_999]?.path).toBe('claims.I4.techContracts.items[199999].title');
    expect(result.manifest).toBeNull();
  }, 300_000);
});

describe('validateManifest: text that cannot be shown or stored', () => {
  const items = (m: Json): Json[] => (claimsOf(m)['I4.techContracts'] as Json)['items'] as Json[];
  const secondItem = (id: string) => (m: Json) => {
    items(m).push({ id, title: '声学模型联合开发合同', evidence: ['成果转化/技术合同1.pdf'] });
  };

  it('refuses a lone surrogate in an item id, naming the item in words and the field by path', () => {
    const manifest = changed(secondItem('tc-2\ud800'));
    // JSON.stringify writes the lone surrogate as the escape "\ud800", as a hand-edited file would.
    const text = JSON.stringify(manifest, null, 2);
    expect(text).toContain('"tc-2\\ud800"');
    const result = validateText(text);
    expect(result.manifest).toBeNull();
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ severity: 'error', code: 'field-ill-formed', path: 'claims.I4.techContracts.items[1].id' });
    expect(problem?.message).toMatch(/^评分项 I4\.techContracts 第 2 项（tc-2\\u\{d800\}）的编号含有无法显示的字符：不成对的 UTF-16 代理项/);
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('reports every ill-formed string at once, keys included', () => {
    const text = JSON.stringify(baseManifest(), null, 2)
      .replace('"合肥市智能语音产业技术创新战略联盟"', '"联盟\\udc01"')
      .replace('"I10.status"', '"I10.\\ud801"');
    const result = validateText(text);
    expect(summary(result.problems)).toEqual(['field-ill-formed alliance.name', 'field-ill-formed claims["I10.\\ud801"]']);
    expect(result.problems[0]?.message).toMatch(/^联盟名称 alliance\.name含有无法显示的字符/);
    expect(result.problems[1]?.message).toMatch(/^评分项编号“I10\.\\u\{d801\}”含有无法显示的字符/);
  });

  it.each([
    ['alliance.name', (m: Json) => (allianceOf(m)['name'] = '合肥联盟\n指纹 fingerprint：AAAA')],
    ['alliance.name', (m: Json) => (allianceOf(m)['name'] = '合肥\u202e联盟')],
    ['alliance.leadOrganization', (m: Json) => (allianceOf(m)['leadOrganization'] = '某某\u001b[2K公司')],
    ['alliance.contact.name', (m: Json) => ((allianceOf(m)['contact'] as Json)['name'] = '张\u200b三')],
    ['claims.I4.techContracts.items[0].title', (m: Json) => ((items(m)[0] as Json)['title'] = '合同\u0085')],
    ['claims.I4.techContracts.items[1].id', secondItem('tc-2\t')],
    ['claims.I4.techContracts.items[0].note', (m: Json) => ((items(m)[0] as Json)['note'] = '登记号\u001b[31m')],
  ])('refuses a control character in %s', (path, change) => {
    const result = validate(changed(change));
    expect(result.manifest).toBeNull();
    expect(errors(result)).toEqual([`field-control-character ${path}`]);
    expect(result.problems[0]?.message).toMatch(/含有.*（\\u\{[0-9a-f]+\}）/);
  });

  it('keeps line breaks and tabs in a note, and other scripts and the no-break space in names', () => {
    const result = validate(
      changed((m) => {
        (items(m)[0] as Json)['note'] = '第一行\n第二行\t备注';
        allianceOf(m)['name'] = 'Alliance\u00a0Café 联盟 😀';
      }),
    );
    expect(errors(result)).toEqual([]);
  });
});
