/**
 * Standard evidence: the documents most alliances hand in for the same criteria, at the same
 * places in their packages, registered with a package builder and returning their paths. Each
 * sample package picks the ones its claims need and fills in its own details.
 */
import { auditReport, councilMinutes, fundsPolicy, itemList, plansAndSummaries, whitePaper } from './evidence-documents.ts';
import type { DocItem } from './evidence-documents.ts';
import type { PackageBuilder } from './sample-package.ts';
import { eventScene, officeScene, websiteScene } from './scenes.ts';

export const SYSTEM = '证明材料/01制度建设';
export const TASKS = '证明材料/02工作任务';
export const BONUS = '证明材料/03加分项';

export function officePhoto(b: PackageBuilder, room: string): string {
  return b.image(`${SYSTEM}/办公室照片.jpg`, officeScene(b.profile.name, room));
}

export function websiteScreenshot(b: PackageBuilder, news: readonly string[]): string {
  return b.image(`${SYSTEM}/联盟网站截图.png`, websiteScene(b.profile.name, news));
}

export function eventPhoto(b: PackageBuilder, path: string, banner: string, place: string): string {
  return b.image(path, eventScene(banner, place));
}

export function minutes(b: PackageBuilder, meetings: Parameters<typeof councilMinutes>[1]): string {
  return b.pdf(`${SYSTEM}/理事会会议纪要.pdf`, councilMinutes(b.profile, meetings));
}

export function plans(b: PackageBuilder, goals: readonly string[], results: readonly string[]): string {
  return b.pdf(`${SYSTEM}/年度工作计划及总结.pdf`, plansAndSummaries(b.profile, goals, results));
}

export function policy(b: PackageBuilder, adopted: string): string {
  return b.pdf(`${SYSTEM}/经费管理办法.pdf`, fundsPolicy(b.profile, adopted));
}

export function audit(b: PackageBuilder, firm: string, incomeWan: number, spend: readonly (readonly [string, number])[]): string {
  return b.pdf(`${SYSTEM}/年度审计报告（联盟经费）.pdf`, auditReport(b.profile, firm, incomeWan, spend));
}

export function patentList(b: PackageBuilder, patents: readonly DocItem[]): string {
  return b.bundle(
    `${TASKS}/标准化证明材料.pdf`,
    itemList(
      b.profile,
      `${b.profile.year}年进入实质审查的发明专利汇总表`,
      ['序号', '发明名称', '申请号', '进入实审日期'],
      patents.map((p, i) => [String(i + 1), p.title, p.note ?? '', p.date ?? '']),
      [0.6, 4, 2.4, 1.6],
      '下列发明专利由联盟成员单位申请，已收到国家知识产权局《发明专利申请进入实质审查阶段通知书》，通知书复印件存秘书处备查。',
    ),
  );
}

export function newMemberList(b: PackageBuilder, members: readonly DocItem[]): string {
  return b.bundle(
    `${TASKS}/影响力证明材料.pdf`,
    itemList(
      b.profile,
      `${b.profile.year}年新加入联盟成员单位汇总表`,
      ['序号', '单位名称', '入盟日期', '理事会批准'],
      members.map((m, i) => [String(i + 1), m.title, m.date ?? '', '已批准']),
      [0.6, 4.4, 1.6, 1.4],
      '下列单位提交入盟申请，经理事会审议同意加入联盟，入盟申请书存秘书处备查。',
    ),
  );
}

export function monthlyReports(b: PackageBuilder, reports: readonly (readonly [string, string])[]): string {
  return b.bundle(
    `${TASKS}/影响力证明材料.pdf`,
    itemList(
      b.profile,
      `${b.profile.year}年向市科技局报送活动信息、意见建议记录`,
      ['月份', '报送内容'],
      reports.map(([month, text]) => [month, text]),
      [1, 6],
      '联盟秘书处每月通过市科技局信息报送系统报送活动信息和意见建议，每月不少于 4 条。下表为各月代表性条目。',
    ),
  );
}

export function paper(b: PackageBuilder, title: string, chapters: Parameters<typeof whitePaper>[2], table?: Parameters<typeof whitePaper>[3]): string {
  return b.pdf(`${TASKS}/${title}.pdf`, whitePaper(b.profile, title, chapters, table));
}

/** The twelve months, for monthly report tables. */
export function months(lines: readonly string[]): (readonly [string, string])[] {
  return lines.map((line, i) => [`${i + 1}月`, line] as const);
}
