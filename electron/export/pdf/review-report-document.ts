/**
 * 评审报告 (the panel's report of the meeting): the meeting; the members, with the 组长 marked
 * and whether each one signed; the method; the results with rank; the objective differences and
 * the outlying scores and how each ended; the 补正 requests and how each ended; every flag of
 * the result with the chair's note; the reopenings of earlier locks with their art. 64 ground;
 * the experts' dissents (异议) word for word; the observer's note; and a line for every member
 * to sign in ink. A member who has not signed their sheet is shown as such, on their line too.
 *
 * What only the chair's laptop knows (notes, records) comes from `input.procedure`; when it was
 * not given (the command line without the chair's records) the report says so instead of
 * printing an empty section that would read as "nothing happened".
 */
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { sameFlag } from '../procedure-documents-input.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { REOPEN_GROUND_LABELS } from '../../../shared/panel/reopen-grounds.ts';
import { awardText, consequenceText, dateText, FLAG_LABELS, gradeText, METHOD_LABELS, scoreText } from '../result-labels.ts';
import { rankAlliances } from '../result-ranking.ts';
import type { Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import { memberLabel, membersOf, sheetStateText, signInText } from './procedure-members.ts';

export const REPORT_TITLE = '评审报告';

const NOT_GIVEN = '（本次导出未含主任控制台的记录，此项见主任控制台。）';

/** Section numbers: the observer's and the reopenings' sections appear only when there is one. */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

const DIFFERENCE_OUTCOMES = { settled: '专家重新签名后一致', standing: '经合议维持', open: '未解决' } as const;
const OUTLIER_OUTCOMES = { revised: '专家已修改', explained: '专家已书面说明', open: '未修改、未说明' } as const;

/** `room`: what must fit below the heading with it (by default three lines of text or a table's header and first row). */
function heading(canvas: PdfCanvas, text: string, room = 3 * 9.5 * 1.4 + 8): void {
  // A heading with the start of what it heads: never alone at a page's foot.
  canvas.ensureRoom(28 + room);
  canvas.y += 6;
  canvas.paragraph(text, { size: 12, weight: 'bold' }, { after: 4 });
}

function body(canvas: PdfCanvas, text: string, after = 4): void {
  canvas.paragraph(text, { size: 9.5 }, { after });
}

export function drawReviewReport(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex): void {
  const { result, rubric } = input;
  const procedure = input.procedure;
  const members = membersOf(input, index);
  const names = new Map(result.alliances.map((a) => [a.allianceId, a.name]));
  const allianceText = (id: string): string => `${names.get(id) ?? id}（${id}）`;
  const expertText = (id: string): string => `${index.expertName(id)}（${id}）`;
  let sections = 0;
  const numbered = (title: string): string => `${NUMERALS[sections++] ?? String(sections)}、${title}`;

  canvas.paragraph(`${result.year} 年度合肥市产业技术创新战略联盟考核`, { size: 16, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(REPORT_TITLE, { size: 16, weight: 'bold' }, { align: 'center', after: 10 });

  heading(canvas, numbered('会议概况'));
  body(
    canvas,
    `${input.meetingName}对 ${result.alliances.length} 个联盟 ${result.year} 年度的工作进行考核评审。专家组 ${members.length} 位专家` +
      `按评分细则“${rubric.title}”（${rubric.id}）逐项审核各联盟提交的材料，在本人电脑上签名评分，由主任汇总。报告生成于 ${dateText(input.generatedAt)}。`,
  );

  heading(canvas, numbered('专家组成员'));
  const rows: Row[] = members.map((member, i) => ({
    cells: [
      String(i + 1),
      { text: memberLabel(member), bold: member.leader },
      member.title === '' ? '—' : member.title,
      member.employer === '' ? '—' : member.employer,
      signInText(member) ?? '无签到记录',
      member.entry === undefined ? { text: sheetStateText(member), color: '#c0392b', bold: true } : sheetStateText(member),
    ],
  }));
  drawTable(
    canvas,
    [
      { header: '序号', width: 28, align: 'center' },
      { header: '姓名', width: 92 },
      { header: '职称', width: 62 },
      { header: '工作单位', flex: 1 },
      { header: '签到', width: 80 },
      { header: '评分表', width: 112 },
    ],
    rows,
    { size: 8.5 },
  );
  const leader = members.find((m) => m.leader);
  body(canvas, leader === undefined ? '专家组组长：名册中未标明。' : `专家组组长：${leader.name}（${leader.id}）。`, 2);
  const unsigned = members.filter((m) => m.entry === undefined);
  if (unsigned.length > 0) body(canvas, `未签名的成员：${unsigned.map(memberLabel).join('、')}。其评分未计入结果。`);

  heading(canvas, numbered('评审方法'));
  body(
    canvas,
    `汇总方法：${METHOD_LABELS[result.method]}。每位专家对每个联盟独立评分并以本人密钥签名；专家组得分按汇总方法由各评分专家的总分算出，四舍五入到两位小数；` +
      `回避的专家不参与该联盟的评分。专家总分偏离专家组平均超过 ${input.deviationThreshold ?? 10} 分的、专家之间判断不一致的，均标记并由组长审阅。` +
      `等级线：≥ ${rubric.grades.excellent} 分为优秀，${rubric.grades.pass}–${rubric.grades.excellent} 分（不含）为合格，< ${rubric.grades.pass} 分为不合格。`,
  );

  heading(canvas, numbered('评审结果'));
  drawTable(
    canvas,
    [
      { header: '名次', width: 32, align: 'center' },
      { header: '联盟', flex: 1 },
      { header: '评分专家', width: 50, align: 'center' },
      { header: '专家组得分', width: 58, align: 'right' },
      { header: '等级', width: 40, align: 'center' },
      { header: '结果运用', width: 66, align: 'center' },
      { header: '奖励（元）', width: 64, align: 'right' },
    ],
    rankAlliances(result.alliances).map(({ alliance, rank }) => [
      rank === null ? '—' : String(rank),
      `${alliance.name}（${alliance.allianceId}）`,
      `${alliance.experts.filter((e) => !e.recused).length} 位`,
      { text: scoreText(alliance.total, { fixed: true }), bold: true },
      gradeText(alliance.grade),
      consequenceText(alliance.consequence),
      awardText(alliance.award),
    ]),
    { size: 8.5 },
  );

  heading(canvas, numbered('客观分歧与畸高畸低评分的处理'));
  if (procedure?.differences === undefined && procedure?.outliers === undefined) {
    body(canvas, NOT_GIVEN);
  } else {
    const differences = procedure.differences ?? [];
    const outliers = procedure.outliers ?? [];
    // A panel record of an earlier version keeps the differences but not the outliers: say so, not "none".
    const outliersKnown = procedure.outliers !== undefined;
    if (differences.length === 0 && outliers.length === 0) body(canvas, outliersKnown ? '评审中没有客观分歧，也没有畸高畸低的评分。' : '评审中没有客观分歧。');
    const lines: string[][] = [
      ...differences.map((d) => [
        `客观分歧\n${allianceText(d.allianceId)}`,
        d.decisions === '' ? d.claim : `${d.claim}：${d.decisions}`,
        `${DIFFERENCE_OUTCOMES[d.outcome]}${d.reason === undefined || d.reason.trim() === '' ? '' : `：${d.reason.trim()}`}${d.by === undefined ? '' : `（${d.by} 记录）`}`,
      ]),
      ...outliers.map((o) => [
        `畸高畸低\n${allianceText(o.allianceId)}`,
        `${o.claim}：${expertText(o.expertId)} 评 ${o.score} 分，其他专家平均 ${o.othersMean} 分`,
        `${OUTLIER_OUTCOMES[o.outcome]}${o.outcome === 'revised' && o.revisedTo !== undefined ? `，改为 ${o.revisedTo} 分` : ''}${o.explanation === undefined ? '' : `：${o.explanation}`}`,
      ]),
    ];
    if (lines.length > 0) drawTable(canvas, [{ header: '事项', width: 150 }, { header: '内容', flex: 1 }, { header: '处理结果', width: 170 }], lines, { size: 8.5 });
    if (!outliersKnown) body(canvas, '（本次导出所用的专家组记录是旧版本，未含畸高畸低评分的处理，此项见主任控制台。）');
  }

  heading(canvas, numbered('材料补正'));
  const clarifications = procedure?.clarifications;
  if (clarifications === undefined) {
    body(canvas, NOT_GIVEN);
  } else if (clarifications.length === 0) {
    body(canvas, '评审中没有要求联盟补正材料。');
  } else {
    drawTable(
      canvas,
      [
        { header: '联盟', width: 124 },
        { header: '需补正的材料', flex: 1 },
        { header: '期限', width: 58 },
        { header: '登记', width: 84 },
        // Wide enough for `导入于 2027-01-20 13:10` on one line.
        { header: '结果', width: 118 },
      ],
      clarifications.map((c) => [
        allianceText(c.allianceId),
        c.missing.trim(),
        c.dueOn,
        [c.by, c.at === undefined ? undefined : chinaDateTime(c.at)].filter((part) => part !== undefined).join('\n'),
        c.answer === null ? { text: '未补正', color: '#c0392b', bold: true } : `已补正（第 ${c.answer.version} 版）\n导入于 ${chinaDateTime(c.answer.importedAt)}`,
      ]),
      { size: 8.5 },
    );
  }

  heading(canvas, numbered('标记与组长意见'));
  const flagged = result.alliances.filter((a) => a.flags.length > 0);
  if (flagged.length === 0) {
    body(canvas, '结果中没有需组长审阅的标记。');
  } else {
    const notes = procedure?.flagNotes;
    const flagRows = flagged.flatMap((alliance) =>
      alliance.flags.map((flag) => {
        const note = notes?.find((n) => n.allianceId === alliance.allianceId && sameFlag(n.flag, flag));
        const who = flag.expert === undefined || flag.expert === null ? '' : ` ${expertText(flag.expert)}`;
        return [
          allianceText(alliance.allianceId),
          `[${FLAG_LABELS[flag.kind]}]${who}：${flag.detail}`,
          note !== undefined ? note.note.trim() : notes === undefined ? '见主任控制台' : { text: '（未写说明）', color: '#c0392b' },
        ];
      }),
    );
    drawTable(canvas, [{ header: '联盟', width: 150 }, { header: '标记', flex: 1 }, { header: '组长意见', width: 170 }], flagRows, { size: 8.5 });
    if (notes === undefined) body(canvas, NOT_GIVEN);
  }

  const reopenings = procedure?.reopenings ?? [];
  if (reopenings.length > 0) {
    // The heading, its two lines and the table's header with the first reopening go together.
    heading(canvas, numbered('重新开启'), 2 * 9.5 * 1.4 + 2 + 2 * 24);
    body(canvas, '此前定稿的结果曾重新开启，每次的事由（财政部令第87号第六十四条所列情形之一）和具体情况如下；本报告所载为其后再次定稿的结果。', 2);
    drawTable(
      canvas,
      [
        { header: '时间', width: 80 },
        { header: '操作人', width: 80 },
        { header: '事由（第六十四条）', width: 130 },
        { header: '具体情况', flex: 1 },
      ],
      reopenings.map((r) => [chinaDateTime(r.reopenedAt), r.reopenedBy, r.ground === null ? '未选择事由' : REOPEN_GROUND_LABELS[r.ground], r.reason.trim()]),
      { size: 8.5 },
    );
  }

  heading(canvas, numbered('专家异议'));
  const dissents = members.flatMap((m) => {
    const text = m.entry?.sheet.dissent?.trim() ?? '';
    return text === '' ? [] : [{ member: m, text }];
  });
  if (dissents.length === 0) body(canvas, '没有专家提出异议。');
  for (const { member, text } of dissents) {
    canvas.ensureRoom(3 * 9.5 * 1.4);
    canvas.paragraph(`${memberLabel(member)}的异议（随评分表签名）：`, { size: 9.5, weight: 'bold' }, { after: 2 });
    body(canvas, text, 6);
  }

  const observer = procedure?.observerNote?.trim() ?? '';
  if (observer !== '') {
    heading(canvas, numbered('监督意见'));
    body(canvas, observer);
  }

  // The heading, its sentence and the table's header with two members' lines go together.
  heading(canvas, numbered('专家组签名'), 20 + 22 + 2 * 42);
  body(canvas, '专家组成员确认以上内容属实，签名如下：', 6);
  // Tall rows: room for a signature in ink. A member who has not signed their sheet says so on their line.
  drawTable(
    canvas,
    [
      { header: '成员', width: 130 },
      { header: '评分表', width: 130 },
      { header: '签字', flex: 1 },
      { header: '日期', width: 90 },
    ],
    members.map((member) => [
      { text: memberLabel(member), bold: member.leader },
      member.entry === undefined ? { text: '评分表未签名', color: '#c0392b', bold: true } : sheetStateText(member),
      '\n\n',
      '',
    ]),
    { size: 9.5, padding: 4 },
  );
}
