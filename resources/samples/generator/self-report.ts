/**
 * Self-check report (自查报告): the report each alliance writes about its year, named by
 * `selfReport` in its manifest. Built from the manifest itself (so what it lists is what the
 * package claims), the alliance's story (the prose only it can tell), and the rubric engine's
 * self-score (so the score it states is the one the program computes).
 *
 * - story: the alliance's own words: who it is, a paragraph per indicator, its funds and what
 *   it will do better.
 * - detailed report: each part on its own pages, with contents and a table of every claimed
 *   item with its evidence, as the larger alliances write it (~20 pages); otherwise the parts
 *   run on and each indicator is one line of counts (2–4 pages).
 */
import type { Manifest } from '../../../shared/package/manifest.ts';
import { GRADE_LABELS } from '../../../shared/rubric/grade.ts';
import { selfScore } from '../../../shared/rubric/self-score.ts';
import type { Claim, Indicator, Rubric } from '../../../shared/rubric/types.ts';
import { chineseDate } from './evidence-documents.ts';
import type { Block, PdfSpec } from './pdf-document.ts';
import type { AllianceProfile } from './sample-package.ts';

export interface Story {
  readonly intro: readonly string[];
  /** Indicator id → what the alliance did (one paragraph or more). */
  readonly indicators: Readonly<Record<string, readonly string[]>>;
  readonly funds: { readonly incomeWan: number; readonly spend: readonly (readonly [string, number])[] };
  readonly nextYear: readonly string[];
}

const KIND_NAMES = { general: '产业技术创新战略联盟', incubator: '孵化器、众创空间联盟', finance: '科技金融联盟' } as const;
const PART_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八'];

export function selfReport(profile: AllianceProfile, rubric: Rubric, manifest: Manifest, story: Story, detailed: boolean): PdfSpec {
  const score = selfScore(rubric, manifest.claims);
  const breakIf = (condition: boolean): Block[] => (condition ? [{ kind: 'pageBreak' }] : []);
  const parts: { title: string; blocks: Block[] }[] = [];

  parts.push({ title: '联盟基本情况', blocks: story.intro.map((text): Block => ({ kind: 'paragraph', text })) });
  for (const group of rubric.groups) {
    const blocks: Block[] = [];
    group.indicators.forEach((indicator, i) => {
      blocks.push(...breakIf(detailed && i > 0), ...(detailed ? indicatorBlocks(indicator, manifest, story) : indicatorSummary(indicator, manifest, story)));
    });
    parts.push({ title: `${group.label}情况`, blocks });
  }
  const spent = story.funds.spend.reduce((sum, [, amount]) => sum + amount, 0);
  parts.push({
    title: '年度联盟经费使用情况',
    blocks: [
      { kind: 'paragraph', text: `${manifest.year}年联盟经费收入 ${story.funds.incomeWan.toFixed(2)} 万元，支出 ${spent.toFixed(2)} 万元，结余 ${(story.funds.incomeWan - spent).toFixed(2)} 万元。经费由牵头单位财务部门专账核算，按联盟经费管理办法使用。` },
      {
        kind: 'table',
        widths: [3, 1],
        header: ['收支项目', '金额（万元）'],
        rows: [['收入合计', story.funds.incomeWan.toFixed(2)], ...story.funds.spend.map(([label, amount]) => [label, amount.toFixed(2)]), ['结余', (story.funds.incomeWan - spent).toFixed(2)]],
      },
    ],
  });
  parts.push({
    title: '自评分',
    blocks: [
      { kind: 'paragraph', text: '按《合肥市产业技术创新战略联盟考核内容及评分细则》逐项自评如下（白皮书一项为本联盟自评，以专家评分为准）。' },
      {
        kind: 'table',
        widths: [1, 4, 1.3, 1.3],
        header: ['指标', '考核内容', '分值上限', '自评分'],
        rows: [
          ...rubric.groups.flatMap((group) =>
            group.indicators.map((indicator) => [indicator.id, indicator.label, indicator.cap === null ? '加分' : String(indicator.cap), (score.indicators[indicator.id]?.score ?? 0).toString()]),
          ),
          ['', '合计', '', score.total.toString()],
        ],
      },
      { kind: 'paragraph', text: `自评总分 ${score.total.toString()} 分，自评等级：${GRADE_LABELS[score.grade]}。` },
    ],
  });
  parts.push({ title: '存在的问题及下一年度工作打算', blocks: story.nextYear.map((text): Block => ({ kind: 'paragraph', text })) });

  const blocks: Block[] = [
    { kind: 'title', text: `${profile.name}`, subtitle: `${manifest.year}年度考核自查报告` },
    {
      kind: 'fields',
      rows: [
        ['联盟编号', profile.id],
        ['联盟类型', KIND_NAMES[profile.kind]],
        ['牵头单位', profile.lead],
        ['秘书处地址', profile.address],
        ['联系人', `${profile.contact.name}\u3000${profile.contact.phone}`],
        ['报送日期', chineseDate(`${manifest.year + 1}-01-08`)],
      ],
    },
  ];
  if (detailed) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', text: '目　录' });
    parts.forEach((part, i) => blocks.push({ kind: 'paragraph', text: `${PART_NUMBERS[i] ?? i + 1}、${part.title}` }));
  }
  parts.forEach((part, i) => {
    blocks.push(...breakIf(detailed || i === 0), { kind: 'heading', text: `${PART_NUMBERS[i] ?? i + 1}、${part.title}` }, ...part.blocks);
  });
  blocks.push({ kind: 'seal', organization: profile.name, date: chineseDate(`${manifest.year + 1}-01-08`) });
  return { title: `${profile.name}${manifest.year}年度考核自查报告`, author: profile.name, blocks };
}

