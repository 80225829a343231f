/**
 * Evidence viewer (the right pane of the scoring view): the files the selected claim names,
 * one of them open, and the package's full file list, where files that no claim names are
 * marked (the expert may find evidence the alliance forgot to cite, or filler).
 *
 * - tabs: one per evidence reference of the claim, a page of a compilation named with it
 *   (`合同汇编.pdf 第3页`), so two items citing the same compilation each open at their page.
 * - which viewer: by the file's content as found at import (file-kind.ts), so a photo named .pdf
 *   opens as a photo, with a notice that its extension does not match.
 * - PDF: pdf-viewer.tsx, at the reference's page, turned as this expert last turned the file;
 *   images: image-viewer.tsx; TIFF scans, HEIC photos and OFD documents: the page images main
 *   makes of them (pages-viewer.tsx), paged and turned like a PDF; every other file:
 *   the preview main converts it to
 *   (previews/converted-preview.tsx), or, for a kind it cannot convert, the system's viewer,
 *   only after the expert confirms (desktop shell).
 * - 全文搜索: the words in every file of the package (package-search-panel.tsx); a hit opens its
 *   file at its page with the words highlighted.
 * - 自动定位: a reference of an item that names a paged file (PDF, TIFF, OFD) but no page opens
 *   at the page the item's fields point to (evidence-locate: its own text or what OCR read),
 *   marked 自动定位（第N页，可能不准） since it is a guess; when nothing is found, at page 1
 *   without a mark.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { PagesPreview } from '../../../shared/api/evidence-preview-types.ts';
import type { ItemFields } from '../../../shared/evidence/auto-locate.ts';
import type { PackageFileView } from '../../../shared/api/package-types.ts';
import { api, evidenceUrl, isDesktopShell } from '../api/api.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { evidenceTarget, targetLabel, type EvidenceTarget } from './evidence-target.ts';
import { fileRoute } from './file-kind.ts';
import { ImageViewer } from './image-viewer.tsx';
import { MismatchNote } from './mismatch-note.tsx';
import { PackageSearchPanel } from './package-search-panel.tsx';
import { PagesViewer } from './pages-viewer.tsx';
import { PdfViewer } from './pdf-viewer.tsx';
import { ConvertedPreview } from './previews/converted-preview.tsx';
import { useRememberedRotation } from './remembered-rotation.ts';
import type { PagedFileViewerProps, ViewerGoal } from './viewer-goal.ts';

export interface EvidenceViewerProps {
  /** The expert whose rotations are remembered; null (the chair's console): not remembered. */
  readonly expertId: number | null;
  readonly packageId: number;
  readonly files: readonly PackageFileView[];
  /** Evidence references of the selected claim, in its order (`a.pdf`, `b.pdf#page=3`). */
  readonly claimEvidence: readonly string[];
  readonly claimLabel: string | null;
  /** The selected claim's item (title, id, date, amount), for 自动定位; null for other claims. */
  readonly claimItem?: ItemFields | null | undefined;
  /** What is open: a reference of the claim, or a file picked from the list. */
  readonly opened: EvidenceTarget | null;
  /** Changes each time something is opened, so the viewer goes to its page again. */
  readonly openSeq: number;
  readonly onOpen: (reference: string) => void;
  /** The page on screen of the open paged file (PDF, TIFF, OFD). */
  readonly onPageChange: (path: string, page: number) => void;
}

