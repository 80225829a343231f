/**
 * A word-processor document (.docx, .doc, .wps, .rtf, .odt) as main read it: its page headers
 * (for a 红头文件, the issuing body), body, page footers and notes, each in its own labelled
 * part, with the format's notice of what the preview leaves out. Text goes into text nodes
 * and pictures into <img> from data: URLs only; nothing of the document is inserted as HTML.
 */
import type { CSSProperties } from 'react';
import type { DocumentBlock, DocumentImage, DocumentPreview } from '../../../../shared/api/evidence-preview-types.ts';
import { evidenceTypeNames } from '../../../../shared/evidence/evidence-type.ts';

export function DocumentPreviewView({ preview, path }: { preview: DocumentPreview; path: string }) {
  const name = evidenceTypeNames[preview.format];
  return (
    <div className="office-preview evidence-focus document-preview" tabIndex={0} aria-label={`${name} ${path}（文字与图片预览）`} data-testid="document-preview">
      <p className="preview-note">{name}的预览：文字、表格和图片，不含原文件的版式（字体、页面布局）。</p>
      {preview.notice !== null && (
        <p className="preview-notice" role="note">
          {preview.notice}
        </p>
      )}
      {preview.header.length > 0 && (
        <section className="document-part document-header" aria-label="页眉" data-testid="document-header">
          <h4 className="document-part-label">页眉</h4>
          <Blocks blocks={preview.header} />
        </section>
      )}
      <section className="document-body" aria-label="正文" data-testid="document-body">
        {preview.body.length === 0 ? <p className="muted">（正文中没有文字）</p> : <Blocks blocks={preview.body} />}
      </section>
      {preview.footer.length > 0 && (
        <section className="document-part document-footer" aria-label="页脚" data-testid="document-footer">
          <h4 className="document-part-label">页脚</h4>
          <Blocks blocks={preview.footer} />
        </section>
      )}
      {preview.notes.length > 0 && (
        <section className="document-part document-notes" aria-label="脚注与尾注">
          <h4 className="document-part-label">脚注与尾注</h4>
          <Blocks blocks={preview.notes} />
        </section>
      )}
      {preview.truncated && <p className="muted">（文件较长，仅显示前一部分；请用系统程序打开查看全文）</p>}
    </div>
  );
}

function Blocks({ blocks }: { blocks: readonly DocumentBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </>
  );
}

function Block({ block }: { block: DocumentBlock }) {
  switch (block.type) {
    case 'paragraph': {
      const style: CSSProperties | undefined = block.align === undefined ? undefined : { textAlign: block.align };
      return block.heading !== null ? (
        <p className={`preview-heading level-${block.heading}`} style={style}>
          {block.text}
        </p>
      ) : (
        <p className="preview-paragraph" style={style}>
          {block.text}
        </p>
      );
    }
    case 'table':
      return (
        <table className="preview-table">
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined} rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}>
                    <Blocks blocks={cell.blocks} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'image':
      return <Picture image={block} />;
    default:
      return unreachable(block);
  }
}

function Picture({ image }: { image: DocumentImage }) {
  // Only a data: URL of a picture: a document cannot make the viewer fetch anything.
  if (image.src === null || !image.src.startsWith('data:image/')) {
    return <p className="preview-image-missing">{image.label}</p>;
  }
  return (
    <figure className="preview-image">
      <img src={image.src} alt={image.label} width={image.width ?? undefined} height={image.height ?? undefined} data-mime={image.mime ?? undefined} />
      {image.label !== '图片' && <figcaption>{image.label}</figcaption>}
    </figure>
  );
}

function unreachable(value: never): never {
  throw new Error(`unexpected block ${JSON.stringify(value)}`);
}