/** One line per indicator: what was claimed, by count (short reports). */
function indicatorSummary(indicator: Indicator, manifest: Manifest, story: Story): Block[] {
  const parts = indicator.criteria.flatMap((criterion) => {
    const claim: Claim | undefined = manifest.claims[criterion.id];
    if (claim === undefined) return [];
    if ('claimed' in claim) return claim.claimed ? [criterion.label] : [];
    if ('items' in claim) return [`${criterion.label} ${claim.items.length} 项`];
    return claim.value === undefined ? [] : [`${criterion.label}（自评 ${claim.value} 分）`];
  });
  const text = parts.length === 0 ? '本年度未申报。' : `${parts.join('；')}。证明材料见材料包。`;
  return [{ kind: 'paragraph', text: `（${indicator.id}）${indicator.label}：${text}${(story.indicators[indicator.id] ?? []).join('')}` }];
}

function indicatorBlocks(indicator: Indicator, manifest: Manifest, story: Story): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `（${indicator.id}）${indicator.label}` }];
  for (const text of story.indicators[indicator.id] ?? []) blocks.push({ kind: 'paragraph', text });
  const rows: string[][] = [];
  for (const criterion of indicator.criteria) {
    const claim: Claim | undefined = manifest.claims[criterion.id];
    if (claim === undefined) {
      rows.push([criterion.label, '未申报', '']);
    } else if ('claimed' in claim) {
      rows.push([criterion.label, claim.claimed ? '已完成' : '未完成', claim.evidence.join('\n')]);
    } else if ('items' in claim) {
      claim.items.forEach((item, i) => {
        const when = item.date === undefined ? '' : `（${item.date}）`;
        const amount = item.amountWan === undefined ? '' : `，${item.amountWan} 万元`;
        rows.push([i === 0 ? `${criterion.label}（${claim.items.length} 项）` : '', `${item.title}${when}${amount}`, item.evidence.join('\n')]);
      });
    } else {
      rows.push([criterion.label, claim.value === undefined ? '请专家评分' : `自评 ${claim.value} 分`, (claim.evidence ?? []).join('\n')]);
    }
  }
  blocks.push({ kind: 'table', widths: [2, 3, 2.4], header: ['评分项', '完成情况', '证明材料'], rows });
  return blocks;
}
