/**
 * Template guide: the text of the 说明 sheet, the instructions an alliance's staff read before
 * filling the self-check workbook. Written for people who have never seen manifest.json: what
 * the package is, where the files go, how each kind of row is filled, and what the program
 * does with the workbook.
 *
 * - guide line: one row of the 说明 sheet; `heading` lines are set bold.
 */
import { GRADE_LABELS } from '../../../shared/rubric/grade.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';
import { WORKBOOK_FILE_NAME } from './workbook-layout.ts';

export interface GuideLine {
  readonly text: string;
  readonly heading?: boolean;
}

export function guideLines(rubric: Rubric): GuideLine[] {
  const groupNames = rubric.groups.map((group) => group.label).join('、');
  const caps = rubric.groups
    .map((group) => (group.cap === null ? `${group.label}（不设上限）` : `${group.label}（${group.cap} 分）`))
    .join('，');
  return [
    { text: `${rubric.title} · 联盟自查表`, heading: true },
    { text: `评分细则：${rubric.id}${rubric.source === undefined ? '' : `（${rubric.source}）`}` },
    { text: '' },
    { text: '一、这份表格做什么用', heading: true },
    { text: '联盟对照考核评分细则逐项自查，在本表中填写申报的内容和每一项的证明材料，再把本表、自查报告和证明材料一起打包报送市科技局。' },
    { text: '评审程序直接读取本表（代替 manifest.json 文件），专家评审时逐项看到这里填写的内容和对应的证明材料。' },
    { text: '' },
    { text: '二、材料包怎么放', heading: true },
    { text: '材料包是一个文件夹，或把这个文件夹压缩成的一个 zip 文件。文件夹内：' },
    { text: `  ${WORKBOOK_FILE_NAME}        本表，放在最外层，文件名不要改` },
    { text: '  自查报告.pdf          联盟年度自查报告（文件名可以不同，在“联盟信息”表中写明）' },
    { text: '  证明材料/…           证明材料，可以再分子文件夹，如 证明材料/成果转化/技术合同1.pdf' },
    { text: '证明材料可以是 PDF、图片（JPG、PNG）或其他文件。一个文件可以同时证明几项。' },
    { text: '' },
    { text: '三、怎么填写', heading: true },
    { text: '1. “联盟信息”表：填写考核年度、联盟编号、名称、类型（下拉选择）、牵头单位、联系人和自查报告文件的路径。' },
    { text: `2. ${groupNames}：每个考核指标下列出它的评分项。黄色格子需要填写，灰色格子不用填。` },
    { text: '   · 是/否类评分项（如“设立专门办公室并配备专职人员”）：在“是否申报”列选择 是 或 否，在“证明材料路径”列写明证明文件。不申报可以留空。' },
    { text: '   · 逐项计分的评分项（如技术合同、活动、新成员、发明专利）：在该评分项下方的空行里每行填写一项：事项名称、日期、说明和证明材料。' },
    { text: '     行数不够时，在这一节中间右键“插入”新行即可；新行的“评分项编号”可以留空，程序把它归入上方最近的评分项。没有的项目留空，不必删除空行。' },
    { text: '     “事项编号”可以留空，程序按行号自动编号（如 row-25）；如自己编号，同一评分项内不得重复。' },
    { text: '     “日期”写成 2026-05-12 的形式，应在考核年度之内。“招引重大项目”每项必须填写金额，单位万元（5亿元 = 50000 万元）。' },
    { text: '   · 专家评分的评分项（白皮书或研究报告）：可在“自评分”列填写自评分（0 至该项满分，最多一位小数），只计入自评分，专家会另行评分；在“证明材料路径”列写明白皮书或研究报告文件。' },
    { text: '3. 证明材料路径：写文件在材料包中的位置，从材料包最外层算起，文件夹之间用 / 分隔，例如 证明材料/成果转化/技术合同1.pdf。' },
    { text: '   一个格子里写多个文件时，用分号 ; 分隔（中文分号；或换行也可以）。路径和文件名要与包内文件完全一致，包括扩展名（.pdf、.jpg）。' },
    { text: '   证明在多页文件（PDF、TIFF、OFD）的某一页时，在路径后写页码：证明材料/合同汇编.pdf 第3页（也可写 证明材料/合同汇编.pdf#page=3），专家打开时直接看到这一页。' },
    { text: '   一份 PDF 里每页一张证书时，每个事项写自己那一页。页码从 1 开始，不能超过文件的页数；图片、Word、Excel 文件没有页码。' },
    { text: '4. 请不要修改表头、“评分项编号”列和工作表名称，也不要删除隐藏的工作表；可以调整列宽、字体和行高。' },
    { text: '' },
    { text: '四、计分规则摘要', heading: true },
    { text: `分值：${caps}。每个考核指标的得分不超过它的上限，加分项不设上限。` },
    {
      text: `等级：总分 ${rubric.grades.excellent} 分以上为${GRADE_LABELS.excellent}，${rubric.grades.pass} 分以上为${GRADE_LABELS.pass}，低于 ${rubric.grades.pass} 分为${GRADE_LABELS.fail}（以上包括本数）。`,
    },
    { text: '标有（孵化器、众创空间联盟）或（科技金融联盟）的评分项只适用于这类联盟；其他联盟申报时会被提示给专家。' },
    { text: '自评分：程序按“全部申报内容都被认可、白皮书按自评分”计算，只供参考；最终得分以专家评审为准。' },
    { text: '' },
    { text: '五、报送前请检查', heading: true },
    { text: '· 每个申报的事项都写了证明材料，且文件确实在材料包中；' },
    { text: '· 材料包里没有与申报无关的文件；' },
    { text: '· 事项日期都在考核年度之内。' },
    { text: '以上问题程序导入时都会提示；证明材料路径写错的材料包不能导入。' },
  ];
}
