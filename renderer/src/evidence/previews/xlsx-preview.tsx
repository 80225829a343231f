/** An Excel workbook's sheets as cell texts (exceljs), one tab per sheet. */
import { useState } from 'react';
import type { XlsxPreview } from '../../../../shared/api/evidence-preview-types.ts';

export function XlsxPreviewView({ preview, path }: { preview: XlsxPreview; path: string }) {
  const [sheet, setSheet] = useState(0);
  const current = preview.sheets[Math.min(sheet, preview.sheets.length - 1)];
  return (
    <div className="office-preview evidence-focus" tabIndex={0} aria-label={`Excel 文件 ${path}（表格预览）`} data-testid="xlsx-preview">
      {preview.sheets.length > 1 && (
        <div className="sheet-tabs" role="tablist">
          {preview.sheets.map((s, i) => (
            <button key={s.name} type="button" role="tab" aria-selected={i === sheet} className={`secondary small${i === sheet ? ' active' : ''}`} onClick={() => setSheet(i)}>
              {s.name}
            </button>
          ))}
        </div>
      )}
      {current && (
        <table className="preview-table">
          <tbody>
            {current.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="row-number">
                  {r + 1}
                </th>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current?.truncated && <p className="muted">（表格较大，仅显示前 500 行、50 列）</p>}
    </div>
  );
}
