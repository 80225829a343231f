/**
 * A zip inside the package: its files (one level deep, names as the package's own are read),
 * each with its size and type, opened in place by `<zip path>/<member path>` the same way as a
 * file of the package (`openMember` renders that view: the converted preview, passed in so the
 * two components do not import each other). A file that cannot be opened says why. Main opens a
 * member by its content, as it does the package's files; one whose extension says otherwise is
 * marked as they are (file-kind.ts).
 */
import { useState, type ReactNode } from 'react';
import type { ZipPreview } from '../../../../shared/api/evidence-preview-types.ts';
import { evidenceTypeNames } from '../../../../shared/evidence/evidence-type.ts';
import { formatBytes } from '../../../../shared/format/format-bytes.ts';
import { mismatchNotice } from '../file-kind.ts';
import { MismatchNote } from '../mismatch-note.tsx';

export interface ZipPreviewProps {
  readonly preview: ZipPreview;
  readonly path: string;
  readonly openMember: (memberPath: string) => ReactNode;
  /** A member to open at once (a hit of the alliance-wide search), its path inside the zip; `seq` changes with each opening. */
  readonly member?: { readonly path: string; readonly seq: number } | null | undefined;
}

export function ZipPreviewView({ preview, path, openMember, member }: ZipPreviewProps) {
  const wanted = member?.path ?? null;
  const seq = member?.seq ?? 0;
  // What the expert chose, and at which opening: a new opening (another search hit) opens its member.
  const [chosen, setChosen] = useState<{ readonly path: string | null; readonly seq: number }>({ path: wanted, seq });
  const open = wanted !== null && chosen.seq !== seq ? wanted : chosen.path;
  const setOpen = (path: string | null) => setChosen({ path, seq });
  if (open !== null) {
    const type = preview.members.find((m) => m.path === open)?.type ?? null;
    const mismatch = type === null ? null : mismatchNotice(open, type);
    return (
      <div className="zip-member-view" data-testid="zip-member-view">
        <div className="viewer-toolbar zip-member-bar">
          <button type="button" className="secondary small" onClick={() => setOpen(null)}>
            ← 返回压缩包文件列表
          </button>
          <span className="small" data-testid="zip-member-path">
            {path} › {open}
          </span>
        </div>
        {mismatch !== null && <MismatchNote text={mismatch} />}
        <div className="zip-member-body">{openMember(`${path}/${open}`)}</div>
      </div>
    );
  }
  return (
    <div className="office-preview evidence-focus" tabIndex={0} aria-label={`压缩包 ${path} 中的文件`} data-testid="zip-preview">
      <p className="preview-note">压缩包“{path}”里的文件（只列出一层；在本程序中直接打开，不解压到磁盘）。</p>
      {preview.notice && <p className="muted">{preview.notice}</p>}
      <table className="preview-table zip-members">
        <thead>
          <tr>
            <th>文件</th>
            <th>大小</th>
            <th>类型</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {preview.members.map((member) => (
            <tr key={member.path} data-testid="zip-member">
              <td>{member.path}</td>
              <td className="muted">{formatBytes(member.size)}</td>
              <td className="muted">{member.type === null ? '—' : evidenceTypeNames[member.type]}</td>
              <td>
                {member.viewable ? (
                  <button type="button" className="secondary small" onClick={() => setOpen(member.path)} aria-label={`打开 ${member.path}`}>
                    打开
                  </button>
                ) : (
                  <span className="muted small">{member.problem ?? '本程序不能显示这种文件'}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
