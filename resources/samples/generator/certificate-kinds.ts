/**
 * Certificate kinds: for each list criterion of hefei-2017, the document that proves one of its
 * items (a technology contract's registration, a standard's cover page, a listing notice) and
 * who issues it. Numbers on the documents are made from the item's position, so they repeat.
 */
import type { CertificateKind } from './evidence-documents.ts';
import { chineseDate } from './evidence-documents.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const certificateKinds: Readonly<Record<string, CertificateKind>> = {
  'I4.techContracts': {
    heading: '技术合同认定登记证明',
    issuer: '合肥市技术市场管理办公室',
    titleLabel: '合同名称',
    number: (i) => `2026340100${pad(2031 + i * 17, 6)}`,
    body: (ctx, item) => `经审查，上述技术合同符合《技术合同认定规则》，准予登记。合同由${ctx.name}成员单位作为受让方（委托方）签订，${item.note ?? '合同标的为技术开发与技术服务'}。`,
  },
  'I4.achievements': {
    heading: '安徽省科技成果登记证书',
    issuer: '安徽省科学技术厅',
    titleLabel: '成果名称',
    number: (i) => `皖科成登字 2026-${pad(3120 + i * 7, 5)}`,
    body: (ctx) => `该成果由${ctx.name}成员单位联合完成，经形式审查，符合《科技成果登记办法》的规定，予以登记。`,
  },
  'I4.projects': {
    heading: '项目招引情况说明',
    issuer: '合肥市投资促进局（项目备案）',
    titleLabel: '项目名称',
    number: (i) => `HFZS-2026-${pad(88 + i * 3, 4)}`,
    body: (ctx, item) => `该项目由${ctx.name}通过成员单位推荐和产业对接活动发现并引入，已完成项目备案。${item.note ?? ''}`,
  },
  'I4.newProducts': {
    heading: '安徽省新产品认定证书',
    issuer: '安徽省经济和信息化厅',
    titleLabel: '产品名称',
    number: (i) => `皖新产品 2026-${pad(611 + i * 5, 4)}`,
    body: () => '经专家评审，该产品在技术上属于省内首创，具有较好的市场前景，认定为安徽省新产品。',
  },
  'I5.breakthroughs': {
    heading: '联合攻关项目验收意见',
    issuer: '项目验收专家组',
    titleLabel: '项目名称',
    number: (i) => `LHGG-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) =>
      `项目由${ctx.name}组织成员单位和高校联合承担，针对制约产业发展的共性关键技术开展攻关。${item.note ?? ''}验收专家组听取了汇报，审阅了技术报告、测试报告和产学研合作协议，认为项目完成了任务书规定的各项指标，同意通过验收。`,
  },
  'I6.international': {
    heading: '国际合作与交流情况说明',
    issuer: '联盟秘书处',
    titleLabel: '活动名称',
    number: (i) => `GJHZ-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `${ctx.name}组织成员单位参加上述国际合作与交流活动，${item.note ?? '展示联盟成员单位的产品和技术，洽谈合作意向'}。附参展（参会）证明及活动照片。`,
  },
  'I7.services': {
    heading: '领域服务协议及成效说明',
    issuer: '联盟秘书处',
    titleLabel: '服务名称',
    number: (i) => `LYFW-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `${ctx.name}面向行业企业提供上述服务，${item.note ?? '签订服务协议，服务对象满意度良好'}。`,
  },
  'I7.nationalIncubators': {
    heading: '国家级科技企业孵化器认定通知（摘录）',
    issuer: '中华人民共和国科学技术部',
    titleLabel: '孵化器名称',
    number: (i) => `国科发区〔2026〕${pad(210 + i, 3)}号`,
    body: (ctx) => `根据《科技企业孵化器管理办法》，经评审，上述孵化器被认定为国家级科技企业孵化器。该孵化器为${ctx.name}成员单位。`,
  },
  'I7.provincialIncubators': {
    heading: '省级科技企业孵化器认定通知（摘录）',
    issuer: '安徽省科学技术厅',
    titleLabel: '孵化器名称',
    number: (i) => `皖科区〔2026〕${pad(31 + i, 2)}号`,
    body: (ctx) => `经评审，上述孵化器被认定为安徽省省级科技企业孵化器。该孵化器为${ctx.name}成员单位。`,
  },
  'I7.listings': {
    heading: '挂牌（上市）公告',
    issuer: '安徽省股权托管交易中心',
    titleLabel: '公司及事项',
    number: (i) => `皖股交公告〔2026〕${pad(45 + i * 4, 3)}号`,
    body: (ctx, item) => `上述公司经省区域性股权市场培育，${item.note ?? '完成转板'}。培育期间，${ctx.name}组织成员机构提供了辅导服务。`,
  },
  'I7.financialProducts': {
    heading: '金融产品备案说明',
    issuer: '联盟成员金融机构',
    titleLabel: '产品名称',
    number: (i) => `KJJR-2026-${pad(i + 1, 3)}`,
    body: (_ctx, item) => `该产品面向合肥市科技型、创新型中小企业，${item.note ?? '以知识产权、订单和信用为主要授信依据'}，已完成内部审批和备案并对外发布。`,
  },
  'I8.leadStandards': {
    heading: '标准发布公告（封面及前言摘录）',
    issuer: '标准发布机构',
    titleLabel: '标准名称',
    number: (i) => `T/HFIA ${pad(12 + i, 3)}—2026`,
    body: (ctx) => `本标准由${ctx.name}提出并归口，联盟牵头单位为第一起草单位，主持了标准的立项、起草、征求意见和技术审查。`,
  },
  'I8.joinStandards': {
    heading: '标准发布公告（封面及前言摘录）',
    issuer: '标准发布机构',
    titleLabel: '标准名称',
    number: (i) => `GB/T ${pad(41000 + i * 113, 5)}—2026`,
    body: (ctx) => `${ctx.name}成员单位作为起草单位参与了本标准的制定，参与起草人员列于标准前言。`,
  },
  'I9.organizedEvents': {
    heading: '活动方案及成效总结',
    issuer: '联盟秘书处',
    titleLabel: '活动名称',
    number: (i) => `PPHD-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `${ctx.name}主办上述活动，${item.note ?? '邀请政府部门、成员单位和投资机构参加，发布联盟成果'}。附活动方案、签到表和现场照片。`,
  },
  'I9.joinedEvents': {
    heading: '参加活动证明',
    issuer: '活动主办单位',
    titleLabel: '活动名称',
    number: (i) => `CJHD-2026-${pad(i + 1, 3)}`,
    body: (ctx) => `兹证明${ctx.name}组织成员单位参加上述活动，并进行了展示和交流。`,
  },
  'I11.bureauEvents': {
    heading: '参加市科技局活动签到记录',
    issuer: '合肥市科学技术局（活动组织处室）',
    titleLabel: '活动名称',
    number: (i) => `SKJ-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `${ctx.name}派员参加上述活动${item.date === undefined ? '' : `（${chineseDate(item.date)}）`}，签到记录附后。`,
  },
  'B1.hostedEvents': {
    heading: '全国性（国际性）活动组织方案及成效',
    issuer: '联盟秘书处',
    titleLabel: '活动名称',
    number: (i) => `JYHD-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `${ctx.name}在合肥主办上述活动，${item.note ?? '参会代表来自全国多个省市'}。活动得到主流媒体报道，提升了合肥产业知名度。`,
  },
  'B2.majorProjects': {
    heading: '重大项目投资协议（摘要）',
    issuer: '项目落地所在地人民政府（开发区管委会）',
    titleLabel: '项目名称',
    number: (i) => `ZDXM-2026-${pad(i + 1, 3)}`,
    body: (ctx, item) => `经${ctx.name}牵线对接，项目方与合肥市签订投资协议，项目在合肥落地。${item.note ?? ''}`,
  },
};
