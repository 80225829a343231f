/** A Word document's text blocks (mammoth), as text nodes only. */
import type { DocxPreview } from '../../../../shared/api/evidence-preview-types.ts';

export function DocxPreviewView({ preview, path }: { preview: DocxPreview; path: string }) {
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
