/**
 * Converted previews: every file the renderer cannot show from its bytes (all but PDF and the
 * browser's images) is asked of main (`evidence-preview`), which reads it by its content type
 * and answers with one kind of preview (shared/api/evidence-preview-types.ts); this component
 * shows each kind with its own component. Previews are shown as text nodes and data only:
 * nothing of a document is inserted as HTML, so it cannot run or style anything in the app.
 * A file main has no preview for is offered to the system's viewer (`fallback`).
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { EvidencePreview, PagesPreview } from '../../../../shared/api/evidence-preview-types.ts';
import { api } from '../../api/api.ts';
import type { ViewerGoal } from '../viewer-goal.ts';
import { DocumentPreviewView } from './document-preview.tsx';
import { FilePreviewView } from './file-preview.tsx';
import { TextPreviewView } from './text-preview.tsx';
import { SpreadsheetPreviewView } from './spreadsheet-preview.tsx';
import { ZipPreviewView } from './zip-preview.tsx';

export interface ConvertedPreviewProps {
  readonly packageId: number;
  readonly path: string;
  /** Shown when main has no preview of this kind of file (the system viewer's button). */
  readonly fallback: ReactNode;
  /** Shows a pages preview (evidence-viewer.tsx gives the page viewer, at the reference's page, turned as the expert turned the file). */
  readonly pages: (preview: PagesPreview) => ReactNode;
  /**
   * For a zip: the member to open at once, by its path inside the zip, and where in it (a hit of
   * the alliance-wide search). For a member: where to open it.
   */
  readonly member?: { readonly path: string; readonly goal: ViewerGoal } | null | undefined;
  readonly goal?: ViewerGoal | undefined;
}

export function ConvertedPreview({ packageId, path, fallback, pages, member, goal }: ConvertedPreviewProps) {
  const [preview, setPreview] = useState<EvidencePreview | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('evidence-preview', { packageId, path }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError({ code: result.error.code, message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [packageId, path]);

  // A scan inside a zip is read by the background OCR under its own hash (the one its preview
  // is kept by), not the zip's: the expert opened it, so it is read next. (For a TIFF of the
  // package itself this repeats what the file view asked: the queue takes it once.)
  const memberScan = preview?.kind === 'file' ? preview.sha256 : preview?.kind === 'pages' ? (preview.pages[0]?.image.sha256 ?? null) : null;
  useEffect(() => {
    if (memberScan !== null) void api.invoke('ocr-put-first', { sha256: memberScan });
  }, [memberScan]);

  if (error?.code === 'no-preview') return <>{fallback}</>;
  if (error)
    return (
      <div className="evidence-focus" tabIndex={0}>
        <p className="evidence-error" role="alert">
          {error.message}
        </p>
        {fallback}
      </div>
    );
  if (!preview) return <p className="muted loading">正在读取……</p>;

  switch (preview.kind) {
    case 'document':
      return <DocumentPreviewView preview={preview} path={path} />;
    case 'spreadsheet':
      return <SpreadsheetPreviewView preview={preview} path={path} />;
    case 'pages':
      return <>{pages(preview)}</>;
    case 'text':
      return <TextPreviewView preview={preview} path={path} />;
    case 'file':
      return <FilePreviewView preview={preview} packageId={packageId} path={path} goal={goal} />;
    case 'zip':
      // A member is shown as a file of the package is; it has no system-viewer fallback,
      // since opening it there would mean unpacking it to disk.
      return (
        <ZipPreviewView
          preview={preview}
          path={path}
          member={member === null || member === undefined ? null : { path: member.path, seq: member.goal.seq }}
          openMember={(memberPath) => (
            <ConvertedPreview
              key={memberPath}
              packageId={packageId}
              path={memberPath}
              goal={member !== null && member !== undefined && memberPath === `${path}/${member.path}` ? member.goal : undefined}
              pages={pages}
              fallback={<p className="muted external-file">此类文件不能在本程序中预览；请让联盟解压后把文件直接放进材料包。</p>}
            />
          )}
        />
      );
  }
}
