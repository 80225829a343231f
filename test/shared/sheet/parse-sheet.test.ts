import { describe, expect, it } from 'vitest';

import { looksLikeSheet, parseSheet, parseUnsignedSheet } from '../../../shared/sheet/parse-sheet.ts';
import { describeSheetProblem } from '../../../shared/sheet/sheet-problem.ts';
import { pngDataUrl, pngDataUrlOfLength } from '../../helpers/png.ts';

const DIGEST = 'a'.repeat(64);

/** A well-formed sheet; the signature is well-formed base64 but signs nothing (not checked here). */
function sheet(): Record<string, unknown> {
  return {
    format: 'alliance-review/sheet',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    expert: { id: 'E01', name: '王明' },
    signedAt: '2027-01-20T09:30:00+08:00',
    reviews: [
      {
        allianceId: 'HFA-012',
        packageDigest: DIGEST,
        recused: false,
        decisions: {
          'I1.office': { accept: true },
          'I1.council': { accept: false, reason: '无理事会会议纪要', note: '仅有通知' },
          'I4.techContracts': { accepted: ['tc-1'], rejected: { 'tc-2': '合同未在技术市场登记' } },
          'I10.status': { value: 2 },
        },
        overrides: { I2: { score: 3, reason: '仅有年度计划，缺半年总结' } },
        comment: '……',
      },
      { allianceId: 'HFA-013', packageDigest: 'b'.repeat(64), recused: true, comment: '本人任职于牵头单位' },
    ],
    signature: { alg: 'Ed25519', publicKey: `${'A'.repeat(43)}=`, value: `${'A'.repeat(86)}==` },
  };
}

type Json = Record<string, unknown>;
function edit(change: (sheet: Json) => void): Json {
  const value = sheet();
  change(value);
  return value;
}
const review0 = (value: Json): Json => (value['reviews'] as Json[])[0] as Json;
const review1 = (value: Json): Json => (value['reviews'] as Json[])[1] as Json;

function problemsOf(json: unknown) {
  const result = parseSheet(json);
  return result.ok ? [] : result.problems.map((p) => ({ code: p.code, path: p.path }));
}

