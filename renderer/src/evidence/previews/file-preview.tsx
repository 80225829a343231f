/**
 * A PDF or an image that main copied out of a zip inside the package (a rendition: the renderer
 * has no path of it), shown by the same viewers as the package's own PDFs and images. Its turn
 * is kept while it is open; a member has no page the claims cite.
 */
import { useState } from 'react';
import type { FilePreview } from '../../../../shared/api/evidence-preview-types.ts';
import { isDesktopShell, renditionUrl } from '../../api/api.ts';
import type { FindText } from '../file-search.ts';
import { ImageViewer } from '../image-viewer.tsx';
import type { Rotation } from '../pdf-rotation.ts';
import { PdfViewer } from '../pdf-viewer.tsx';

const noGoal = { page: null, seq: 0 };

// The search reads a file's text in main by its package path, which a member of a zip has not.
const noSearch: FindText = () =>
  Promise.resolve({ ok: false, error: { code: 'not-available', message: '压缩包里的文件不能搜索；需要搜索时，请让联盟解压后把文件直接放进材料包。' } });

export function FilePreviewView({ preview, path }: { preview: FilePreview; path: string }) {
  const [rotation, setRotation] = useState<Rotation>(0);
  const url = renditionUrl(preview.file);
  if (preview.type === 'image') return <ImageViewer url={url} name={path} />;
  return (
    <PdfViewer
      url={url}
      goal={noGoal}
      rotation={rotation}
      onRotate={setRotation}
      onPageChange={() => undefined}
      find={noSearch}
      desktop={isDesktopShell}
      systemViewer={<p className="muted small">这个文件在压缩包里，不能用系统程序打开；请让联盟解压后把文件直接放进材料包。</p>}
    />
  );
}