export function EvidenceViewer(props: EvidenceViewerProps) {
  const { files, claimEvidence, opened, onOpen } = props;
  const [showFiles, setShowFiles] = useState(false);
  const [showSearch, setShowSearch] = useState(false);
  // The words of the alliance-wide search hit last opened, for the reference it opened.
  const [find, setFind] = useState<{ readonly reference: string; readonly query: string } | null>(null);
  const path = opened?.path ?? null;
  const exact = files.find((f) => f.path === path) ?? null;
  // A member of a zip in the package (a hit of the alliance-wide search in a zipped scan): the
  // zip is opened with that member open in it.
  const zipOfMember = exact !== null || path === null ? null : (files.find((f) => path.startsWith(`${f.path}/`)) ?? null);
  const file = exact ?? zipOfMember;
  const member = zipOfMember === null || path === null ? null : path.slice(zipOfMember.path.length + 1);
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
          aria-expanded={showSearch}
          onClick={() => setShowSearch((s) => !s)}
          data-testid="package-search-toggle"
          title="在本联盟的全部材料中搜索文字"
        >
          全文搜索
        </button>
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
      {showSearch && (
        <PackageSearchPanel
          packageId={props.packageId}
          onClose={() => setShowSearch(false)}
          onOpenHit={(hitPath, page, query) => {
            const reference = page === null ? hitPath : `${hitPath}#page=${page}`;
            setFind({ reference, query });
            onOpen(reference);
          }}
        />
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
            member={member}
            page={opened?.page ?? null}
            openSeq={props.openSeq}
            find={find !== null && find.reference === opened?.reference ? find.query : null}
            locateItem={opened !== null && claimEvidence.includes(opened.reference) ? (props.claimItem ?? null) : null}
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
  /** For a zip: the member to open in it, by its path inside the zip. */
  readonly member: string | null;
  readonly page: number | null;
  readonly openSeq: number;
  readonly find: string | null;
  readonly locateItem: ItemFields | null;
  readonly onPageChange: (page: number) => void;
}

function FileView(props: FileViewProps) {
  const { mismatch } = fileRoute(props.file.path, props.file.type);
  return (
    <>
      {mismatch !== null && <MismatchNote text={mismatch} />}
      <FileViewer {...props} />
    </>
  );
}

function FileViewer({ expertId, packageId, file, member, page, openSeq, find, locateItem, onPageChange }: FileViewProps) {
  const { kind } = fileRoute(file.path, file.type);
  const url = evidenceUrl(file.sha256);
  // A scan the expert opens is read by the background OCR next (its text for the search).
  useEffect(() => void api.invoke('ocr-put-first', { sha256: file.sha256 }), [file.sha256]);
  switch (kind) {
    case 'pdf':
      return (
        <PdfFile
          expertId={expertId}
          packageId={packageId}
          file={file}
          url={url}
          goal={{ page, seq: openSeq, find }}
          locateItem={page === null ? locateItem : null}
          onPageChange={onPageChange}
        />
      );
    case 'image':
      return (
        <ImageViewer
          url={url}
          name={file.path}
          problem={file.problem}
          empty={file.size === 0}
          desktop={isDesktopShell}
          systemViewer={<SystemViewerButton packageId={packageId} file={file} />}
        />
      );
    case 'converted':
      return (
        <ConvertedPreview
          packageId={packageId}
          path={file.path}
          member={member === null ? null : { path: member, goal: { page, seq: openSeq, find } }}
          fallback={<ExternalFile packageId={packageId} file={file} />}
          pages={(preview) => (
            <PagesFile
              expertId={expertId}
              packageId={packageId}
              file={file}
              preview={preview}
              goal={{ page, seq: openSeq, find }}
              locateItem={page === null && member === null && preview.paged ? locateItem : null}
              onPageChange={onPageChange}
            />
          )}
        />
      );
  }
}

/**
 * 自动定位 for one opening (`seq`) of a reference without a page: the page main finds from the
 * item's fields, or null. Until it answers, the goal is pending (the viewer waits rather than
 * show page 1 and jump).
 */
function useLocatedGoal(packageId: number, path: string, goal: ViewerGoal, item: ItemFields | null): { goal: ViewerGoal; located: number | null } {
  const [located, setLocated] = useState<{ seq: number; page: number | null } | null>(null);
  const wanted = item === null ? null : JSON.stringify({ id: item.id, title: item.title, date: item.date, amountWan: item.amountWan });
  useEffect(() => {
    if (wanted === null) return;
    let live = true;
    const fields = JSON.parse(wanted) as ItemFields;
    void api.invoke('evidence-locate', { packageId, path, item: fields }).then((result) => {
      // Not finding it (or failing to look) costs only the guess: the file opens at page 1.
      if (live) setLocated({ seq: goal.seq, page: result.ok ? result.value.page : null });
    });
    return () => {
      live = false;
    };
  }, [packageId, path, goal.seq, wanted]);
  if (wanted === null) return { goal, located: null };
  if (located?.seq !== goal.seq) return { goal: { ...goal, pending: true }, located: null };
  // Nothing found: page 1 (also when the file was open at another item's page), unmarked.
  return { goal: { ...goal, page: located.page ?? 1 }, located: located.page };
}

/** The mark of a page 自动定位 found: a guess the expert should check. */
function AutoLocateNote({ located }: { located: number | null }) {
  if (located === null) return null;
  return (
    <p className="auto-locate" role="note" data-testid="auto-locate" title="此项的材料没有注明页码，程序按标题、编号、日期和金额在文件中找到了这一页，请核对。">
      自动定位（第{located}页，可能不准）
    </p>
  );
}

interface PagedFileProps {
  expertId: number | null;
  packageId: number;
  file: PackageFileView;
  goal: ViewerGoal;
  locateItem: ItemFields | null;
  onPageChange: (page: number) => void;
}

/**
 * A paged file of the package (a PDF, or the page images of a TIFF, HEIC or OFD) around its
 * viewer: the turn this expert last gave it, 自动定位 of an item's page, search in its text.
 */
function PagedFile(props: PagedFileProps & { viewer: (shared: PagedFileViewerProps) => ReactNode }) {
  const { packageId, file } = props;
  const { rotation, change, notice } = useRememberedRotation(props.expertId, file.sha256);
  const { goal, located } = useLocatedGoal(packageId, file.path, props.goal, props.locateItem);
  const find = useCallback((query: string) => api.invoke('evidence-search', { packageId, path: file.path, query }), [packageId, file.path]);
  return (
    <>
      {notice && (
        <p className="notice small" role="status">
          {notice}
        </p>
      )}
      <AutoLocateNote located={located} />
      {props.viewer({ goal, rotation, onRotate: change, onPageChange: props.onPageChange, find })}
    </>
  );
}

function PdfFile(props: PagedFileProps & { url: string }) {
  const { packageId, file } = props;
  const skeleton = useCallback(
    () => api.invoke('evidence-pdf-skeleton', { packageId, path: file.path }).then((result) => (result.ok ? result.value : null)),
    [packageId, file.path],
  );
  return (
    <PagedFile
      {...props}
      viewer={(shared) => (
        <PdfViewer
          {...shared}
          url={props.url}
          skeleton={skeleton}
          desktop={isDesktopShell}
          systemViewer={<SystemViewerButton packageId={packageId} file={file} />}
        />
      )}
    />
  );
}

function PagesFile(props: PagedFileProps & { preview: PagesPreview }) {
  return <PagedFile {...props} viewer={(shared) => <PagesViewer {...shared} preview={props.preview} name={props.file.path} />} />;
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
