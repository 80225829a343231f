/**
 * Evidence documents: the PDFs an alliance hands in as proof of its claims, written the way
 * such documents read (minutes, rules, certificates, lists), for invented alliances.
 *
 * - alliance context: who the documents are about: the alliance, its lead organisation, its
 *   industry, the assessment year.
 * - certificate pages: one page per claimed item (a registration, an acceptance opinion, an
 *   agreement), so an expert checking item 3 finds it on page 3.
 * - list document: one table of all items (patents, new members), as alliances send them.
 */
import type { Block, PdfSpec } from './pdf-document.ts';

export interface AllianceContext {
  readonly name: string;
  readonly lead: string;
  /** `智能语音`: the industry, as it reads inside a sentence. */
  readonly industry: string;
  readonly year: number;
  readonly secretary: string;
  readonly address: string;
}

export interface DocItem {
  readonly title: string;
  readonly date?: string | undefined;
  readonly note?: string | undefined;
  readonly amountWan?: number | undefined;
}

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function seal(ctx: AllianceContext, date: string): Block {
  return { kind: 'seal', organization: ctx.name, date: chineseDate(date) };
}

export function councilMinutes(ctx: AllianceContext, meetings: readonly { date: string; place: string; topics: readonly string[] }[]): PdfSpec {
  const blocks: Block[] = [];
  meetings.forEach((meeting, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(
      { kind: 'title', text: `${ctx.name}`, subtitle: `${ctx.year}年第${i + 1}次理事会会议纪要` },
      { kind: 'fields', rows: [['会议时间', chineseDate(meeting.date)], ['会议地点', meeting.place], ['主持人', `理事长（${ctx.lead}）`], ['出席', '理事单位代表 19 人，秘书处 3 人，列席专家 2 人']] },
      { kind: 'heading', text: '会议议题与决定' },
      ...meeting.topics.map((topic, j): Block => ({ kind: 'paragraph', text: `${j + 1}. ${topic}` })),
      { kind: 'paragraph', text: '会议认为，联盟各成员单位应围绕年度工作计划分工协作，秘书处负责跟踪落实并于下次理事会报告进展。' },
      seal(ctx, meeting.date),
    );
  });
  return { title: `${ctx.year}年理事会会议纪要`, author: ctx.name, blocks };
}

export function plansAndSummaries(ctx: AllianceContext, goals: readonly string[], results: readonly string[]): PdfSpec {
  const y = ctx.year;
  return {
    title: `${y}年度工作计划及半年、年度工作总结`,
    author: ctx.name,
    blocks: [
      { kind: 'title', text: `${ctx.name}`, subtitle: `${y}年度工作计划` },
      { kind: 'paragraph', text: `为贯彻落实《合肥市产业技术创新战略联盟管理办法》，推动${ctx.industry}产业高质量发展，经理事会审议，制定本联盟${y}年度工作计划如下。` },
      { kind: 'heading', text: '一、年度目标' },
      ...goals.map((goal, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${goal}` })),
      seal(ctx, `${y}-01-20`),
      { kind: 'pageBreak' },
      { kind: 'title', text: `${ctx.name}`, subtitle: `${y}年上半年工作总结` },
      { kind: 'paragraph', text: `上半年，联盟按照年度计划有序推进各项工作，年度目标完成过半。${results[0] ?? ''}` },
      seal(ctx, `${y}-07-10`),
      { kind: 'pageBreak' },
      { kind: 'title', text: `${ctx.name}`, subtitle: `${y}年度工作总结` },
      { kind: 'paragraph', text: `${y}年，联盟围绕${ctx.industry}产业链关键环节，组织成员单位开展成果转化、联合攻关、标准制定和品牌建设等工作，全面完成年度计划。` },
      ...results.map((result, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${result}` })),
      seal(ctx, `${y}-12-28`),
    ],
  };
}

export function fundsPolicy(ctx: AllianceContext, adopted: string): PdfSpec {
  const articles = [
    '为规范联盟经费管理，提高资金使用效益，制定本办法。',
    '联盟经费包括成员单位会费、政府资助资金及服务收入。',
    '联盟经费由牵头单位财务部门设立专账，单独核算，专款专用。',
    '经费用于秘书处运行、联合攻关、标准制定、品牌活动及平台建设。',
    '单笔支出 5 万元以下由秘书长审批，5 万元及以上由理事长审批。',
    '秘书处每半年向理事会报告经费收支，年度经费使用情况写入自查报告，并接受年度审计。',
  ];
  const numbers = ['一', '二', '三', '四', '五', '六', '七', '八'];
  return {
    title: '联盟经费管理办法',
    author: ctx.name,
    blocks: [
      { kind: 'title', text: `${ctx.name}`, subtitle: '经费管理办法' },
      ...articles.map((text, i): Block => ({ kind: 'paragraph', text: `第${numbers[i] ?? i + 1}条\u3000${text}` })),
      seal(ctx, adopted),
    ],
  };
}

