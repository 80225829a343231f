/**
 * Evidence viewer (the right pane of the scoring view): the files the selected claim names,
 * one of them open, and the package's full file list, where files that no claim names are
 * marked (the expert may find evidence the alliance forgot to cite, or filler).
 *
 * - tabs: one per evidence reference of the claim, a page of a compilation named with it
 *   (`合同汇编.pdf 第3页`), so two items citing the same compilation each open at their page.
 * - PDF: pdf-viewer.tsx, at the reference's page, turned as this expert last turned the file;
 *   images: image-viewer.tsx; every other file: the preview main converts it to
 *   (previews/converted-preview.tsx), or, for a kind it cannot convert, the system's viewer,
 *   only after the expert confirms (desktop shell).
 */
import { useEffect, useState } from 'react';
import type { PackageFileView } from '../../../shared/api/package-types.ts';
import { api, evidenceUrl, isDesktopShell } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { evidenceTarget, targetLabel, type EvidenceTarget } from './evidence-target.ts';
import { fileKind } from './file-kind.ts';
import { ImageViewer } from './image-viewer.tsx';
import type { Rotation } from './pdf-rotation.ts';
import { PdfViewer } from './pdf-viewer.tsx';
import { ConvertedPreview } from './previews/converted-preview.tsx';

export interface EvidenceViewerProps {
  /** The expert whose rotations are remembered; null (the chair's console): not remembered. */
  readonly expertId: number | null;
  readonly packageId: number;
  readonly files: readonly PackageFileView[];
  /** Evidence references of the selected claim, in its order (`a.pdf`, `b.pdf#page=3`). */
  readonly claimEvidence: readonly string[];
  readonly claimLabel: string | null;
  /** What is open: a reference of the claim, or a file picked from the list. */
  readonly opened: EvidenceTarget | null;
  /** Changes each time something is opened, so the viewer goes to its page again. */
  readonly openSeq: number;
  readonly onOpen: (reference: string) => void;
  /** The page on screen of the open PDF. */
  readonly onPageChange: (path: string, page: number) => void;
}

export function EvidenceViewer(props: EvidenceViewerProps) {
  const { files, claimEvidence, opened, onOpen } = props;
  const [showFiles, setShowFiles] = useState(false);
  const path = opened?.path ?? null;
  const file = files.find((f) => f.path === path) ?? null;
  const unreferenced = files.filter((f) => !f.namedByClaim).length;

  return (
    <section className="evidence-pane" aria-label="证明材料" data-keyscope="evidence">
      <div className="evidence-header">
        <div className="evidence-tabs" role="group" aria-label={props.claimLabel ? `“${props.claimLabel}”的证明材料` : '证明材料'}>
          {claimEvidence.length === 0 ? (
            <span className="muted small">{props.claimLabel ? '本项未附证明材料' : '请在左侧选择一项'}</span>
          ) : (
            claimEvidence.map((reference) => {
              const target = evidenceTarget(reference);
              const active = reference === opened?.reference;
              return (
                <button
                  key={reference}
                  type="button"
                  className={`evidence-tab${active ? ' active' : ''}`}
                  aria-pressed={active}
                  onClick={() => onOpen(reference)}
                  title={target.page === null ? target.path : `${target.path} 第${target.page}页`}
                  data-testid="evidence-tab"
                >
                  {targetLabel(target)}
                </button>
              );
            })
          )}
          {opened !== null && !claimEvidence.includes(opened.reference) && (
            <span className="evidence-tab active other-file" title={opened.path}>
              正在查看：{targetLabel(opened)}
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
          <FileView
            key={file.path}
            expertId={props.expertId}
            packageId={props.packageId}
            file={file}
            page={opened?.page ?? null}
            openSeq={props.openSeq}
            onPageChange={(page) => props.onPageChange(file.path, page)}
          />
        )}
      </div>
    </section>
  );
}

interface FileViewProps {
  readonly expertId: number | null;
  readonly packageId: number;
  readonly file: PackageFileView;
  readonly page: number | null;
  readonly openSeq: number;
  readonly onPageChange: (page: number) => void;
}

function FileView({ expertId, packageId, file, page, openSeq, onPageChange }: FileViewProps) {
  const kind = fileKind(file.path);
  const url = evidenceUrl(file.sha256);
  // A scan the expert opens is read by the background OCR next (its text for the search).
  useEffect(() => void api.invoke('ocr-put-first', { sha256: file.sha256 }), [file.sha256]);
  switch (kind) {
    case 'pdf':
      return <PdfFile expertId={expertId} packageId={packageId} file={file} url={url} goal={{ page, seq: openSeq }} onPageChange={onPageChange} />;
    case 'image':
      return <ImageViewer url={url} name={file.path} />;
    case 'converted':
      return <ConvertedPreview packageId={packageId} path={file.path} fallback={<ExternalFile packageId={packageId} file={file} />} />;
  }
}

/**
 * The rotation this expert last gave the file (by content), read before the PDF is shown so a
 * turned scan never flashes unturned; a turn is shown at once and stored in the background.
 */
function useRememberedRotation(expertId: number | null, sha256: string) {
  const [rotation, setRotation] = useState<Rotation | null>(expertId === null ? 0 : null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (expertId === null) return;
    let live = true;
    void api.invoke('evidence-view', { expertId, sha256 }).then((result) => {
      // Not being able to read it only costs the expert a turn: show the file unturned.
      if (live) setRotation(result.ok ? result.value.rotation : 0);
    });
    return () => {
      live = false;
    };
  }, [expertId, sha256]);
  const change = (next: Rotation) => {
    setRotation(next);
    if (expertId === null) return;
    void api.invoke('evidence-view-set', { expertId, sha256, rotation: next }).then((result) => {
      setNotice(result.ok ? null : `旋转没有记住（${result.error.message}），下次打开时需重新旋转。`);
    });
  };
  return { rotation, change, notice };
}

function PdfFile(props: {
  expertId: number | null;
  packageId: number;
  file: PackageFileView;
  url: string;
  goal: { page: number | null; seq: number };
  onPageChange: (page: number) => void;
}) {
  const { rotation, change, notice } = useRememberedRotation(props.expertId, props.file.sha256);
  return (
    <>
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}
      <PdfViewer
        url={props.url}
        goal={props.goal}
        rotation={rotation}
        onRotate={change}
        onPageChange={props.onPageChange}
        desktop={isDesktopShell}
        systemViewer={<SystemViewerButton packageId={props.packageId} file={props.file} />}
      />
    </>
  );
}

function ExternalFile({ packageId, file }: { packageId: number; file: PackageFileView }) {
  return (
    <div className="external-file evidence-focus" tabIndex={0}>
      <p>
        <strong>{file.path}</strong> <span className="muted">（{formatBytes(file.size)}）</span>
      </p>
      <p>此类文件不能在本程序中预览。</p>
      <SystemViewerButton packageId={packageId} file={file} />
    </div>
  );
}

/** 用系统程序打开…: only after the expert confirms, since the file comes from the alliance. */
function SystemViewerButton({ packageId, file }: { packageId: number; file: PackageFileView }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const open = async () => {
    setConfirming(false);
    const result = await api.invoke('evidence-open', { packageId, path: file.path });
    setMessage(result.ok ? '已用系统程序打开。看完后回到本窗口继续评分。' : result.error.message);
  };
  return (
    <div className="system-viewer">
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
