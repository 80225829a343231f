/**
 * HFA-026 合肥市生物医药产业技术创新战略联盟: a general alliance whose package is valid but
 * shows every warning of package-format.md, each once: an item without evidence, a file no
 * claim names, an item dated outside the year, claims worth more than an indicator's cap (I4:
 * 13 claimed, cap 10), and an incubator-only criterion claimed by a general alliance. Its one
 * major project is exactly 1亿 (10000万), which is the 1亿–5亿 tier (2.5). Self-score 61.5, 合格.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { itemList } from '../evidence-documents.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, audit, eventPhoto, newMemberList, officePhoto, paper, plans, policy, websiteScreenshot } from '../standard-evidence.ts';
import { renderPdf } from '../pdf-document.ts';

export function biomedAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-026',
    kind: 'general',
    name: '合肥市生物医药产业技术创新战略联盟',
    lead: '合肥生命健康产业研究院有限公司',
    industry: '生物医药',
    year: 2026,
    secretary: '孙磊',
    address: '合肥市高新区明珠大道 198 号生物医药园 6 号楼',
    contact: { name: '孙磊', phone: '15955120026' },
  });

  b.flag('I1.office', [officePhoto(b, '生物医药园 6 号楼 201 室')]);
  b.flag('I1.platform', [websiteScreenshot(b, ['联盟大型仪器共享平台上线', '创新药临床研究协作网启动', '生物医药产业链对接会召开'])]);
  b.flag('I2.plans', [plans(b, ['推动成果转化 10 项以上。', '建设大型仪器共享平台。'], ['完成技术合同登记 4 项、成果登记 4 项。', '大型仪器共享平台上线运行。'])]);
  b.flag('I3.policy', [policy(b, '2023-11-02')]);
  b.flag('I3.report', ['自查报告.pdf']);
  const funds = { incomeWan: 75, spend: [['秘书处运行', 26], ['共享平台建设', 30], ['对接活动', 12]] as const };
  b.flag('I3.audit', [audit(b, '安徽华诚会计师事务所', funds.incomeWan, funds.spend)]);

  // Claims worth 13 points against I4's cap of 10: the self-score caps them, the validator warns.
  const results = `${TASKS}/成果转化证明材料.pdf`;
  b.certified('I4.techContracts', results, [
    { title: '单克隆抗体药物工艺开发技术合同', date: '2026-02-27' },
    { title: '体外诊断试剂盒技术转让合同', date: '2026-05-06' },
    { title: '医用高分子材料检测技术服务合同', date: '2026-07-14' },
    { title: 'mRNA 疫苗递送系统技术开发合同', date: '2026-10-21' },
  ]);
  b.certified('I4.achievements', results, [
    { title: '新型缓释制剂关键技术', date: '2026-03-18' },
    { title: '基因测序数据分析平台', date: '2026-06-09' },
    { title: '中药配方颗粒质量控制技术', date: '2026-08-25' },
    { title: '医用导管抗菌涂层技术', date: '2026-11-30' },
  ]);
  b.certified('I4.projects', results, [
    { title: '细胞治疗中试基地项目', date: '2026-04-16' },
    { title: '高端医疗器械产业化项目', date: '2026-07-28' },
    { title: '创新药 CDMO 平台项目', date: '2026-10-09' },
  ]);
  b.certified('I4.newProducts', results, [
    { title: '全自动化学发光免疫分析仪', date: '2026-05-22' },
    { title: '一次性使用可吸收止血夹', date: '2026-09-17' },
  ]);
  b.certified('I5.breakthroughs', `${TASKS}/联合攻关项目验收意见.pdf`, [{ title: '抗体药物连续化生产工艺共性技术攻关', date: '2026-12-08', note: '生产效率提高 30%。' }]);
  // The first event happened in November 2025: dated outside the assessment year.
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '德国杜塞尔多夫国际医疗器械展（MEDICA）', date: '2025-11-20', note: '2025 年参展，资料补报' },
    { title: '中美生物医药创新合作论坛', date: '2026-06-24' },
  ]);
  const services = `${TASKS}/领域服务证明材料.pdf`;
  b.certified('I7.services', services, [
    { title: '大型科研仪器共享服务', date: '2026-03-01', note: '全年服务 2100 机时' },
    { title: '医疗器械注册申报辅导', date: '2026-09-10', note: '辅导企业 14 家' },
  ]);
  // An incubator-only criterion claimed by a general alliance: scored, and shown with a warning.
  b.certified('I7.nationalIncubators', services, [{ title: '合肥生物医药专业孵化器（成员单位）', date: '2026-12-02' }]);
  b.certified('I8.joinStandards', `${TASKS}/标准化证明材料.pdf`, [{ title: 'YY/T 1892—2026《化学发光免疫分析仪》', date: '2026-08-01' }]);
  const brand = `${TASKS}/品牌建设证明材料.pdf`;
  b.certified('I9.organizedEvents', brand, [{ title: '生物医药产业链对接会', date: '2026-06-30', note: '对接项目 38 个' }], [
    eventPhoto(b, `${TASKS}/对接会现场照片.png`, '合肥生物医药产业链对接会', '2026年6月30日 · 生物医药园'),
  ]);
  b.certified('I9.joinedEvents', brand, [
    { title: '中国医药创新大会', date: '2026-04-15' },
    // Claimed, but no evidence was put in the package for it.
    { title: '长三角生物医药产业博览会', date: '2026-09-25', evidence: [] },
  ]);
  const report = paper(b, '2026合肥生物医药产业发展研究报告', [
    { heading: '一、发展现状', paragraphs: ['合肥市生物医药产业规模约 900 亿元，创新药、医疗器械和中药现代化形成一定基础。'] },
    { heading: '二、存在问题', paragraphs: ['临床资源对产业支撑不足，CDMO 等专业服务平台缺乏。'] },
  ]);
  b.judged('I10.status', 1.5, [report]);
  b.judged('I10.problems', 1.5);
  b.judged('I10.measures', 1);
  b.judged('I10.outcomes', 1);
  const members = [
    { title: '合肥康元生物科技有限公司', date: '2026-05-20' },
    { title: '安徽普济医疗器械有限公司', date: '2026-05-20' },
    { title: '合肥华研药物研究院', date: '2026-10-18' },
  ];
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [{ title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' }]);
  b.certified('B2.majorProjects', `${BONUS}/加分项证明材料.pdf`, [{ title: '体外诊断试剂产业化基地项目', date: '2026-09-28', amountWan: 10000, note: '投资额恰为 1 亿元' }]);

  // A file in the package that no claim names: imported, and shown with a warning.
  const stray = itemList(b.profile, '2026年联盟会员费缴纳明细', ['序号', '单位', '金额（元）'], [['1', '合肥康元生物科技有限公司', '20000'], ['2', '安徽普济医疗器械有限公司', '20000']], [0.6, 4, 1.6], '本表供秘书处内部对账使用。');
  b.file('证明材料/其他/会员费缴纳明细.pdf', () => renderPdf(stray));

  const story: Story = {
    intro: ['合肥市生物医药产业技术创新战略联盟由合肥生命健康产业研究院有限公司牵头，现有成员单位 41 家。', '2026 年，联盟建成大型仪器共享平台，组织成果转化和产业链对接。'],
    indicators: {},
    funds,
    nextYear: ['理事会会议未按期召开，月度信息报送不及时，2027 年将予以改进。'],
  };
  return b.build({
    name: 'HFA-026-生物医药联盟',
    delivery: 'zip',
    demonstrates: 'Valid, with warnings: each warning of package-format.md once: an item without evidence (I9.joinedEvents je-2), a file no claim names (证明材料/其他/会员费缴纳明细.pdf), an item dated outside 2026 (I6.international intl-1), claims worth more than the I4 cap (13 > 10), and an incubator-only criterion (I7.nationalIncubators) claimed by a general alliance. Its major project of exactly 10000万 falls in the 1亿–5亿 tier.',
    intendedWarnings: ['item-no-evidence', 'file-not-referenced', 'item-date-outside-year', 'indicator-over-cap', 'criterion-not-for-kind'],
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, false),
  });
}
