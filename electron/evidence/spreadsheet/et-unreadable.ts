/**
 * The refusal of an .et in WPS 表格's own format, which no spreadsheet library reads: the
 * reader (spreadsheet-preview.ts, in its worker) says it, and main recognises it to show the
 * text found in the file instead (previewers.ts, own-text.ts). Its own module so main does not
 * load the spreadsheet library to know it.
 */
export function etUnreadable(fileName: string): string {
  return `无法预览：“${fileName}”是 WPS 表格自己的格式，本程序读不出其中的表格。请用 WPS 打开查看，或请联盟另存为 .xlsx 后重新提供。`;
}
