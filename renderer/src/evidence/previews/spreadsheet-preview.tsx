/**
 * A spreadsheet (.xlsx, .xls, .et, .ods, .csv) as the spreadsheet program shows it: one tab
 * per sheet, the column letters and row numbers around the grid, each cell's display text
 * (formatted in main, spreadsheet-preview.ts), merged cells spanning their range with the cells
 * they cover left out. Texts only, never markup.
 */
import { useMemo, useState } from 'react';
import type { SpreadsheetPreview, SpreadsheetSheet } from '../../../../shared/api/evidence-preview-types.ts';
import { evidenceTypeNames } from '../../../../shared/evidence/evidence-type.ts';

export function SpreadsheetPreviewView({ preview, path }: { preview: SpreadsheetPreview; path: string }) {
  const [sheet, setSheet] = useState(0);
  const current = preview.sheets[Math.min(sheet, preview.sheets.length - 1)];
  return (
    <div className="office-preview spreadsheet-preview evidence-focus" tabIndex={0} aria-label={`${evidenceTypeNames[preview.format]} ${path}（表格预览）`} data-testid="spreadsheet-preview">
      {preview.sheets.length > 1 && (
        <div className="sheet-tabs" role="tablist">
          {preview.sheets.map((s, i) => (
            <button key={i} type="button" role="tab" aria-selected={i === sheet} className={`secondary small${i === sheet ? ' active' : ''}`} onClick={() => setSheet(i)}>
              {s.name}
              {s.hidden && '（隐藏）'}
            </button>
          ))}
        </div>
      )}
      {preview.notice !== null && (
        <p className="preview-notice" role="note">
          {preview.notice}
        </p>
      )}
      {current === undefined ? <p className="muted">（这个文件里没有工作表）</p> : <SheetGrid sheet={current} />}
    </div>
  );
}

/** How a spreadsheet aligns a cell by default: numbers (and dates) right, booleans and errors centred. */
const kindClass: Readonly<Record<string, string>> = { n: 'number', b: 'centred', e: 'centred', t: '' };

function SheetGrid({ sheet }: { sheet: SpreadsheetSheet }) {
  // Where a merged range starts, its spans; every other cell it covers is left out of the row.
  const { spans, covered } = useMemo(() => {
    const spanAt = new Map<string, { rowSpan: number; colSpan: number }>();
    const hidden = new Set<string>();
    for (const m of sheet.merges) {
      spanAt.set(`${m.row}:${m.column}`, { rowSpan: m.rowSpan, colSpan: m.columnSpan });
      for (let r = m.row; r < m.row + m.rowSpan; r += 1) for (let c = m.column; c < m.column + m.columnSpan; c += 1) if (r !== m.row || c !== m.column) hidden.add(`${r}:${c}`);
    }
    return { spans: spanAt, covered: hidden };
  }, [sheet]);

  if (sheet.rows.length === 0) return <p className="muted">（工作表“{sheet.name}”是空的）</p>;
  return (
    <>
      {sheet.hidden && <p className="preview-note">这个工作表在文件里是隐藏的。</p>}
      {/* Above the grid, so the expert knows before scrolling that the list goes on. */}
      {sheet.truncated !== null && (
        <p className="preview-note">
          （工作表“{sheet.name}”共 {sheet.truncated.rows} 行、{sheet.truncated.columns} 列，这里只显示前 {sheet.truncated.maxRows} 行、{sheet.truncated.maxColumns} 列；其余的请用系统程序打开查看）
        </p>
      )}
      <table className="preview-table spreadsheet-grid">
        <thead>
          <tr>
            <th className="corner" aria-hidden="true" />
            {sheet.columnLabels.map((label) => (
              <th key={label} scope="col" className="column-label">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" className="row-number">
                {sheet.rowLabels[r]}
              </th>
              {row.map((text, c) => {
                const key = `${r}:${c}`;
                if (covered.has(key)) return null;
                const span = spans.get(key);
                const classes = [kindClass[sheet.cellKinds[r]?.[c] ?? 't'], span ? 'merged' : ''].filter(Boolean).join(' ');
                return (
                  <td key={c} rowSpan={span?.rowSpan} colSpan={span?.colSpan} className={classes || undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