describe('parseSheet', () => {
  it('accepts the example of the format (decisions of every kind, an override, a recusal)', () => {
    const result = parseSheet(sheet());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('returns the values exactly as given (no trimming, no defaults)', () => {
    const value = edit((s) => {
      (s['expert'] as Json)['name'] = ' 王明 ';
    });
    const result = parseSheet(value);
    expect(result.ok && result.sheet).toEqual(value);
  });

  it('accepts a hand signature that is a PNG data URL of at most 200 KB', () => {
    const value = edit((s) => {
      (s['expert'] as Json)['handSignature'] = pngDataUrl();
    });
    expect(problemsOf(value)).toEqual([]);
  });

  it.each([
    ['over 200 KB', pngDataUrlOfLength(204_802), 'hand-signature-too-large'],
    ['not PNG', 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==', 'hand-signature-invalid'],
  ])('refuses a hand signature %s', (_name, url, code) => {
    const value = edit((s) => {
      (s['expert'] as Json)['handSignature'] = url;
    });
    expect(problemsOf(value)).toEqual([{ code, path: 'expert.handSignature' }]);
  });

  it('says "not a sheet" for other JSON, before anything else', () => {
    for (const json of [null, [], 'x', { format: 'alliance-review/result', version: 1 }, {}]) {
      expect(problemsOf(json)).toEqual([{ code: 'not-a-sheet', path: '(root)' }]);
      expect(looksLikeSheet(json)).toBe(false);
    }
    expect(looksLikeSheet(sheet())).toBe(true);
  });

  it('refuses another version with one clear problem', () => {
    const result = parseSheet(edit((s) => (s['version'] = 3)));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'sheet-wrong-version', path: 'version' });
    expect(result.problems[0]?.message).toContain('版本 3');
    expect(result.problems[0]?.message).toContain('只能读取版本 1 和 2');
  });

  it.each<[string, (s: Json) => void, { code: string; path: string }[]]>([
    ['a missing year', (s) => delete s['year'], [{ code: 'field-missing', path: 'year' }]],
    ['a fractional year', (s) => (s['year'] = 2026.5), [{ code: 'field-invalid', path: 'year' }]],
    ['a rubric id with capitals', (s) => (s['rubric'] = 'Hefei'), [{ code: 'field-invalid', path: 'rubric' }]],
    ['an unknown top-level key', (s) => (s['extra'] = 1), [{ code: 'field-unknown', path: 'extra' }]],
    ['a blank expert name', (s) => ((s['expert'] as Json)['name'] = '  '), [{ code: 'field-invalid', path: 'expert.name' }]],
    ['an expert id with a space', (s) => ((s['expert'] as Json)['id'] = 'E 01'), [{ code: 'field-invalid', path: 'expert.id' }]],
    ['signedAt without a zone', (s) => (s['signedAt'] = '2027-01-20T09:30:00'), [{ code: 'field-invalid', path: 'signedAt' }]],
    ['signedAt on 30 February', (s) => (s['signedAt'] = '2027-02-30T09:30:00+08:00'), [{ code: 'field-invalid', path: 'signedAt' }]],
    ['no reviews', (s) => (s['reviews'] = []), [{ code: 'field-invalid', path: 'reviews' }]],
    ['an uppercase digest', (s) => (review0(s)['packageDigest'] = 'A'.repeat(64)), [{ code: 'field-invalid', path: 'reviews[0].packageDigest' }]],
    ['recused as a string', (s) => (review0(s)['recused'] = 'false'), [{ code: 'field-invalid', path: 'reviews[0].recused' }]],
    ['a misspelt decision key', (s) => ((review0(s)['decisions'] as Json)['I1.office'] = { acept: true }), [{ code: 'field-invalid', path: 'reviews[0].decisions.I1.office' }]],
    [
      'a flag decision with an extra key',
      (s) => ((review0(s)['decisions'] as Json)['I1.office'] = { accept: true, score: 2 }),
      [{ code: 'field-unknown', path: 'reviews[0].decisions.I1.office.score' }],
    ],
    [
      'a flag decision with accept "yes"',
      (s) => ((review0(s)['decisions'] as Json)['I1.office'] = { accept: 'yes' }),
      [{ code: 'field-invalid', path: 'reviews[0].decisions.I1.office.accept' }],
    ],
    [
      'a list decision without rejected',
      (s) => ((review0(s)['decisions'] as Json)['I4.techContracts'] = { accepted: ['tc-1'] }),
      [{ code: 'field-missing', path: 'reviews[0].decisions.I4.techContracts.rejected' }],
    ],
    [
      'a judged value as a string',
      (s) => ((review0(s)['decisions'] as Json)['I10.status'] = { value: '2' }),
      [{ code: 'field-invalid', path: 'reviews[0].decisions.I10.status.value' }],
    ],
    [
      'a negative override',
      (s) => ((review0(s)['overrides'] as Json)['I2'] = { score: -1, reason: 'x' }),
      [{ code: 'field-invalid', path: 'reviews[0].overrides.I2.score' }],
    ],
    [
      'a signature of another algorithm',
      (s) => ((s['signature'] as Json)['alg'] = 'RSA'),
      [{ code: 'field-invalid', path: 'signature.alg' }],
    ],
    [
      'a public key of 31 bytes',
      (s) => ((s['signature'] as Json)['publicKey'] = Buffer.alloc(31).toString('base64')),
      [{ code: 'field-invalid', path: 'signature.publicKey' }],
    ],
    [
      'a public key in non-canonical base64',
      (s) => ((s['signature'] as Json)['publicKey'] = `${'A'.repeat(42)}B=`),
      [{ code: 'field-invalid', path: 'signature.publicKey' }],
    ],
    [
      'a signature value in base64url',
      (s) => ((s['signature'] as Json)['value'] = `${'_'.repeat(86)}==`),
      [{ code: 'field-invalid', path: 'signature.value' }],
    ],
    ['no signature', (s) => delete s['signature'], [{ code: 'field-missing', path: 'signature' }]],
    ['no version', (s) => delete s['version'], [{ code: 'field-missing', path: 'version' }]],
    [
      'a decision key that is no criterion id',
      (s) => ((review0(s)['decisions'] as Json)['I1 office'] = { accept: true }),
      [{ code: 'field-invalid', path: 'reviews[0].decisions.I1 office' }],
    ],
    [
      'an override key that is no indicator id',
      (s) => ((review0(s)['overrides'] as Json)['I2.plans'] = { score: 1, reason: 'x' }),
      [{ code: 'field-invalid', path: 'reviews[0].overrides.I2.plans' }],
    ],
    [
      'two reviews of one alliance',
      (s) => (review1(s)['allianceId'] = 'HFA-012'),
      [{ code: 'review-duplicate', path: 'reviews[1].allianceId' }],
    ],
    [
      'a recused review with decisions',
      (s) => (review1(s)['decisions'] = { 'I1.office': { accept: true } }),
      [{ code: 'recused-with-decisions', path: 'reviews[1]' }],
    ],
    ['a recusal without a reason', (s) => delete review1(s)['comment'], [{ code: 'recused-without-reason', path: 'reviews[1].comment' }]],
    ['a review without decisions', (s) => delete review0(s)['decisions'], [{ code: 'decisions-missing', path: 'reviews[0].decisions' }]],
  ])('refuses %s, naming where', (_name, change, expected) => {
    expect(problemsOf(edit(change))).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const value = edit((s) => {
      delete s['year'];
      (s['expert'] as Json)['name'] = '';
      review0(s)['recused'] = 1;
    });
    expect(problemsOf(value).map((p) => p.path).sort()).toEqual(['expert.name', 'reviews[0].recused', 'year']);
  });

  it('speaks Chinese with the English key word', () => {
    const result = parseSheet(edit((s) => delete s['year']));
    expect(result.problems.map(describeSheetProblem)).toEqual(['year: 缺少此字段 (missing)']);
  });

  it('refuses a "__proto__" key anywhere instead of losing it', () => {
    const text = JSON.stringify(sheet()).replace('"I1.office":', '"__proto__":');
    expect(problemsOf(JSON.parse(text))).toEqual([{ code: 'field-unknown', path: 'reviews[0].decisions.__proto__' }]);
  });

  it('allows a recused review to carry an empty decisions object', () => {
    expect(problemsOf(edit((s) => (review1(s)['decisions'] = {})))).toEqual([]);
  });
});

describe('parseUnsignedSheet', () => {
  it('accepts a sheet without signature and refuses one with', () => {
    const { signature: _signature, ...unsigned } = sheet();
    expect(parseUnsignedSheet(unsigned).ok).toBe(true);
    expect(parseUnsignedSheet(sheet())).toMatchObject({ ok: false, problems: [{ code: 'field-unknown', path: 'signature' }] });
  });
});

describe('parseSheet: text that cannot be shown, stored or signed', () => {
  it.each([
    ['reviews[1].comment', (v: Json) => (review1(v)['comment'] = '本人\ud800任职')],
    ['expert.name', (v: Json) => ((v['expert'] as Json)['name'] = '王\udc00明')],
    ['reviews[0].decisions.I1.council.reason', (v: Json) => (((review0(v)['decisions'] as Json)['I1.council'] as Json)['reason'] = '\ud83d')],
  ])('refuses a lone surrogate in %s', (path, change) => {
    const result = parseSheet(edit(change));
    expect(result.ok).toBe(false);
    expect(problemsOf(edit(change))).toEqual([{ code: 'field-ill-formed', path }]);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/含有无法显示的字符：不成对的 UTF-16 代理项/);
  });

  it('refuses a lone surrogate in a key, naming the key', () => {
    const value = edit((v) => {
      ((review0(v)['decisions'] as Json)['I4.techContracts'] as Json)['rejected'] = { 'tc-\ud800': '未登记' };
    });
    expect(problemsOf(value)).toEqual([{ code: 'field-ill-formed', path: 'reviews[0].decisions.I4.techContracts.rejected.tc-\ud800' }]);
  });

  it.each([
    ['expert.name', (v: Json) => ((v['expert'] as Json)['name'] = '李华\n指纹 fingerprint：0000 0000 0000 0000\u001b[1A\u001b[2K')],
    ['expert.name', (v: Json) => ((v['expert'] as Json)['name'] = '王\u202e明')],
    ['expert.name', (v: Json) => ((v['expert'] as Json)['name'] = '王\u200b明')],
    ['reviews[1].comment', (v: Json) => (review1(v)['comment'] = '回避\u001b[31m')],
    ['reviews[0].overrides.I2.reason', (v: Json) => ((((review0(v)['overrides'] as Json)['I2'] as Json)['reason']) = '理由\u0085')],
    ['reviews[0].decisions.I4.techContracts.accepted[0]', (v: Json) => (((review0(v)['decisions'] as Json)['I4.techContracts'] as Json)['accepted'] = ['tc-1\n'])],
  ])('refuses a control character in %s', (path, change) => {
    const result = parseSheet(edit(change));
    expect(problemsOf(edit(change))).toEqual([{ code: 'field-control-character', path }]);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/\\u\{[0-9a-f]+\}/);
  });

  it('keeps line breaks and tabs in comments and reasons', () => {
    const value = edit((v) => {
      review1(v)['comment'] = '第一行\n第二行\r\n\t缩进';
      ((review0(v)['decisions'] as Json)['I1.council'] as Json)['reason'] = '一\n二';
    });
    expect(problemsOf(value)).toEqual([]);
  });
});
