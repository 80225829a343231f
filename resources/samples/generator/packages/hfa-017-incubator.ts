/**
 * HFA-017 合肥市科技企业孵化器与众创空间联盟: an incubator alliance (kind `incubator`) claiming
 * the incubator-only criteria it is meant for, and the top band of new members. Self-score 68,
 * 合格. Zipped by a Chinese Windows tool: GBK names without the UTF-8 flag.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, audit, eventPhoto, minutes, monthlyReports, months, newMemberList, officePhoto, paper, patentList, plans, policy, websiteScreenshot } from '../standard-evidence.ts';

export function incubatorAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-017',
    kind: 'incubator',
    name: '合肥市科技企业孵化器与众创空间联盟',
    lead: '合肥高新创业园管理有限公司',
    industry: '科技企业孵化',
    year: 2026,
    secretary: '李娜',
    address: '合肥市高新区创新大道 2800 号创新产业园一期 A1 栋',
    contact: { name: '李娜', phone: '18955110017' },
  });

  b.flag('I1.office', [officePhoto(b, '创新产业园 A1 栋 105 室')]);
  b.flag('I1.council', [
    minutes(b, [
      { date: '2026-03-05', place: '创新产业园 A1 栋会议室', topics: ['审议年度工作计划。', '部署国家级孵化器培育工作。'] },
      { date: '2026-10-15', place: '庐阳区创客空间路演厅', topics: ['听取孵化器认定工作进展。', '审议 12 家新成员入盟申请。'] },
    ]),
  ]);
  b.flag('I1.platform', [websiteScreenshot(b, ['联盟召开 2026 年第一次理事会', '成员单位新获国家级孵化器认定', '“庐州创客”路演活动第 12 期', '孵化器运营人员培训班开班', '联盟共享工位信息发布'])]);
  b.flag('I2.plans', [
    plans(b, ['培育国家级孵化器 1 家、省级孵化器 3 家。', '举办创业路演活动 12 期。', '发展新成员 10 家以上。'], ['1 家孵化器获国家级认定，3 家获省级认定。', '举办路演活动 12 期，发展新成员 12 家。']),
  ]);
  b.flag('I3.policy', [policy(b, '2025-01-10')]);
  b.flag('I3.report', ['自查报告.pdf']);
  const funds = { incomeWan: 96, spend: [['秘书处运行', 28], ['路演及培训活动', 36.5], ['孵化器认定培育', 18]] as const };
  b.flag('I3.audit', [audit(b, '合肥中信诚会计师事务所', funds.incomeWan, funds.spend)]);

  b.certified('I4.projects', `${TASKS}/项目招引证明材料.pdf`, [
    { title: '智能机器人初创企业入驻孵化项目', date: '2026-02-20' },
    { title: '生物试剂研发团队落地项目', date: '2026-04-11' },
    { title: '工业软件创业团队引进项目', date: '2026-05-27' },
    { title: '新型显示材料初创企业项目', date: '2026-07-16' },
    { title: '无人机应用创业团队项目', date: '2026-09-03' },
    { title: '智慧农业创业项目', date: '2026-11-24' },
  ]);
  b.certified('I5.breakthroughs', `${TASKS}/联合攻关项目验收意见.pdf`, [{ title: '孵化企业共享中试平台关键技术攻关', date: '2026-10-28', note: '建成共享中试平台，服务在孵企业 40 家。' }]);
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '中以创新创业合作交流会', date: '2026-05-12' },
    { title: '新加坡创业周', date: '2026-10-20' },
  ]);
  const services = `${TASKS}/领域服务证明材料.pdf`;
  b.certified('I7.services', services, [
    { title: '孵化器运营人员培训', date: '2026-04-18', note: '培训 120 人次' },
    { title: '在孵企业投融资对接服务', date: '2026-08-22', note: '对接投资机构 15 家' },
  ]);
  b.certified('I7.nationalIncubators', services, [{ title: '合肥庐州创新工场（成员单位）', date: '2026-12-02' }]);
  b.certified('I7.provincialIncubators', services, [
    { title: '合肥包河智造众创空间（成员单位）', date: '2026-07-10' },
    { title: '合肥蜀山青年创业园（成员单位）', date: '2026-07-10' },
    { title: '合肥瑶海数字经济孵化器（成员单位）', date: '2026-07-10' },
  ]);
  const patents = [
    { title: '一种共享实验室预约调度方法', date: '2026-03-30', note: 'CN2025103310017' },
    { title: '一种孵化企业成长性评价方法', date: '2026-09-14', note: 'CN2026100420017' },
  ];
  b.list('I8.inventionPatents', patents, [patentList(b, patents)]);
  const brand = `${TASKS}/品牌建设证明材料.pdf`;
  b.certified('I9.organizedEvents', brand, [{ title: '“庐州创客”创业路演系列活动', date: '2026-06-18', note: '全年 12 期，路演项目 96 个' }], [
    eventPhoto(b, `${TASKS}/路演活动照片.png`, '“庐州创客”创业路演 第12期', '2026年12月 · 庐阳区创客空间'),
  ]);
  b.certified('I9.joinedEvents', brand, [
    { title: '全国双创活动周安徽分会场', date: '2026-10-11' },
    { title: '长三角孵化器联盟年会', date: '2026-11-16' },
  ]);
  const whitePaper = paper(b, '2026合肥市科技企业孵化发展报告', [
    { heading: '一、孵化载体现状', paragraphs: ['截至 2026 年底，合肥市共有科技企业孵化器和众创空间 198 家，其中国家级 52 家，在孵企业 6800 余家。'] },
    { heading: '二、存在问题', paragraphs: ['部分载体运营同质化，专业化服务能力不足，毕业企业本地留存率有待提高。'] },
    { heading: '三、对策建议', paragraphs: ['推动孵化载体专业化发展，建设共享中试平台，完善“众创空间—孵化器—加速器—产业园”链条。'] },
    { heading: '四、发展成效', paragraphs: ['联盟成员单位全年新增毕业企业 210 家，新增高新技术企业 86 家。'] },
  ]);
  b.judged('I10.status', 2, [whitePaper]);
  b.judged('I10.problems', 2);
  b.judged('I10.measures', 1.5);
  b.judged('I10.outcomes', 1.5);
  const members = [
    '合肥包河智造众创空间', '合肥蜀山青年创业园', '合肥瑶海数字经济孵化器', '合肥庐阳大学生创业园', '合肥新站高新区创新工场',
    '合肥肥西智能制造孵化器', '合肥长丰科创中心', '合肥巢湖半汤创客空间', '合肥庐江科技企业孵化器', '合肥经开区留学人员创业园',
    '合肥滨湖科学城创新中心', '合肥肥东电子信息孵化器',
  ].map((title, i) => ({ title, date: i < 3 ? '2026-03-05' : '2026-10-15' }));
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.flag('I11.monthlyReports', [
    monthlyReports(b, months(['路演活动 4 条', '入驻企业 4 条', '理事会 4 条', '培训 5 条', '项目落地 4 条', '路演 4 条', '省级认定 6 条', '投融资对接 4 条', '项目 4 条', '双创周 5 条', '年会 4 条', '国家级认定 5 条'])),
  ]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [
    { title: '全市科技创新大会', date: '2026-02-26' },
    { title: '科技企业孵化器绩效评价培训会', date: '2026-04-23' },
    { title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' },
  ]);
  b.certified('B2.majorProjects', `${BONUS}/加分项证明材料.pdf`, [{ title: '毕业企业扩产智能装备项目', date: '2026-10-30', amountWan: 3500 }]);

  const story: Story = {
    intro: [
      '合肥市科技企业孵化器与众创空间联盟由合肥高新创业园管理有限公司牵头，成员包括全市 64 家孵化器、众创空间和服务机构。',
      '2026 年，联盟以培育高水平孵化载体为重点，组织认定辅导、路演对接和运营人员培训，成员单位新获国家级认定 1 家、省级认定 3 家。',
    ],
    indicators: {},
    funds,
    nextYear: ['联合攻关和标准化工作基础薄弱，2027 年将组织成员单位参与孵化服务团体标准制定。'],
  };
  return b.build({
    name: 'HFA-017-孵化器联盟',
    delivery: 'zip-gbk',
    demonstrates: 'Pass (合格) incubator alliance claiming the incubator-only criteria (I7 national and provincial incubators) with no warning, and the top band of new members (12 → 3 points). The zip was written the way Chinese Windows tools write it: GBK-encoded entry names without the UTF-8 flag, with folder entries.',
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, false),
  });
}
