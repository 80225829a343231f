/**
 * The background OCR's progress on the packages screen: per package, the pages of its scans
 * read so far of those counted, updated while the OCR runs (electron/ocr/ocr-queue.ts). It asks
 * again every few seconds until every package is done, and again after an import.
 */
import { useEffect, useState } from 'react';
import type { PackageOcrProgress } from '../../../shared/api/ocr-types.ts';
import { api } from '../api/api.ts';

const POLL_MS = 2000;

const done = (p: PackageOcrProgress): boolean => p.filesUncounted === 0 && p.pagesDone >= p.pagesTotal;

/** Progress by package id; `generation` changes after an import, which starts new work. */
export function useOcrProgress(generation: number): ReadonlyMap<number, PackageOcrProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<number, PackageOcrProgress>>(new Map());
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let emptyAnswers = 0;
    const ask = () => {
      void api.invoke('ocr-progress', {}).then((result) => {
        if (!live) return;
        // Not knowing the progress costs only this column; the next import asks again.
        if (!result.ok) return;
        setProgress(new Map(result.value.map((p) => [p.packageId, p])));
        // Right after an import the queue may not have looked at the new files yet: an empty
        // answer is asked again a few times; otherwise ask until every package is done.
        if (result.value.length === 0) emptyAnswers += 1;
        if ((result.value.length === 0 && emptyAnswers < 5) || result.value.some((p) => !done(p))) timer = setTimeout(ask, POLL_MS);
      });
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [generation]);
  return progress;
}

export function OcrProgressCell({ progress }: { readonly progress: PackageOcrProgress | undefined }) {
  if (progress === undefined) return <span className="muted small">无需识别</span>;
  if (done(progress)) return <span className="small">已完成（{progress.pagesTotal} 页）</span>;
  return (
    <span className="small" data-testid="ocr-running">
      识别中 {progress.pagesDone} / {progress.pagesTotal} 页
      {progress.filesUncounted > 0 && <span className="muted">，另有 {progress.filesUncounted} 个文件待计页数</span>}
    </span>
  );
}
