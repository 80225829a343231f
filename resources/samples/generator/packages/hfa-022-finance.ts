/**
 * HFA-022 合肥市科技金融产业技术创新战略联盟: a sci-tech finance alliance (kind `finance`)
 * claiming the finance-only criteria (listings, financial products) exactly up to the I7 cap,
 * and major projects in the middle tier. Self-score 69.5 (a half point from the tiers),
 * 合格. Handed in as a plain folder.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { statement } from '../evidence-documents.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, eventPhoto, minutes, monthlyReports, months, newMemberList, officePhoto, paper, plans, policy, websiteScreenshot } from '../standard-evidence.ts';

export function financeAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-022',
    kind: 'finance',
    name: '合肥市科技金融产业技术创新战略联盟',
    lead: '合肥科创投资管理有限公司',
    industry: '科技金融',
    year: 2026,
    secretary: '周敏',
    address: '合肥市政务区天鹅湖路 2 号金融港 B 座 18 楼',
    contact: { name: '周敏', phone: '0551-62620022' },
  });

  b.flag('I1.office', [officePhoto(b, '金融港 B 座 1806 室')]);
  b.flag('I1.council', [
    minutes(b, [
      { date: '2026-03-19', place: '金融港 B 座 18 楼会议室', topics: ['审议年度工作计划。', '研究科创企业信用贷款产品设计。'] },
      { date: '2026-09-17', place: '合肥科创投资管理有限公司会议室', topics: ['听取区域股权市场培育企业转板情况。', '审议新成员入盟申请。'] },
    ]),
  ]);
  b.flag('I1.platform', [websiteScreenshot(b, ['“科创贷”产品正式发布', '联盟举办科技企业投融资路演', '两家培育企业完成转板', '科技金融政策解读会召开'])]);
  b.flag('I2.plans', [
    plans(b, ['推出服务科技企业的金融产品 2 项。', '推动区域股权市场培育企业转板 2 家。', '举办投融资路演 6 期。'], ['推出“科创贷”“人才贷”产品。', '2 家培育企业完成转板挂牌。', '举办投融资路演 6 期。']),
  ]);
  b.flag('I3.policy', [policy(b, '2025-06-30')]);
  b.flag('I3.report', ['自查报告.pdf']);

  const results = `${TASKS}/成果转化证明材料.pdf`;
  b.certified('I4.techContracts', results, [
    { title: '科技企业知识产权价值评估系统技术开发合同', date: '2026-05-12', note: '登记号 2026340100000123' },
    { title: '投贷联动风险评估模型技术服务合同', date: '2026-08-06' },
  ]);
  b.certified('I4.projects', results, [
    { title: '量子通信设备企业融资落地项目', date: '2026-03-31' },
    { title: '合成生物初创企业落地项目', date: '2026-07-22' },
    { title: '商业航天部件企业落地项目', date: '2026-11-09' },
  ]);
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '香港亚洲金融论坛', date: '2026-01-14' },
    { title: '中新（新加坡）金融科技合作论坛', date: '2026-06-09' },
    { title: '与德国复兴信贷银行交流科技企业融资模式', date: '2026-09-29' },
  ]);
  const services = `${TASKS}/领域服务证明材料.pdf`;
  b.certified('I7.services', services, [{ title: '科技企业融资诊断服务', date: '2026-06-15', note: '为 42 家企业提供融资诊断' }]);
  // The secretariat's note on how it counts listings, which experts ask about every year.
  const countingNote = b.pdf(
    `${TASKS}/关于转板挂牌统计口径的说明.pdf`,
    statement(b.profile, '关于转板挂牌统计口径的说明', ['本联盟申报的转板上市、转板新三板挂牌和高企科创板挂牌，均为经安徽省区域性股权市场培育、并于 2026 年内完成的企业，以挂牌公告日期为准。'], '2026-12-20'),
  );
  b.certified('I7.listings', services, [
    { title: '合肥芯测半导体科技股份有限公司转板新三板挂牌', date: '2026-08-18', note: '完成转板新三板挂牌' },
    { title: '安徽微纳光电科技股份有限公司科创板挂牌', date: '2026-11-27', note: '完成高企科创板挂牌' },
  ], [countingNote]);
  b.certified('I7.financialProducts', services, [
    { title: '“科创贷”信用贷款产品', date: '2026-03-15', note: '单户最高 1000 万元，以知识产权和研发投入为授信依据' },
    { title: '“人才贷”产品', date: '2026-04-13', note: '面向高层次人才创办企业，最高 500 万元' },
  ]);
  b.certified('I8.joinStandards', `${TASKS}/标准化证明材料.pdf`, [{ title: 'T/AHFIA 008—2026《科技型中小企业信用评价规范》', date: '2026-10-25' }]);
  const brand = `${TASKS}/品牌建设证明材料.pdf`;
  b.certified('I9.organizedEvents', brand, [{ title: '科技企业投融资路演（六期）', date: '2026-05-28', note: '路演企业 48 家，达成融资意向 12 亿元' }], [
    eventPhoto(b, `${TASKS}/路演现场照片.png`, '合肥科技企业投融资路演', '2026年5月28日 · 金融港路演中心'),
  ]);
  b.certified('I9.joinedEvents', brand, [
    { title: '中国（安徽）科技金融高峰论坛', date: '2026-04-20' },
    { title: '深交所创新企业投融资对接会', date: '2026-07-09' },
    { title: '长三角资本市场服务基地年会', date: '2026-12-10' },
  ]);
  const report = paper(b, '2026合肥科技金融发展研究报告', [
    { heading: '一、发展现状', paragraphs: ['2026 年合肥市科技贷款余额突破 3000 亿元，政府投资基金累计投资科技企业 1200 余家。'] },
    { heading: '二、存在问题', paragraphs: ['早期科技企业融资难问题仍然突出，知识产权质押融资规模偏小。'] },
    { heading: '三、对策建议', paragraphs: ['扩大信用贷款产品覆盖面，完善知识产权评估和处置机制，推动区域股权市场转板通道建设。'] },
    { heading: '四、发展成效', paragraphs: ['联盟推出的两项金融产品全年放款 18.6 亿元，服务企业 326 家。'] },
  ]);
  b.judged('I10.status', 2, [report]);
  b.judged('I10.problems', 2);
  b.judged('I10.measures', 2);
  b.judged('I10.outcomes', 1.5);
  const members = ['徽商银行科技支行', '合肥兴泰融资担保有限公司', '国元证券合肥分公司', '合肥天使投资基金管理有限公司', '安徽省股权托管交易中心合肥服务站', '合肥知识产权运营中心'].map((title, i) => ({
    title,
    date: i < 2 ? '2026-03-19' : '2026-09-17',
  }));
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.flag('I11.monthlyReports', [
    monthlyReports(b, months(['金融论坛 4 条', '企业融资需求 4 条', '理事会及新产品 6 条', '产品发布 4 条', '路演 5 条', '融资诊断 4 条', '路演 4 条', '转板 5 条', '理事会 4 条', '标准发布 4 条', '科创板挂牌 5 条', '年度总结 4 条'])),
  ]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [
    { title: '全市科技创新大会', date: '2026-02-26' },
    { title: '科技金融政策解读会', date: '2026-04-29' },
    { title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' },
  ]);
  const bonus = `${BONUS}/加分项证明材料.pdf`;
  b.certified('B1.hostedEvents', bonus, [{ title: '2026 长三角科技金融合作峰会（合肥）', date: '2026-11-05', note: '来自沪苏浙皖的金融机构和科技企业 400 余人参会' }]);
  b.certified('B2.majorProjects', bonus, [
    { title: '第三代半导体材料项目', date: '2026-05-18', amountWan: 15000 },
    { title: '智能网联汽车零部件项目', date: '2026-08-26', amountWan: 20000 },
    { title: '工业软件研发中心项目', date: '2026-12-01', amountWan: 6000 },
  ]);
  const story: Story = {
    intro: [
      '合肥市科技金融产业技术创新战略联盟由合肥科创投资管理有限公司牵头，成员包括银行、担保、证券、创投和知识产权服务机构 38 家。',
      '2026 年，联盟围绕科技企业全生命周期融资需求，创设金融产品，培育企业对接资本市场，组织投融资路演，服务科技企业 300 余家。',
    ],
    indicators: {},
    funds: { incomeWan: 120, spend: [['秘书处运行', 32], ['路演及峰会', 46.8], ['研究报告编写', 12]] },
    nextYear: ['联盟经费尚未单独审计，联合攻关缺项。2027 年将联合高校开展科技企业信用评价模型研究，并对联盟经费进行专项审计。'],
  };
  return b.build({
    name: 'HFA-022-科技金融联盟',
    delivery: 'folder',
    demonstrates: 'Pass (合格) finance alliance claiming the finance-only criteria (I7 listings and financial products, exactly at the I7 cap of 10, so no over-cap warning), major projects in the 1亿–5亿 tier (2.5 each, giving a .5 total), and a note from the secretariat attached to every listing. Handed in as a plain folder.',
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, false),
  });
}
