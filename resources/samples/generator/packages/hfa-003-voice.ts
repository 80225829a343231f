/**
 * HFA-003 合肥市智能语音产业技术创新战略联盟: a large, well-run general alliance. Every
 * indicator claimed up to its cap and no further, bonus items of both kinds, and the long
 * (~20 page) self-check report. Self-score 98.5, 优秀. Delivered as an ordinary zip.
 */
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { PackageBuilder } from '../sample-package.ts';
import type { SamplePackage } from '../sample-package.ts';
import { selfReport } from '../self-report.ts';
import type { Story } from '../self-report.ts';
import { BONUS, TASKS, audit, eventPhoto, minutes, monthlyReports, months, newMemberList, officePhoto, paper, patentList, plans, policy, websiteScreenshot } from '../standard-evidence.ts';

export function voiceAlliance(rubric: Rubric): SamplePackage {
  const b = new PackageBuilder({
    id: 'HFA-003',
    kind: 'general',
    name: '合肥市智能语音产业技术创新战略联盟',
    lead: '合肥声谷智能语音技术研究院有限公司',
    industry: '智能语音',
    year: 2026,
    secretary: '陈晓雯',
    address: '合肥市高新区望江西路 666 号中国声谷创新大厦 12 楼',
    contact: { name: '陈晓雯', phone: '0551-65310003' },
  });

  b.flag('I1.office', [officePhoto(b, '创新大厦 1206 室')], '秘书处设在创新大厦 1206 室，配备专职人员 4 名');
  b.flag('I1.council', [
    minutes(b, [
      { date: '2026-03-12', place: '中国声谷创新大厦 3 楼会议室', topics: ['审议通过联盟 2026 年度工作计划和经费预算。', '审议通过吸收 3 家新成员单位。', '部署远场语音识别共性技术联合攻关。'] },
      { date: '2026-09-24', place: '合肥声谷智能语音技术研究院报告厅', topics: ['听取上半年工作总结和经费使用情况报告。', '审议《智能语音交互系统通用技术要求》团体标准送审稿。', '研究筹办第五届中国（合肥）智能语音产业发展大会。'] },
    ]),
  ]);
  b.flag('I1.platform', [
    websiteScreenshot(b, ['联盟召开 2026 年第二次理事会', '智能语音交互系统团体标准正式发布', '第五届中国（合肥）智能语音产业发展大会圆满落幕', '联盟资源共享平台新增 12 套语音数据集', '联盟成员单位参加德国柏林国际消费电子展', '关于征集 2027 年联合攻关项目的通知']),
  ]);
  b.flag('I2.plans', [
    plans(
      b,
      ['组织成员单位完成技术合同登记不少于 4 项，推动成果转化。', '围绕远场语音识别、端侧语音芯片开展两项联合攻关。', '主持制定团体标准 1 项，参与国家标准 1 项。', '举办全国性产业大会 1 次，发展新成员 8 家。'],
      ['完成技术合同登记 4 项、科技成果登记 2 项，招引项目 2 个，新产品认定 2 项。', '两项联合攻关项目通过验收。', '主持制定的团体标准发布，参与的国家标准发布。', '成功举办第五届中国（合肥）智能语音产业发展大会，新发展成员 8 家。'],
    ),
  ]);
  const fundsPolicy = policy(b, '2025-12-18');
  b.flag('I3.policy', [fundsPolicy]);
  b.flag('I3.report', ['自查报告.pdf'], '见自查报告第五部分');
  const funds = { incomeWan: 286.5, spend: [['秘书处运行', 62.3], ['联合攻关配套', 120], ['标准制定', 18.6], ['产业大会及品牌活动', 58.4], ['平台建设与维护', 15.2]] as const };
  b.flag('I3.audit', [audit(b, '安徽正信会计师事务所（普通合伙）', funds.incomeWan, funds.spend)]);

  b.certified('I4.techContracts', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '远场语音识别前端处理算法技术开发合同', date: '2026-03-18', note: '受让方合肥声智科技有限公司，合同金额 180 万元' },
    { title: '方言语音合成模型技术转让合同', date: '2026-05-09', note: '受让方安徽言之有物信息技术有限公司，合同金额 95 万元' },
    { title: '车载语音交互系统联合开发合同', date: '2026-06-21', note: '委托方合肥智驾电子有限公司，合同金额 260 万元' },
    { title: '医疗语音电子病历系统技术服务合同', date: '2026-08-14', note: '委托方合肥仁和数字医疗有限公司，合同金额 72 万元' },
  ]);
  b.certified('I4.achievements', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '多语种实时语音翻译关键技术及应用', date: '2026-04-22' },
    { title: '声纹识别反欺诈技术及系统', date: '2026-11-03' },
  ]);
  b.certified('I4.projects', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '高端声学器件研发中心项目', date: '2026-06-02', note: '项目落户高新区，计划投资 8000 万元' },
    { title: '语音数据标注与训练服务中心项目', date: '2026-09-19', note: '项目落户蜀山区，计划投资 6000 万元' },
  ]);
  b.certified('I4.newProducts', `${TASKS}/成果转化证明材料.pdf`, [
    { title: '离线语音识别模组 HS-200', date: '2026-05-30' },
    { title: '会议语音转写一体机 MT-10', date: '2026-10-12' },
  ]);
  b.certified('I5.breakthroughs', `${TASKS}/联合攻关项目验收意见.pdf`, [
    { title: '复杂噪声环境下远场语音识别共性技术攻关', date: '2026-10-30', note: '识别准确率由 91.2% 提升至 96.5%。' },
    { title: '端侧低功耗语音唤醒芯片关键技术攻关', date: '2026-12-05', note: '唤醒功耗降至 0.8 毫瓦。' },
  ]);
  b.certified('I6.international', `${TASKS}/对外合作证明材料.pdf`, [
    { title: '德国柏林国际消费电子展（IFA 2026）', date: '2026-09-04', note: '组织 6 家成员单位参展' },
    { title: '中德人工智能语音技术合作研讨会', date: '2026-04-16' },
    { title: '新加坡亚洲语音技术论坛', date: '2026-06-11' },
    { title: '与芬兰阿尔托大学签订语音技术联合研究协议', date: '2026-07-08' },
    { title: '日本东京国际人工智能展', date: '2026-10-22' },
    { title: '中国—东盟数字经济合作论坛（语音分论坛）', date: '2026-11-18' },
  ]);
  b.certified('I7.services', `${TASKS}/领域服务证明材料.pdf`, [
    { title: '智能语音共性技术测试服务平台对外开放服务', date: '2026-03-01', note: '全年为 46 家企业提供测试 312 次' },
    { title: '语音数据集共享服务', date: '2026-05-15', note: '向成员单位共享 12 套标注数据集' },
    { title: '智能语音工程师培训班（两期）', date: '2026-07-20', note: '培训技术人员 180 人次' },
    { title: '中小企业语音技术应用诊断服务', date: '2026-10-10', note: '为 18 家制造企业提供诊断' },
  ]);
  b.certified('I8.leadStandards', `${TASKS}/标准化证明材料.pdf`, [{ title: 'T/HFIA 012—2026《智能语音交互系统通用技术要求》', date: '2026-08-30' }]);
  b.certified('I8.joinStandards', `${TASKS}/标准化证明材料.pdf`, [{ title: 'GB/T 41000—2026《信息技术 语音识别系统性能测试方法》', date: '2026-06-25' }]);
  const patents = [
    { title: '一种基于多通道麦克风阵列的远场语音增强方法', date: '2026-02-14', note: 'CN2025106612345' },
    { title: '一种低功耗语音唤醒电路及芯片', date: '2026-03-27', note: 'CN2025107723456' },
    { title: '一种方言语音合成方法及装置', date: '2026-05-08', note: 'CN2025108834567' },
    { title: '基于声纹特征的身份认证方法及系统', date: '2026-07-19', note: 'CN2025109945678' },
    { title: '一种会议场景说话人分离方法', date: '2026-09-02', note: 'CN2026100056789' },
    { title: '一种车载多音区语音交互方法', date: '2026-11-11', note: 'CN2026101167890' },
  ];
  b.list('I8.inventionPatents', patents, [patentList(b, patents)]);
  const conferencePhoto = eventPhoto(b, `${BONUS}/产业大会现场照片.jpg`, '第五届中国（合肥）智能语音产业发展大会', '2026年10月16日 · 合肥滨湖国际会展中心');
  b.certified('I9.organizedEvents', `${TASKS}/品牌建设证明材料.pdf`, [{ title: '智能语音技术成果发布暨供需对接会', date: '2026-05-26', note: '发布联盟成果 15 项，现场签约 6 项' }], [
    eventPhoto(b, `${TASKS}/成果发布会现场照片.png`, '智能语音技术成果发布暨供需对接会', '2026年5月26日 · 中国声谷创新大厦'),
  ]);
  b.certified('I9.joinedEvents', `${TASKS}/品牌建设证明材料.pdf`, [
    { title: '世界制造业大会数字经济展区参展', date: '2026-09-20' },
    { title: '长三角人工智能产业链对接会', date: '2026-04-09' },
    { title: '中国国际软件博览会', date: '2026-06-16' },
    { title: '安徽省科技成果转化交易会', date: '2026-11-26' },
  ]);
  const whitePaper = paper(
    b,
    '2026合肥智能语音产业发展白皮书',
    [
      { heading: '第一章　产业发展现状', paragraphs: ['2026 年，合肥市智能语音产业规模突破 1800 亿元，同比增长 16.8%；中国声谷入园企业超过 2300 家。产业链覆盖语音芯片、算法模型、终端产品和行业应用，核心企业的语音识别、语音合成技术保持国际先进水平。', '从区域分布看，高新区集聚了全市六成以上的语音企业，蜀山区、包河区在智能终端和行业应用方面形成特色。'] },
      { heading: '第二章　存在的主要问题', paragraphs: ['一是端侧语音芯片对外依存度仍然较高，高端麦克风阵列器件主要依赖进口；二是中小企业数据获取和标注成本高，数据共享机制尚不完善；三是复合型人才缺口较大，算法工程师流动性高。'] },
      { heading: '第三章　对策建议', paragraphs: ['建议设立语音芯片专项攻关计划，支持联盟成员单位联合承担；建设市级语音数据资源池，建立数据授权和收益分配机制；依托高校和龙头企业建设智能语音产业学院。'] },
      { heading: '第四章　发展成效与展望', paragraphs: ['联盟组织的两项共性技术攻关已在 20 余家企业推广应用，带动新增产值约 12 亿元。预计 2027 年产业规模将突破 2100 亿元。'] },
    ],
    { header: ['指标', '2025年', '2026年', '增长'], rows: [['产业规模（亿元）', '1541', '1800', '16.8%'], ['入园企业（家）', '2010', '2300', '14.4%'], ['发明专利授权（件）', '2870', '3420', '19.2%']] },
  );
  b.judged('I10.status', 2.5, [whitePaper]);
  b.judged('I10.problems', 2.5);
  b.judged('I10.measures', 2);
  b.judged('I10.outcomes', 2);
  const members = [
    ['合肥声智科技有限公司', '2026-03-12'],
    ['安徽言之有物信息技术有限公司', '2026-03-12'],
    ['合肥智驾电子有限公司', '2026-03-12'],
    ['中国科学技术大学语音及语言信息处理国家工程研究中心（合作单位）', '2026-06-18'],
    ['合肥仁和数字医疗有限公司', '2026-06-18'],
    ['安徽听见未来教育科技有限公司', '2026-09-24'],
    ['合肥芯语微电子有限公司', '2026-09-24'],
    ['合肥慧听声学科技有限公司', '2026-09-24'],
  ].map(([title, date]) => ({ title: title ?? '', date }));
  b.list('I11.newMembers', members, [newMemberList(b, members)]);
  b.flag('I11.monthlyReports', [
    monthlyReports(
      b,
      months(['报送理事会筹备情况及建议 5 条', '报送春节后企业复工调研 4 条', '报送理事会会议情况 6 条', '报送国际合作动态 4 条', '报送成果发布会情况 5 条', '报送标准制定进展 4 条', '报送工程师培训情况 4 条', '报送标准发布及人才需求建议 5 条', '报送参展情况 4 条', '报送产业大会筹备及成效 7 条', '报送芯片攻关进展 4 条', '报送年度工作总结要点 6 条']),
    ),
  ]);
  b.certified('I11.bureauEvents', `${TASKS}/影响力证明材料.pdf`, [
    { title: '全市科技创新大会', date: '2026-02-26' },
    { title: '产业技术创新战略联盟工作座谈会', date: '2026-06-05' },
    { title: '合肥市科技成果转化对接周', date: '2026-09-15' },
  ]);

  b.certified('B1.hostedEvents', `${BONUS}/加分项证明材料.pdf`, [{ title: '第五届中国（合肥）智能语音产业发展大会', date: '2026-10-16', note: '参会代表 1200 余人，来自 22 个省市及 5 个国家' }], [conferencePhoto]);
  b.certified('B2.majorProjects', `${BONUS}/加分项证明材料.pdf`, [{ title: '端侧语音芯片封装测试项目', date: '2026-06-02', amountWan: 32000, note: '项目落户高新区集成电路产业园' }]);

  const story: Story = {
    intro: [
      '合肥市智能语音产业技术创新战略联盟于 2018 年经市科技局批准组建，由合肥声谷智能语音技术研究院有限公司牵头，现有成员单位 86 家，包括龙头企业 12 家、高校和科研院所 9 家、金融和服务机构 15 家。',
      '联盟设理事会、专家咨询委员会和秘书处。理事会为决策机构，每年至少召开两次会议；专家咨询委员会由 15 名行业专家组成；秘书处负责日常运行，配备专职人员 4 名。',
      '2026 年，联盟围绕“芯片—算法—终端—应用”产业链，组织成员单位协同创新，各项工作取得显著成效。',
    ],
    indicators: {
      I1: ['联盟设立专门办公室，配备专职人员 4 名；全年召开理事会 2 次；建成联盟网站、资源共享平台和成员单位交流群。'],
      I2: ['年初制定年度工作计划，年中、年末分别形成半年总结和年度总结，年度计划各项任务全部完成。'],
      I3: ['联盟制定经费管理办法，经费由牵头单位专账核算；年度经费使用情况见本报告第五部分，并在牵头单位年度审计报告中单独列示。'],
      I4: ['全年完成技术合同登记 4 项、科技成果登记 2 项，发现并招引项目 2 个，成员单位产品获省新产品认定 2 项。'],
      I5: ['组织成员单位和中国科学技术大学等高校开展远场语音识别、低功耗语音唤醒芯片两项共性技术攻关，均已通过验收。'],
      I6: ['组织成员单位参加国际展会和论坛 5 次，与芬兰阿尔托大学签订联合研究协议 1 项。'],
      I7: ['开放共性技术测试平台，共享数据集，举办工程师培训班，开展中小企业诊断服务，全年服务企业 200 余家次。'],
      I8: ['主持制定团体标准 1 项，参与制定国家标准 1 项；成员单位 6 件发明专利进入实质审查。'],
      I9: ['组织技术成果发布暨供需对接会 1 次，参加世界制造业大会等活动 4 次。'],
      I10: ['组织编写《2026 合肥智能语音产业发展白皮书》，系统分析产业现状、问题和对策。'],
      I11: ['新发展成员 8 家；每月向市科技局报送信息不少于 4 条；参加市科技局组织的活动 3 次。'],
      B1: ['在合肥主办第五届中国（合肥）智能语音产业发展大会，参会代表 1200 余人。'],
      B2: ['招引端侧语音芯片封装测试项目落户高新区，计划投资 3.2 亿元。'],
    },
    funds,
    nextYear: [
      '存在的问题：一是语音芯片等关键环节仍有短板；二是部分成员单位参与联盟活动不够积极；三是国际合作的深度有待加强。',
      '2027 年，联盟将继续围绕产业链关键环节组织联合攻关，推动数据资源共享机制建设，办好第六届产业发展大会，力争新发展成员 10 家以上。',
    ],
  };
  return b.build({
    name: 'HFA-003-智能语音联盟',
    delivery: 'zip',
    demonstrates: 'Excellent (优秀) general alliance: every indicator claimed up to its cap, both bonus indicators, JPEG and PNG photos, multi-page evidence (a page per item) and the ~20-page self-check report. An ordinary zip with UTF-8 names.',
    selfReport: (manifest) => selfReport(b.profile, rubric, manifest, story, true),
  });
}
