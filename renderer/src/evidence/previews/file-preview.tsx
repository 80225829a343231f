/**
 * A PDF or an image that main copied out of a zip inside the package (a rendition: the renderer
 * has no path of it), shown by the same viewers as the package's own PDFs and images. Its turn
 * is kept while it is open. Its words are searched in main by its path `<zip>/<member>` (its own
 * text, or what OCR read of a scan), and a hit of the alliance-wide search opens it at its page.
 */
import { useCallback, useState } from 'react';
import type { FilePreview } from '../../../../shared/api/evidence-preview-types.ts';
import { api, isDesktopShell, renditionUrl } from '../../api/api.ts';
import { ImageViewer } from '../image-viewer.tsx';
import type { Rotation } from '../pdf-rotation.ts';
import { PdfViewer } from '../pdf-viewer.tsx';
import type { ViewerGoal } from '../viewer-goal.ts';

const noGoal: ViewerGoal = { page: null, seq: 0 };

export interface FilePreviewProps {
  readonly preview: FilePreview;
  readonly packageId: number;
  /** The member's path, `<zip path>/<member path>`. */
  readonly path: string;
  /** Where to open it (a hit of the alliance-wide search); the start otherwise. */
  readonly goal?: ViewerGoal | undefined;
}

export function FilePreviewView({ preview, packageId, path, goal }: FilePreviewProps) {
  const [rotation, setRotation] = useState<Rotation>(0);
  const url = renditionUrl(preview.file);
  const find = useCallback((query: string) => api.invoke('evidence-search', { packageId, path, query }), [packageId, path]);
  const inZip = <p className="muted small">这个文件在压缩包里，不能用系统程序打开；请让联盟解压后把文件直接放进材料包。</p>;
  if (preview.type === 'image') return <ImageViewer url={url} name={path} desktop={isDesktopShell} systemViewer={inZip} />;
  return (
    <PdfViewer
      url={url}
      goal={goal ?? noGoal}
      rotation={rotation}
      onRotate={setRotation}
      onPageChange={() => undefined}
      find={find}
      desktop={isDesktopShell}
      systemViewer={inZip}
    />
  );
}
