/**
 * 全文搜索: the words searched in every file of the alliance's package at once (package-search
 * in main: text layers, and OCR text where it is known), the hits listed by file and page with
 * a snippet each; choosing one opens that file at that page with the words highlighted. The
 * files that could not be searched are named, so an empty list is never taken for "not there".
 */
import { useState, type FormEvent } from 'react';
import type { PackageSearch } from '../../../shared/api/evidence-search-types.ts';
import { api } from '../api/api.ts';

export interface PackageSearchPanelProps {
  readonly packageId: number;
  /** Opens a hit: the file, its page (null for a file without pages) and the words. */
  readonly onOpenHit: (path: string, page: number | null, query: string) => void;
  readonly onClose: () => void;
}

export function PackageSearchPanel({ packageId, onOpenHit, onClose }: PackageSearchPanelProps) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [answer, setAnswer] = useState<PackageSearch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    if (words === '') return;
    setBusy(true);
    setError(null);
    setSearched(words);
    const result = await api.invoke('package-search', { packageId, query: words });
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else {
      setAnswer(null);
      setError(result.error.message);
    }
  };

  const total = answer?.files.reduce((n, f) => n + f.total, 0) ?? 0;
  return (
    <section className="package-search" aria-label="全文搜索" data-testid="package-search">
      <form className="package-search-form" role="search" onSubmit={(e) => void search(e)}>
        <input
          aria-label="在本联盟全部材料中搜索"
          placeholder="在本联盟全部材料中搜索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
          autoFocus
          size={24}
        />
        <button type="submit" className="small" disabled={busy}>
          搜索
        </button>
        <button type="button" className="secondary small" onClick={onClose} aria-label="关闭全文搜索">
          关闭
        </button>
      </form>
      {busy && <p className="muted small">正在搜索全部材料……（第一次搜索一个文件时要读出它的文字，稍等）</p>}
      {error !== null && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {answer !== null && !busy && (
        <div className="package-search-result" role="status" data-testid="package-search-result">
          <p className="small">
            {answer.files.length === 0
              ? `全部材料中没有找到“${searched}”。`
              : `“${searched}”共 ${total} 处，在 ${answer.files.length} 个文件中。点击页码打开该页。`}
          </p>
          <ul className="package-search-files">
            {answer.files.map((file) => (
              <li key={file.path}>
                <p className="package-search-file">
                  <strong>{file.path}</strong> <span className="muted small">{file.total} 处</span>
                </p>
                <ul>
                  {file.hits.map((hit, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        className="link"
                        data-testid="package-search-hit"
                        onClick={() => onOpenHit(file.path, file.paged ? hit.page : null, searched)}
                      >
                        {file.paged ? `第${hit.page}页` : '打开'}
                      </button>{' '}
                      <span className="snippet">
                        {hit.snippet.before}
                        <mark>{hit.snippet.match}</mark>
                        {hit.snippet.after}
                      </span>
                    </li>
                  ))}
                  {file.total > file.hits.length && <li className="muted small">……另有 {file.total - file.hits.length} 处，打开文件后用 Ctrl+F 查看</li>}
                </ul>
              </li>
            ))}
          </ul>
          {answer.unsearchable.length > 0 && (
            <details className="muted small">
              <summary>{answer.unsearchable.length} 个文件无法搜索（没有文字层且尚未识别文字，或格式不支持）</summary>
              <ul>
                {answer.unsearchable.map((path) => (
                  <li key={path}>{path}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
