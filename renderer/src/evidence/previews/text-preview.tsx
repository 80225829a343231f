/**
 * A plain text file's lines, as text nodes, with the encoding main read it in named (so an
 * expert who sees garbled characters knows what was assumed) and what a long file leaves out.
 */
import type { TextEncodingName, TextPreview } from '../../../../shared/api/evidence-preview-types.ts';

const encodingNames: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16（大端）',
  gb18030: 'GBK/GB18030（中文 Windows 记事本保存的“ANSI”编码）',
};

export function TextPreviewView({ preview, path }: { preview: TextPreview; path: string }) {
  return (
    <div className="office-preview evidence-focus" tabIndex={0} aria-label={`文本文件 ${path}`} data-testid="text-preview">
      <p className="preview-note" data-testid="text-encoding">
        纯文本文件，按 {encodingNames[preview.encoding]} 编码显示。
      </p>
      <pre className="text-preview-lines">{preview.lines.join('\n')}</pre>
      {preview.notice && <p className="muted">{preview.notice}</p>}
    </div>
  );
}
