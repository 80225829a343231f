/**
 * Extent message: why a spreadsheet whose sheets reach too far (sheet-extent.ts) is refused,
 * in the words of someone who made it in Excel: the sheet, the reference, what to do.
 * `extentFinding` (what is wrong) is shared by the 自查表 reader and the evidence preview.
 */
import type { ExtentExcess } from './sheet-extent.ts';

/** What is wrong, without a full stop: `“自查表.xlsx”的工作表“说明”有范围过大的合并单元格（A1:XFD1048576）`. */
export function extentFinding(fileName: string, excess: ExtentExcess, sheet: string | null): string {
  const where = sheet === null ? `“${fileName}”中的一张工作表` : `“${fileName}”的工作表“${sheet}”`;
  const ref = excess.ref === '' ? '' : `（${excess.ref}）`;
  switch (excess.what) {
    case 'merged':
      return `${where}有范围过大的合并单元格${ref}，展开后的单元格数量远超正常表格`;
    case 'validated':
      return `${where}的数据验证（下拉列表等）覆盖了过大的范围${ref}`;
    case 'rows':
    case 'columns':
      return `${where}用到的范围过大${ref}，远超正常表格的行数或列数`;
    case 'tag':
      return `${where}的内容结构异常（某个标记过长）`;
  }
}

export function extentMessage(fileName: string, excess: ExtentExcess, sheet: string | null): string {
  const advice: Record<ExtentExcess['what'], string> = {
    merged: '请取消这处合并（只合并真正需要的几个单元格），保存后重新提交。',
    validated: '请把数据验证只设在需要填写的单元格上（不要选整列或整张表），保存后重新提交。',
    rows: '请删除表格末尾多余的行和列（或把内容复制到新的自查表模板中），保存后重新提交。',
    columns: '请删除表格末尾多余的行和列（或把内容复制到新的自查表模板中），保存后重新提交。',
    tag: '请用 Excel 或 WPS 打开后重新保存，再重新提交。',
  };
  return `${extentFinding(fileName, excess, sheet)}，为防止程序卡死而拒绝读取。${advice[excess.what]}`;
}
