/**
 * HFA-011 合肥市新能源汽车产业技术创新战略联盟: a general alliance with a solid but uneven
 * year (no audit, no platform; patents that count in pairs: 5 patents give 2 points). Self-score
 * 70, 合格. Zipped under one top-level folder, as Windows' "send to compressed folder" does.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, eventPhoto, minutes, monthlyReports, months, newMemberList, officePhoto, paper, patentList, plans, policy } from '../standard-evidence.ts';

export function nevAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-011',
    kind: 'general',
    name: '合肥市新能源汽车产业技术创新战略联盟',
    lead: '合肥江淮新能源汽车研究院有限公司',
    industry: '新能源汽车',
    year: 2026,
    secretary: '王志刚',
    address: '合肥市经开区紫云路 99 号',
    contact: { name: '王志刚', phone: '13805512011' },
  });

  b.flag('I1.office', [officePhoto(b, '研究院 B 座 302 室')], '秘书处专职人员 2 名');
  b.flag('I1.council', [
    minutes(b, [
      { date: '2026-04-08', place: '合肥江淮新能源汽车研究院会议室', topics: ['审议 2026 年度工作计划。', '讨论动力电池回收利用联合攻关方案。'] },
      { date: '2026-11-20', place: '合肥经开区管委会会议中心', topics: ['听取年度工作进展汇报。', '审议新成员入盟申请。'] },
    ]),
  ]);
  b.flag('I2.plans', [
    plans(
      b,
      ['推动技术合同登记和成果登记不少于 5 项。', '开展动力电池梯次利用联合攻关。', '参与制定国家标准和行业标准各 1 项。'],
      ['完成技术合同登记 3 项、科技成果登记 2 项，招引项目 2 个。', '动力电池梯次利用联合攻关通过验收。', '参与制定的标准 2 项发布。'],
    ),
  ]);
  b.flag('I3.policy', [policy(b, '2024-03-15')]);
  b.flag('I3.report', ['自查报告.pdf']);

  const results = `${TASKS}/成果转化证明材料.pdf`;
  b.certified('I4.techContracts', results, [
    { title: '电驱动总成热管理系统技术开发合同', date: '2026-03-22', note: '委托方合肥动力总成有限公司' },
    { title: '整车控制器软件测试技术服务合同', date: '2026-07-05' },
    { title: '轻量化铝合金电池包壳体技术转让合同', date: '2026-10-16' },
  ]);
  b.certified('I4.achievements', results, [
    { title: '磷酸铁锂电池快充关键技术', date: '2026-05-19' },
    { title: '新能源汽车电驱系统噪声抑制技术', date: '2026-09-08' },
  ]);
  b.certified('I4.projects', results, [
    { title: '固态电池中试线项目', date: '2026-04-28' },
    { title: '汽车芯片功能安全检测中心项目', date: '2026-08-30' },
  ]);
  b.certified('I5.breakthroughs', `${TASKS}/联合攻关项目验收意见.pdf`, [
    { title: '退役动力电池梯次利用与安全评估共性技术攻关', date: '2026-11-12', note: '建立了梯次利用电池安全评估模型，在 3 家成员单位应用。' },
  ]);
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '德国汉诺威国际商用车展', date: '2026-09-15' },
    { title: '中日新能源汽车技术交流会', date: '2026-05-21' },
    { title: '泰国曼谷国际汽车展', date: '2026-03-26' },
    { title: '中欧电池产业合作论坛', date: '2026-06-17' },
    { title: '与韩国汽车研究院签订电池测试合作备忘录', date: '2026-10-29' },
  ]);
  b.certified('I7.services', `${TASKS}/领域服务证明材料.pdf`, [
    { title: '动力电池检测公共服务', date: '2026-04-01', note: '全年检测样品 186 批次' },
    { title: '新能源汽车维修技术培训', date: '2026-08-12', note: '培训技师 96 人' },
  ]);
  b.certified('I8.joinStandards', `${TASKS}/标准化证明材料.pdf`, [
    { title: 'GB/T 41113—2026《电动汽车用动力蓄电池梯次利用 安全要求》', date: '2026-07-30' },
    { title: 'QC/T 1206—2026《电动汽车驱动电机系统噪声测量方法》', date: '2026-10-09' },
  ]);
  const patents = [
    { title: '一种动力电池包液冷板及其制造方法', date: '2026-01-19', note: 'CN2025104410001' },
    { title: '一种电池健康状态估计方法', date: '2026-04-03', note: 'CN2025105520002' },
    { title: '一种电驱动总成油冷结构', date: '2026-06-22', note: 'CN2025106630003' },
    { title: '一种退役电池快速分选方法', date: '2026-08-18', note: 'CN2025107740004' },
    { title: '一种整车能量管理方法', date: '2026-11-06', note: 'CN2026100850005' },
  ];
  b.list('I8.inventionPatents', patents, [patentList(b, patents)]);
  const brand = `${TASKS}/品牌建设证明材料.pdf`;
  b.certified('I9.organizedEvents', brand, [{ title: '新能源汽车产业链供需对接会', date: '2026-06-26', note: '60 家企业参加，签约 9 项' }]);
  b.certified('I9.joinedEvents', brand, [
    { title: '世界制造业大会新能源汽车展区', date: '2026-09-20' },
    { title: '长三角新能源汽车产业发展论坛', date: '2026-05-14' },
    { title: '中国汽车工程学会年会', date: '2026-10-23' },
  ]);
  const whitePaper = paper(b, '2026合肥新能源汽车产业发展研究报告', [
    { heading: '一、发展现状', paragraphs: ['2026 年合肥新能源汽车产量超过 150 万辆，整车企业 7 家，配套企业 500 余家，动力电池、电驱动系统形成完整链条。'] },
    { heading: '二、主要问题', paragraphs: ['汽车芯片、高端传感器等环节本地配套率不足 20%；退役电池回收体系尚不健全。'] },
    { heading: '三、对策建议', paragraphs: ['加大汽车芯片项目招引力度，建设电池回收利用示范工程。'] },
    { heading: '四、发展成效', paragraphs: ['联盟推动的梯次利用技术已在储能项目中应用。'] },
  ]);
  b.judged('I10.status', 2, [whitePaper]);
  b.judged('I10.problems', 1.5);
  b.judged('I10.measures', 1.5);
  b.judged('I10.outcomes', 1);
  const members = [
    { title: '合肥动力总成有限公司', date: '2026-04-08' },
    { title: '安徽锐能电池材料有限公司', date: '2026-04-08' },
    { title: '合肥车联智行科技有限公司', date: '2026-11-20' },
    { title: '合肥工业大学汽车与交通工程学院（合作单位）', date: '2026-11-20' },
  ];
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.flag('I11.monthlyReports', [
    monthlyReports(b, months(['企业春节后生产情况 4 条', '芯片供应情况 4 条', '展会信息 5 条', '理事会情况 4 条', '成果登记情况 4 条', '供需对接会情况 6 条', '标准发布 4 条', '技师培训 4 条', '国际展会 5 条', '标准发布 4 条', '理事会及新成员 5 条', '年度总结 4 条'])),
  ]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [
    { title: '全市科技创新大会', date: '2026-02-26' },
    { title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' },
  ]);
  const bonus = `${BONUS}/加分项证明材料.pdf`;
  b.certified('B1.hostedEvents', bonus, [{ title: '2026 中国（合肥）新能源汽车电池安全技术大会', date: '2026-10-13', note: '参会代表来自 18 个省市' }], [
    eventPhoto(b, `${BONUS}/电池安全技术大会现场照片.jpg`, '2026中国（合肥）新能源汽车电池安全技术大会', '2026年10月13日 · 合肥经开区'),
  ]);
  b.certified('B2.majorProjects', bonus, [
    { title: '固态电池量产基地项目', date: '2026-08-08', amountWan: 52000 },
    { title: '汽车线束智能制造项目', date: '2026-11-28', amountWan: 8000 },
  ]);

  const story: Story = {
    intro: [
      '合肥市新能源汽车产业技术创新战略联盟于 2019 年组建，由合肥江淮新能源汽车研究院有限公司牵头，现有成员单位 52 家，覆盖整车、动力电池、电驱动、汽车电子和检测服务等环节。',
      '2026 年，联盟围绕动力电池安全和梯次利用开展联合攻关，组织供需对接和国际交流，完成了年度主要任务。',
    ],
    indicators: {},
    funds: { incomeWan: 138, spend: [['秘书处运行', 38.5], ['联合攻关配套', 50], ['会议及对接活动', 32.6]] },
    nextYear: ['联盟经费尚未在审计报告中单独体现，交流平台建设滞后，2027 年将建设联盟网站和资源共享平台，并委托审计机构对联盟经费单独审计。'],
  };
  return b.build({
    name: 'HFA-011-新能源汽车联盟',
    delivery: 'zip-top-folder',
    demonstrates: 'Pass (合格) general alliance with gaps (no platform, no audit), perPair patents (5 patents → 2 points), major projects in the ≥5亿 and <1亿 tiers. The zip holds one top-level folder, as Windows\' "send to compressed folder" makes, with folder entries.',
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, false),
  });
}
