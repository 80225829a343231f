/**
 * Evidence viewer (the right pane of the scoring view): the files the selected claim names,
 * one of them open, and the package's full file list, where files that no claim names are
 * marked (the expert may find evidence the alliance forgot to cite, or filler).
 *
 * - PDF: pdf-viewer.tsx; images: image-viewer.tsx; Word and Excel: office-preview.tsx;
 *   anything else: the system's viewer, only after the expert confirms (desktop shell).
 */
import { useState } from 'react';
import type { PackageFileView } from '../../../shared/api/package-types.ts';
import { api, evidenceUrl } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { fileKind } from './file-kind.ts';
import { ImageViewer } from './image-viewer.tsx';
import { OfficePreview } from './office-preview.tsx';
import { PdfViewer } from './pdf-viewer.tsx';

export interface EvidenceViewerProps {
  readonly packageId: number;
  readonly files: readonly PackageFileView[];
  /** Files the selected claim names, in its order. */
  readonly claimEvidence: readonly string[];
  readonly claimLabel: string | null;
  readonly path: string | null;
  readonly onOpen: (path: string) => void;
  readonly onPageChange: (page: number) => void;
}

export function EvidenceViewer(props: EvidenceViewerProps) {
  const { files, claimEvidence, path, onOpen } = props;
  const [showFiles, setShowFiles] = useState(false);
  const file = files.find((f) => f.path === path) ?? null;
  const unreferenced = files.filter((f) => !f.namedByClaim).length;

  return (
    <section className="evidence-pane" aria-label="证明材料" data-keyscope="evidence">
      <div className="evidence-header">
        <div className="evidence-tabs" role="group" aria-label={props.claimLabel ? `“${props.claimLabel}”的证明材料` : '证明材料'}>
          {claimEvidence.length === 0 ? (
            <span className="muted small">{props.claimLabel ? '本项未附证明材料' : '请在左侧选择一项'}</span>
          ) : (
            claimEvidence.map((p) => (
              <button
                key={p}
                type="button"
                className={`evidence-tab${p === path ? ' active' : ''}`}
                aria-pressed={p === path}
                onClick={() => onOpen(p)}
                title={p}
              >
                {p.split('/').pop()}
              </button>
            ))
          )}
          {path !== null && !claimEvidence.includes(path) && (
            <span className="evidence-tab active other-file" title={path}>
              正在查看：{path.split('/').pop()}
            </span>
          )}
        </div>
        <button
          type="button"
          className="secondary small"
          aria-expanded={showFiles}
          onClick={() => setShowFiles((s) => !s)}
          data-testid="file-list-toggle"
        >
          全部文件（{files.length}）{unreferenced > 0 && <span className="badge warn">{unreferenced} 个未被引用</span>}
        </button>
      </div>
      {showFiles && (
        <ul className="file-list" aria-label="材料包全部文件" data-testid="file-list">
          {files.map((f) => (
            <li key={f.path} className={f.path === path ? 'active' : undefined}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onOpen(f.path);
                  setShowFiles(false);
                }}
              >
                {f.path}
              </button>
              <span className="muted small">{formatBytes(f.size)}</span>
              {!f.namedByClaim && (
                <span className="badge warn" title="没有任何申报引用此文件">
                  未被引用
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="evidence-body" data-testid="evidence-body" data-path={path ?? ''}>
        {file === null ? (
          <p className="muted empty-viewer">{path === null ? '选择一项申报后，这里显示它的证明材料。' : `材料包中没有文件 ${path}`}</p>
        ) : (
          <FileView key={file.path} packageId={props.packageId} file={file} onPageChange={props.onPageChange} />
        )}
      </div>
    </section>
  );
}

function FileView({ packageId, file, onPageChange }: { packageId: number; file: PackageFileView; onPageChange: (page: number) => void }) {
  const kind = fileKind(file.path);
  const url = evidenceUrl(file.sha256);
  switch (kind) {
    case 'pdf':
      return <PdfViewer url={url} onPageChange={onPageChange} />;
    case 'image':
      return <ImageViewer url={url} name={file.path} />;
    case 'docx':
    case 'xlsx':
      return <OfficePreview packageId={packageId} path={file.path} />;
    case 'other':
      return <ExternalFile packageId={packageId} file={file} />;
  }
}

function ExternalFile({ packageId, file }: { packageId: number; file: PackageFileView }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const open = async () => {
    setConfirming(false);
    const result = await api.invoke('evidence-open', { packageId, path: file.path });
    setMessage(result.ok ? '已用系统程序打开。看完后回到本窗口继续评分。' : result.error.message);
  };
  return (
    <div className="external-file evidence-focus" tabIndex={0}>
      <p>
        <strong>{file.path}</strong> <span className="muted">（{formatBytes(file.size)}）</span>
      </p>
      <p>此类文件不能在本程序中预览。</p>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label="确认打开">
          <p>将用本机的默认程序打开此文件。文件来自联盟材料包，本程序无法检查其内容。确定打开吗？</p>
          <button type="button" onClick={() => void open()} autoFocus>
            确定打开
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          用系统程序打开…
        </button>
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
    </div>
  );
}
