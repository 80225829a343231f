/**
 * HFA-030 合肥市先进材料产业技术创新战略联盟: a general alliance with a thin year: several
 * indicators unclaimed, an odd number of patents (3 patents give 1 point), a flag claimed
 * `false` with its reason in the note, and a small project in the lowest tier. Self-score 45,
 * 不合格. An ordinary zip.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, minutes, monthlyReports, months, newMemberList, officePhoto, paper, patentList, plans, policy } from '../standard-evidence.ts';

export function materialsAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-030',
    kind: 'general',
    name: '合肥市先进材料产业技术创新战略联盟',
    lead: '合肥新材料研究院有限公司',
    industry: '先进材料',
    year: 2026,
    secretary: '赵强',
    address: '合肥市新站高新区站北社区魏武路 1 号',
    contact: { name: '赵强', phone: '13966030030' },
  });

  b.flag('I1.office', [officePhoto(b, '新材料研究院 4 楼 408 室')]);
  b.flag('I1.council', [minutes(b, [{ date: '2026-05-15', place: '合肥新材料研究院会议室', topics: ['审议年度工作计划。', '讨论联盟下一步发展方向。'] }])]);
  b.claimNot('I1.platform', '联盟网站正在建设中，尚未上线');
  b.flag('I2.plans', [plans(b, ['推动技术合同登记 5 项。', '发展新成员 5 家。'], ['完成技术合同登记 5 项，招引项目 2 个。'])]);
  b.flag('I3.policy', [policy(b, '2024-09-01')]);
  b.flag('I3.report', ['自查报告.pdf']);

  b.certified('I4.techContracts', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '高性能碳纤维复合材料成型工艺技术开发合同', date: '2026-03-10' },
    { title: '锂电池隔膜涂覆材料技术服务合同', date: '2026-05-25' },
    { title: '光伏玻璃减反射膜技术转让合同', date: '2026-07-19' },
    { title: '特种陶瓷粉体制备技术开发合同', date: '2026-09-08' },
    { title: '石墨烯导热膜检测技术服务合同', date: '2026-11-16' },
  ]);
  b.certified('I4.projects', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '电子级多晶硅材料项目', date: '2026-06-12' },
    { title: '高端铜箔材料项目', date: '2026-10-27' },
  ]);
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '日本东京国际新材料展', date: '2026-04-08' },
    { title: '中德先进材料合作论坛', date: '2026-06-30' },
    { title: '韩国首尔国际电池展', date: '2026-10-14' },
  ]);
  b.certified('I7.services', `${TASKS}/领域服务证明材料.pdf`, [
    { title: '新材料检测认证服务', date: '2026-05-05', note: '服务企业 23 家' },
    { title: '新材料首批次应用保险补偿申报辅导', date: '2026-08-20', note: '辅导企业 6 家' },
  ]);
  b.certified('I8.joinStandards', `${TASKS}/标准化证明材料.pdf`, [{ title: 'T/CSTM 00921—2026《石墨烯导热膜》', date: '2026-09-30' }]);
  const patents = [
    { title: '一种高导热石墨烯复合膜的制备方法', date: '2026-02-11', note: 'CN2025102230030' },
    { title: '一种锂电池隔膜陶瓷涂层浆料', date: '2026-06-03', note: 'CN2025106340030' },
    { title: '一种光伏玻璃减反射涂层及制备方法', date: '2026-10-12', note: 'CN2026100450030' },
  ];
  b.list('I8.inventionPatents', patents, [patentList(b, patents)]);
  b.certified('I9.joinedEvents', `${TASKS}/品牌建设证明材料.pdf`, [
    { title: '中国国际新材料产业博览会', date: '2026-08-27' },
    { title: '安徽省新材料产业发展大会', date: '2026-05-21' },
    { title: '世界制造业大会新材料展区', date: '2026-09-20' },
  ]);
  const report = paper(b, '2026合肥先进材料产业发展报告', [
    { heading: '一、发展现状', paragraphs: ['合肥先进材料产业以新型显示材料、新能源材料和硅基材料为主，规上企业 210 家。'] },
    { heading: '二、存在问题', paragraphs: ['产业链上下游协同不足，中试验证平台缺乏，首批次应用推广难。'] },
    { heading: '三、对策建议', paragraphs: ['建设新材料中试平台，完善首批次应用保险补偿机制。'] },
  ]);
  b.judged('I10.status', 2, [report]);
  b.judged('I10.problems', 1.5);
  b.judged('I10.measures', 1.5);
  b.judged('I10.outcomes', 1);
  const members = [
    { title: '合肥晶材半导体材料有限公司', date: '2026-05-15' },
    { title: '安徽铜冠新材料科技有限公司', date: '2026-05-15' },
  ];
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.flag('I11.monthlyReports', [
    monthlyReports(b, months(['企业生产情况 4 条', '展会信息 4 条', '技术合同 4 条', '展会 5 条', '理事会 4 条', '论坛 4 条', '技术合同 4 条', '服务 4 条', '标准 4 条', '展会 4 条', '技术合同 4 条', '总结 4 条'])),
  ]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [
    { title: '全市科技创新大会', date: '2026-02-26' },
    { title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' },
  ]);
  b.certified('B2.majorProjects', `${BONUS}/加分项证明材料.pdf`, [{ title: '高端铜箔材料项目（一期）', date: '2026-10-27', amountWan: 3000 }]);

  const story: Story = {
    intro: ['合肥市先进材料产业技术创新战略联盟由合肥新材料研究院有限公司牵头，现有成员单位 27 家。', '2026 年联盟工作有所开展，但联合攻关、标准主持和品牌活动组织不足，交流平台尚未建成。'],
    indicators: {},
    funds: { incomeWan: 40, spend: [['秘书处运行', 22], ['参展及会议', 15]] },
    nextYear: ['2027 年，联盟将按期召开理事会，建成联盟网站，组织至少一项联合攻关，主办一次产业活动，并对联盟经费进行专项审计，力争考核合格。'],
  };
  return b.build({
    name: 'HFA-030-先进材料联盟',
    delivery: 'zip',
    demonstrates: 'Fail (不合格) general alliance: several indicators unclaimed, a flag claimed false with its reason in the note (I1.platform), an odd number of patents (3 → 1 point), a project under 1亿 (1 point). An ordinary zip.',
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, false),
  });
}
