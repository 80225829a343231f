/**
 * Word and Excel previews: the text main read from the file (mammoth, exceljs), shown as text
 * nodes only. Nothing of the document is inserted as HTML, so a document cannot run or style
 * anything in the app.
 */
import { useEffect, useState } from 'react';
import type { EvidencePreview } from '../../../shared/api/expert-work-types.ts';
import { api } from '../api/api.ts';

export function OfficePreview({ packageId, path }: { packageId: number; path: string }) {
  const [preview, setPreview] = useState<EvidencePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState(0);

  useEffect(() => {
    let live = true;
    void api.invoke('evidence-preview', { packageId, path }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [packageId, path]);

  if (error) return <p className="evidence-error" role="alert">{error}</p>;
  if (!preview) return <p className="muted loading">正在读取……</p>;

  if (preview.kind === 'docx') {
    return (
      <div className="office-preview evidence-focus" tabIndex={0} aria-label={`Word 文件 ${path}（文字预览）`} data-testid="docx-preview">
        <p className="preview-note">Word 文件的文字预览（不含图片和版式）。</p>
        {preview.blocks.map((block, i) =>
          block.type === 'table' ? (
            <table key={i} className="preview-table">
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : block.heading !== null ? (
            <p key={i} className={`preview-heading level-${block.heading}`}>
              {block.text}
            </p>
          ) : (
            <p key={i} className="preview-paragraph">
              {block.text}
            </p>
          ),
        )}
        {preview.truncated && <p className="muted">（文件较长，仅显示前一部分）</p>}
      </div>
    );
  }

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
