/**
 * The sample meeting (示例会议): after the sample packages are imported, one meeting of their
 * year with settings, a roster (titles, employers, a 组长) and every sample alliance chosen, so
 * a newcomer is one click from scoring. Loading it again finds the same meeting and changes
 * nothing: the sample is recognised by its name.
 */
import type { SampleMeetingOutcome } from '../../shared/api/meeting-types.ts';
import type { RosterEntry } from '../../shared/meeting/roster.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { listPackages } from '../package-store/package-store.ts';
import { DEFAULT_RUBRIC, savePackages, saveRoster, saveSettings } from './meeting-setup.ts';
import { createMeeting, listMeetings } from './meeting-store.ts';

export const SAMPLE_YEAR = 2026;
export const SAMPLE_MEETING_NAME = '2026 年度联盟考核评审会（示例）';
/** Written in the audit log as who set the sample up. */
const SAMPLE_ACTOR = '示例会议';

export const SAMPLE_ROSTER: readonly RosterEntry[] = [
  { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true },
  { id: 'E02', name: '李华', title: '研究员', specialty: '人工智能', employer: '中国科学院合肥物质科学研究院', leader: false },
  { id: 'E03', name: '张伟', title: '高级工程师', specialty: '新能源汽车', employer: '安徽省汽车工程学会', leader: false },
  { id: 'E04', name: '陈静', title: '副教授', specialty: '生物医药', employer: '安徽医科大学', leader: false },
  { id: 'E05', name: '刘洋', title: '高级会计师', specialty: '科技金融', employer: '安徽省注册会计师协会', leader: false },
];

export async function loadSampleMeeting(ctx: ServiceContext): Promise<SampleMeetingOutcome> {
  const existing = listMeetings(ctx.db).find((m) => m.name === SAMPLE_MEETING_NAME && m.year === SAMPLE_YEAR);
  if (existing) return { meetingId: existing.id, name: existing.name, year: existing.year, outcome: 'already-loaded' };
  const packages = listPackages(ctx.db).filter((p) => p.year === SAMPLE_YEAR && !p.superseded);
  if (packages.length === 0) {
    throw new AppError('samples-missing', '示例材料包还没有导入，请再点一次“载入示例会议”。');
  }
  const meeting = createMeeting(ctx.db, { name: SAMPLE_MEETING_NAME, year: SAMPLE_YEAR }, ctx.now());
  await saveSettings(ctx, meeting.id, SAMPLE_ACTOR, { rubricId: DEFAULT_RUBRIC, method: 'mean', deviationThreshold: '10', budgetYuan: '1000000' });
  saveRoster(ctx, meeting.id, SAMPLE_ACTOR, SAMPLE_ROSTER);
  savePackages(
    ctx,
    meeting.id,
    SAMPLE_ACTOR,
    packages.map((p) => p.id),
  );
  return { meetingId: meeting.id, name: meeting.name, year: meeting.year, outcome: 'created' };
}
