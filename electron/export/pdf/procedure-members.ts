/**
 * The members of the panel as the procedure documents list them: the roster's lines when the
 * roster is known (the meeting file or the chair's database), else the experts of the sheets,
 * with what each one's sheet says of their sign-in and signing.
 *
 * - member: a roster line (or a sheet's expert), with the sheet that counted for them, if any.
 *   A roster member without a counted sheet has not signed, and every document says so.
 * - sign-in: from the member's format-2 sheet (`signIn.at`); else the chair's record of a signed
 *   paper pledge; else none.
 */
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import type { PaperPledgeRecord } from '../procedure-documents-input.ts';
import type { ResultDocumentsInput, ResultIndex, ResultSheet } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';

export interface MemberView {
  readonly id: string;
  readonly name: string;
  /** '' when not known. */
  readonly title: string;
  readonly employer: string;
  readonly leader: boolean;
  /** The member's counted sheet; undefined: they have not signed. */
  readonly entry: ResultSheet | undefined;
  readonly paperPledge: PaperPledgeRecord | undefined;
}

export function membersOf(input: ResultDocumentsInput, index: ResultIndex): MemberView[] {
  const roster = input.procedure?.roster;
  const pledges = new Map((input.procedure?.paperPledges ?? []).map((p) => [p.expertId, p]));
  const chairName = input.chairName?.trim() ?? '';
  const members: MemberView[] = (roster ?? []).map((line) => ({
    id: line.id,
    name: line.name,
    title: line.title?.trim() ?? '',
    employer: line.employer?.trim() ?? '',
    leader: line.leader === true,
    entry: index.sheetOf(line.id),
    paperPledge: pledges.get(line.id),
  }));
  const listed = new Set(members.map((m) => m.id));
  // A sheet's expert the roster does not list (or every expert, without a roster) still belongs on the documents.
  for (const id of index.expertIds) {
    if (listed.has(id)) continue;
    const name = index.expertName(id);
    members.push({
      id,
      name,
      title: '',
      employer: '',
      leader: roster === undefined && chairName !== '' && name === chairName,
      entry: index.sheetOf(id),
      paperPledge: pledges.get(id),
    });
  }
  return members;
}

/** `2027-01-20 09:12` from the sheet's sign-in, `纸质承诺书 2027-01-20`, or null: no sign-in known. */
export function signInText(member: MemberView): string | null {
  const at = member.entry?.sheet.signIn?.at;
  if (at !== undefined) return chinaDateTime(at);
  if (member.paperPledge !== undefined) return `纸质承诺书 ${member.paperPledge.signedOn}`;
  return null;
}

/** How the member's sheet stands: `已签名 2027-01-20 15:30`, `纸质录入`, or not signed. */
export function sheetStateText(member: MemberView): string {
  const entry = member.entry;
  if (entry === undefined) return '未签名（评分表未计入）';
  if (isPaperSheet(entry)) return `纸质评分表 ${entry.sheet.signedAt.slice(0, 10)}`;
  return `已签名 ${chinaDateTime(entry.sheet.signedAt)}`;
}

/** `王明（E01）`, with 组长 marked. */
export function memberLabel(member: MemberView): string {
  return `${member.name}（${member.id}）${member.leader ? ' 组长' : ''}`;
}