export function auditReport(ctx: AllianceContext, firm: string, incomeWan: number, spendWan: readonly (readonly [string, number])[]): PdfSpec {
  const spent = spendWan.reduce((sum, [, amount]) => sum + amount, 0);
  return {
    title: `${ctx.lead} ${ctx.year}年度审计报告（联盟经费部分节选）`,
    author: firm,
    blocks: [
      { kind: 'title', text: `${ctx.lead}`, subtitle: `${ctx.year}年度财务报表审计报告（节选）` },
      { kind: 'paragraph', text: `我们审计了${ctx.lead}${ctx.year}年 12 月 31 日的资产负债表及${ctx.year}年度的利润表、现金流量表。根据委托，现将其中“${ctx.name}”专项经费的收支情况单独列示如下。` },
      {
        kind: 'table',
        widths: [3, 1],
        header: ['项目', '金额（万元）'],
        rows: [['本年收入（会费、资助及服务收入）', incomeWan.toFixed(2)], ...spendWan.map(([label, amount]) => [`支出：${label}`, amount.toFixed(2)]), ['本年结余', (incomeWan - spent).toFixed(2)]],
      },
      { kind: 'paragraph', text: '我们认为，联盟专项经费已按照联盟经费管理办法单独核算，收支记录完整，在所有重大方面公允反映了其收支情况。' },
      { kind: 'seal', organization: firm, date: chineseDate(`${ctx.year + 1}-01-05`) },
    ],
  };
}

export interface CertificateKind {
  /** The document's title, e.g. `技术合同登记证明`. */
  readonly heading: string;
  /** Who issued it, e.g. `合肥市技术市场管理办公室`. */
  readonly issuer: string;
  /** The label of the item's title on the page, e.g. `合同名称`. */
  readonly titleLabel: string;
  /** A number the document carries, from the item's position. */
  readonly number: (index: number, item: DocItem) => string;
  /** The body text of the page. */
  readonly body: (ctx: AllianceContext, item: DocItem) => string;
}

/** One page per item, each signed and sealed by its issuer. */
export function certificates(ctx: AllianceContext, kind: CertificateKind, items: readonly DocItem[]): PdfSpec {
  const blocks: Block[] = [];
  items.forEach((item, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    const rows: [string, string][] = [
      ['编号', kind.number(i, item)],
      [kind.titleLabel, item.title],
      ['单位', `${ctx.name}（牵头单位：${ctx.lead}）`],
    ];
    if (item.date !== undefined) rows.push(['日期', chineseDate(item.date)]);
    if (item.amountWan !== undefined) rows.push(['金额', `${item.amountWan.toLocaleString('en-US')} 万元`]);
    if (item.note !== undefined) rows.push(['备注', item.note]);
    blocks.push(
      { kind: 'title', text: kind.heading },
      { kind: 'fields', rows },
      { kind: 'paragraph', text: kind.body(ctx, item) },
      { kind: 'seal', organization: kind.issuer, date: chineseDate(item.date ?? `${ctx.year}-12-20`) },
    );
  });
  return { title: kind.heading, author: kind.issuer, blocks };
}

/** One table of all items, signed by the alliance's secretariat. */
export function itemList(ctx: AllianceContext, title: string, header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], intro: string): PdfSpec {
  return {
    title,
    author: ctx.name,
    blocks: [
      { kind: 'title', text: title, subtitle: ctx.name },
      { kind: 'paragraph', text: intro },
      { kind: 'table', widths, header, rows },
      { kind: 'paragraph', text: `以上情况属实。联系人：${ctx.secretary}（联盟秘书处）。` },
      seal(ctx, `${ctx.year}-12-25`),
    ],
  };
}

/** A white paper or research report (I10), with its chapters. */
export function whitePaper(ctx: AllianceContext, title: string, chapters: readonly { heading: string; paragraphs: readonly string[] }[], table?: { header: readonly string[]; rows: readonly (readonly string[])[] }): PdfSpec {
  const blocks: Block[] = [
    { kind: 'title', text: title, subtitle: `${ctx.name} 编\u3000${ctx.year}年12月` },
    { kind: 'paragraph', text: `本报告由${ctx.name}组织成员单位、高校和研究机构共同编写，系统梳理${ctx.year}年合肥市${ctx.industry}产业的发展现状、存在问题和对策建议，供政府部门和成员单位参考。` },
  ];
  chapters.forEach((chapter, i) => {
    if (i > 0 && i % 2 === 0) blocks.push({ kind: 'pageBreak' });
    blocks.push({ kind: 'heading', text: chapter.heading });
    for (const text of chapter.paragraphs) blocks.push({ kind: 'paragraph', text });
    if (i === 0 && table !== undefined) blocks.push({ kind: 'table', widths: table.header.map(() => 1), header: table.header, rows: table.rows });
  });
  return { title, author: ctx.name, blocks };
}

/** A plain letter or statement from the alliance, e.g. an explanation the expert may need. */
export function statement(ctx: AllianceContext, title: string, paragraphs: readonly string[], date: string): PdfSpec {
  return {
    title,
    author: ctx.name,
    blocks: [{ kind: 'title', text: title, subtitle: ctx.name }, ...paragraphs.map((text): Block => ({ kind: 'paragraph', text })), seal(ctx, date)],
  };
}
