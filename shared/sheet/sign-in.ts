/**
 * Sign-in (签到) and the pledge (承诺书): what an expert does before scoring a meeting's year.
 *
 * - sign-in: the expert confirms who they are (their roster entry), reads and signs the pledge
 *   with their drawn signature and their key, and declares for every alliance of the year
 *   either no conflict or a recusal (回避) with a reason from the standard list.
 * - pledge text: the one Chinese text of the pledge (PLEDGE_TEXT); screens and documents print
 *   it from here, and a signed sign-in carries it word for word, so what was signed can be read.
 * - recusal reason: a code from RECUSAL_REASONS; `other` needs the expert's own words (detail).
 * - sign-in record: what the key signs (signInSigningText): format, year, expert, time, pledge,
 *   recusals. The same record travels in a sheet of format 2 as `signIn`.
 */
import { canonicalJson } from '../format/canonical-json.ts';

export const SIGN_IN_FORMAT = 'alliance-review/sign-in' as const;

/** The pledge, in four points: recusal, confidentiality, no private contact, the published rubric only. */
export const PLEDGE_TEXT = [
  '评审专家承诺书',
  '本人受邀参加合肥市产业技术创新战略联盟考核评审，郑重承诺：',
  '一、回避：本人与所评联盟及其成员单位存在利害关系的，主动声明并回避，不参与该联盟的评分。',
  '二、保密：对评审材料、评审意见和评审结果严格保密，不擅自复制、外传或对外透露。',
  '三、不私下接触：评审期间不私下接触被评联盟及其成员单位，不接受其宴请、礼品或其他利益。',
  '四、依规评分：只依据公布的评分细则和联盟提交的材料独立、客观、公正地评分。',
  '如有违反，本人愿承担相应责任。',
].join('\n');

export const RECUSAL_REASONS = [
  { code: 'employed', words: '近三年内在该联盟成员单位任职' },
  { code: 'director', words: '近三年内担任该联盟成员单位的董事或监事' },
  { code: 'controlling', words: '近三年内控制该联盟的成员单位' },
  { code: 'relative', words: '本人是该联盟成员单位法定代表人的配偶或近亲属' },
  { code: 'other', words: '其他利害关系' },
] as const;

export type RecusalReasonCode = (typeof RECUSAL_REASONS)[number]['code'];
export const RECUSAL_REASON_CODES = RECUSAL_REASONS.map((r) => r.code) as [RecusalReasonCode, ...RecusalReasonCode[]];

export interface SignInRecusal {
  readonly allianceId: string;
  readonly reason: RecusalReasonCode;
  /** The expert's words; required for `other`, optional otherwise. */
  readonly detail?: string | undefined;
}

export interface SignIn {
  /** When the expert signed in (ISO 8601 with the laptop's offset). */
  readonly at: string;
  readonly pledge: { readonly text: string; readonly signedAt: string };
  /** One entry per alliance the expert recuses from, by alliance id; empty: declared none. */
  readonly recusals: readonly SignInRecusal[];
}

/** The recusal's reason in words, as the recused review's comment: `近三年内在该联盟成员单位任职` or `其他利害关系：…`. */
export function recusalReasonText(recusal: Pick<SignInRecusal, 'reason' | 'detail'>): string {
  const words = RECUSAL_REASONS.find((r) => r.code === recusal.reason)?.words ?? recusal.reason;
  const detail = recusal.detail?.trim() ?? '';
  return detail === '' ? words : `${words}：${detail}`;
}

/**
 * Problems of a declaration against the year's alliances, in Chinese, naming the alliance:
 * a recusal for an alliance not in the meeting, two for one alliance, `other` without words.
 */
export function signInProblems(recusals: readonly SignInRecusal[], alliances: readonly { readonly allianceId: string; readonly allianceName: string }[]): string[] {
  const problems: string[] = [];
  const names = new Map(alliances.map((a) => [a.allianceId, a.allianceName]));
  const seen = new Set<string>();
  for (const recusal of recusals) {
    const name = names.get(recusal.allianceId);
    if (name === undefined) {
      problems.push(`联盟 ${recusal.allianceId} 不在本年度的评审联盟中，不能声明回避。`);
      continue;
    }
    if (seen.has(recusal.allianceId)) problems.push(`对 ${name} 声明了两次回避，请只保留一次。`);
    seen.add(recusal.allianceId);
    if (recusal.reason === 'other' && (recusal.detail ?? '').trim() === '') {
      problems.push(`对 ${name} 选择了“其他利害关系”，请写明具体情况。`);
    }
  }
  return problems;
}

/** The text an expert's key signs for their sign-in: RFC 8785 (JCS) of the record. */
export function signInSigningText(record: { readonly year: number; readonly expert: { readonly id: string; readonly name: string }; readonly signIn: SignIn }): string {
  return canonicalJson({ format: SIGN_IN_FORMAT, year: record.year, expert: record.expert, ...record.signIn });
}
